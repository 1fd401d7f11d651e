using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Marks;

public sealed record MarkView(
    Guid Id, int Year, string Clause, Guid? UnitId, Guid? PersonId, decimal Points, string Reason,
    string Scorer, DateOnly MarkedOn, DateTimeOffset RecordedAt, string Rulebook) : IViewOf<Mark, MarkView>
{
    static MarkView IViewOf<Mark, MarkView>.Of(Mark mark, IServiceProvider services) => Of(mark);

    public static MarkView Of(Mark m) => new(
        m.Id, m.Year, m.Clause,
        m.SubjectKind == SubjectKind.Unit ? m.SubjectId : null,
        m.SubjectKind == SubjectKind.Person ? m.SubjectId : null,
        m.Points, m.Reason, m.Scorer, m.MarkedOn, m.RecordedAt, m.Rulebook);
}
