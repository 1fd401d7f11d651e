using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>The subject a series or changes read replays, found, or the 404 the endpoint answers (so its read is not put on file).</summary>
internal static class ReplayedSubject
{
    public static async Task<(ScoreSubject? Subject, Unit? Unit, IResult? Fault)> Unit(IQuerySession session, HttpContext http, Guid id) =>
        await session.LoadAsync<Unit>(id, http.RequestAborted) is { } unit
            ? (new ScoreSubject("unit", unit.Id, unit.Name, unit.Code), unit, null)
            : (null, null, Problems.NotFound("unit", id));

    public static async Task<(ScoreSubject? Subject, Person? Person, IResult? Fault)> Person(IQuerySession session, HttpContext http, Guid id) =>
        await session.LoadAsync<Person>(id, http.RequestAborted) is { } person
            ? (new ScoreSubject("person", person.Id, person.Name, null), person, null)
            : (null, null, Problems.NotFound("person", id));

    /// <summary>
    /// A replayed subject's read that also downloads, in the order every such endpoint answers: a <c>format</c> it
    /// cannot write (400), then a subject it does not know (404), then the read, as JSON or as the file
    /// <paramref name="answer"/> makes of it.
    /// </summary>
    public static async Task<JsonOrFile<T>> Answered<T, TFound>(string? format, Func<Task<(ScoreSubject? Subject, TFound? Found, IResult? Fault)>> find,
        Func<ScoreSubject, TFound, Task<T>> read, Func<T, string?, JsonOrFile<T>> answer) where TFound : class
    {
        if (TableExport.Refusal(format) is { } badFormat) return JsonOrFile<T>.Refused(badFormat);
        var (subject, found, missing) = await find();
        if (missing is not null) return JsonOrFile<T>.Refused(missing);
        return answer(await read(subject!, found!), format);
    }
}
