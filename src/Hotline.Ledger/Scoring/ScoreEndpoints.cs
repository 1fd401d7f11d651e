using Hotline.Ledger.Exports;
using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Hotline.Ledger.WhatIf;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Scoring;

public static class ScoreEndpoints
{
    [WolverineGet("/api/units/{id}/score", OperationId = "unitScore")]
    public static Task<IResult> UnitScore(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt, string? rulebook, string? format) =>
        Score<Unit>(session, rulebooks, audit, http, SubjectKind.Unit, id, ScoreQuery.Parse(year, asOf, knownAt, clock), rulebook, format,
            u => new ScoreSubject("unit", u.Id, u.Name, u.Code));

    [WolverineGet("/api/people/{id}/score", OperationId = "personScore")]
    public static Task<IResult> PersonScore(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt, string? rulebook, string? format) =>
        Score<Person>(session, rulebooks, audit, http, SubjectKind.Person, id, ScoreQuery.Parse(year, asOf, knownAt, clock), rulebook, format,
            p => new ScoreSubject("person", p.Id, p.Name, null), NotAMember, (p, q, card) => card with { Memberships = q.MembershipsOf(p) });

    /// <summary>A person is scored only for the days they belonged to a unit: a year without one has no score (ADR 0065).</summary>
    private static IResult? NotAMember(Person person, ScoreQuery q) =>
        q.Scores(person)
            ? null
            : Results.Problem(title: ProblemText.Of("person.notAMember.title"),
                detail: ProblemText.Of("person.notAMember", person.Id, q.Year, q.YearStart, q.LastCountedDay),
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { [Problems.CodeKey] = "person.notAMember", ["year"] = q.Year });

    /// <summary>
    /// The subject, its entries and its marks in one round trip; the read record is written while the rate
    /// counters are read, and nothing is answered before it is written (ADR 0012, ADR 0046). An unknown subject
    /// is a 404 with nothing recorded.
    /// </summary>
    private static async Task<IResult> Score<TSubject>(IQuerySession session, RulebookCatalog rulebooks, ReadAudit audit, HttpContext http,
        SubjectKind kind, Guid id, (ScoreQuery? Query, string? Field, string? Rule) parsed, string? rulebook, string? format, Func<TSubject, ScoreSubject> describe,
        Func<TSubject, ScoreQuery, IResult?>? refuse = null, Func<TSubject, ScoreQuery, Scorecard, Scorecard>? complete = null)
        where TSubject : class
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
        if (parsed.Query is not { } query) return Problems.Field(parsed.Field!, parsed.Rule!);
        // '?rulebook=draft:ID' scores under a draft (ADR 0091); without it, under the rulebook in force.
        var (draft, refusal) = await DraftScorecards.Resolve(session, http, rulebook);
        if (refusal is not null) return refusal;
        var batch = session.CreateBatchQuery();
        var subjectRow = batch.Load<TSubject>(id);
        var rows = SubjectCards.Queue(batch, kind, id, query);
        await batch.Execute(http.RequestAborted);
        if (await subjectRow is not { } subject) return Problems.NotFound(kind == SubjectKind.Unit ? "unit" : "person", id);
        if (refuse?.Invoke(subject, query) is { } notScored) return notScored;

        var recorded = audit.RecordAsync(http, ReadKind.ScoreReplay, unitId: kind == SubjectKind.Unit ? id : null,
            personId: kind == SubjectKind.Person ? id : null, cancellation: http.RequestAborted);
        var inForce = rulebooks.ForScoring(query.Year, query.AsOf)!;
        var card = draft is null
            ? await SubjectCards.Compute(session, inForce, kind, describe(subject), query, rows, recorded)
            : await DraftScorecards.Compute(session, inForce, draft, kind, describe(subject), query, rows, recorded);
        if (export is { } chosen)
            return TableExport.File(http.Request, chosen, $"{(kind == SubjectKind.Unit ? "unit" : "person")}-score-{query.Year}",
                $"{card.Subject.Name} {query.Year}年度考评表", ScoreLine.Columns, ScoreLine.Of(card));
        return Results.Ok(complete is null ? card : complete(subject, query, card));
    }

    [WolverineGet("/api/rankings", OperationId = "rankings")]
    public static async Task<IResult> Rankings(IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock,
        ReadAudit audit, HttpContext http, string? year, string? asOf, string? knownAt, string? format)
    {
        var (query, field, rule) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Field(field!, rule!);
        if (Series.TableExport.Refusal(format) is { } badFormat) return badFormat;
        // Every unit's score is replayed: recorded without a subject.
        await audit.RecordAsync(http, ReadKind.ScoreReplay, cancellation: http.RequestAborted);
        var rulebook = rulebooks.ForScoring(query.Year, query.AsOf)!;
        var ranking = await Ranking.Units(session, rulebook, query);
        // ?format=csv|xlsx: the ranking as a table (ADR 0085).
        var (json, download) = Series.TableExport.Choose(format, () => new Evaluation.Exports.SheetTable("ranking", "排名",
            [new("rank", "名次"), new("code", "单位代码"), new("name", "单位名称"), new("criteriaTotal", "基础分"), new("bonusTotal", "加分", true),
             new("deductionTotal", "减分", true), new("total", "总分")],
            ranking.Select(r => new object?[] { r.Rank, r.Code, r.Name, r.CriteriaTotal, r.BonusTotal, r.DeductionTotal, r.Total }).ToList()),
            $"ranking-{query.Year}-{query.AsOf:yyyy-MM-dd}");
        return json ? Results.Ok(ranking) : download!;
    }
}
