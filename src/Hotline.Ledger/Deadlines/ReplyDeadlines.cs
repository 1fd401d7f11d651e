using Hotline.Ledger.Cases;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Deadlines;

/// <summary>
/// D3.1, recorded by the ledger itself (ADR 0023): a case whose reply deadline passed with neither a
/// reply, nor an explanation, nor an extension granted in time costs the responsible unit 5 points,
/// once per case and unit. A reply that arrives later does not undo it; a rescission or an upheld appeal does.
/// </summary>
public static class ReplyDeadlines
{
    public const string Clause = "D3.1";

    /// <summary>Charges the cases whose deadline passed by <paramref name="cutoff"/>; answers whether there may be more than <paramref name="limit"/>.</summary>
    public static async Task<bool> Judge(IDocumentSession session, DateTimeOffset cutoff, RulebookCatalog rulebooks, int limit, CancellationToken ct)
    {
        // The earliest due files, locked in id order as the feed locks them (ADR 0048), then read: a feed batch
        // that holds one is waited for, and what it wrote is what is judged.
        var table = session.DocumentStore.Options.Schema.For<CaseFile>();
        var locked = await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {table} where id in (select id from {table} where reply_check_at <= ? order by reply_check_at limit ?) order by id for update",
            ct, cutoff, limit);
        var due = (await session.LoadManyAsync<CaseFile>(ct, locked))
            .Where(c => c.ReplyCheckAt != null && c.ReplyCheckAt <= cutoff)
            .OrderBy(c => c.ReplyCheckAt);

        foreach (var file in due)
        {
            var derivation = file.Derive();
            foreach (var missed in file.Uncharged(derivation).Where(o => o.CheckAt <= cutoff).ToList())
                Charge(session, file, missed, rulebooks);

            file.Refresh(derivation);
            session.Store(file);
        }

        return locked.Count == limit;
    }

    private static void Charge(IDocumentSession session, CaseFile file, ReplyObligation missed, RulebookCatalog rulebooks)
    {
        var entryId = CaseIds.ReplyChargeOf(file.CaseNumber, missed.UnitId);
        var occurredOn = OfficeCalendar.DateOf(missed.DueAt);
        var rulebook = rulebooks.InForceOn(occurredOn);
        if (rulebook?.Find(Clause) is { } clause)
        {
            var local = TimeZoneInfo.ConvertTime(missed.DueAt, OfficeCalendar.Zone);
            EntryBook.Record(session, clause, new EntryRecorded(
                entryId, rulebook.Id, clause.Code, missed.UnitId, null, occurredOn, clause.Signed(clause.Points!.Value),
                $"账本自动记录：案件 {file.CaseNumber} 应于 {local:yyyy-MM-dd HH:mm}（北京时间）前回复，截至当时既未回复、未说明原因，也未获准延期。",
                [], file.CaseNumber, RequestActor.Ledger, Automatic: true));
        }

        // Marked charged even under a rulebook without D3.1, so that the case is not looked at again.
        file.Charges.Add(new ReplyCharge(missed.UnitId, missed.DueAt, entryId));
        session.Events.Append(file.Id, new ReplyDeadlineMissed(file.CaseNumber, missed.UnitId, missed.DueAt, entryId));
    }
}
