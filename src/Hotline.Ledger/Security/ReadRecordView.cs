namespace Hotline.Ledger.Security;

public sealed record ReadRecordView(
    Guid Id, DateTimeOffset At, string Reader, IReadOnlyList<string> Roles, string? ReaderUnit, ReadKind Kind,
    Guid? UnitId, Guid? PersonId, string Path, string Query, string CorrelationId)
{
    public static ReadRecordView Of(ReadRecord r) =>
        new(r.Id, r.At, r.Reader, r.Roles, r.ReaderUnit, r.Kind, r.UnitId, r.PersonId, r.Path, r.Query, r.CorrelationId);
}
