using Hotline.Ledger.Rulebooks;
using Marten;

namespace Hotline.Ledger.Ledger.Entries;

/// <summary>
/// Appends entries and rescissions, and keeps the once-per-year claims in step with them. Every
/// path that writes the ledger (the office, the automatic deductions, upheld appeals) comes here.
/// </summary>
public static class EntryBook
{
    public static async Task<string?> FindOncePerYearConflict(IQuerySession session, Clause clause, Guid unitId, Guid? personId, int year)
    {
        if (clause.Frequency != Frequency.OncePerYear) return null;
        foreach (var (kind, id) in EntryRules.Subjects(clause, unitId, personId))
        {
            var claim = await session.LoadAsync<OncePerYearClaim>(OncePerYearClaim.KeyOf(clause.Code, kind, id, year));
            if (claim is not null)
                return $"'{clause.Code}' is given once a year and the {kind.ToString().ToLowerInvariant()} already has it for {year} (entry {claim.EntryId}).";
        }

        return null;
    }

    public static void Record(IDocumentSession session, Clause clause, EntryRecorded recorded)
    {
        session.Events.StartStream<Entry>(recorded.EntryId, recorded);
        if (clause.Frequency != Frequency.OncePerYear) return;

        foreach (var (kind, id) in EntryRules.Subjects(clause, recorded.UnitId, recorded.PersonId))
        {
            // Insert, not store: a racing twin fails on the primary key and its whole transaction rolls back.
            session.Insert(new OncePerYearClaim
            {
                Id = OncePerYearClaim.KeyOf(clause.Code, kind, id, recorded.OccurredOn.Year),
                EntryId = recorded.EntryId,
            });
        }
    }

    /// <summary>Releases the entry's once-per-year claims, so that a corrected entry can take its place.</summary>
    public static void ReleaseClaims(IDocumentSession session, Clause? clause, Entry entry)
    {
        if (clause?.Frequency != Frequency.OncePerYear) return;
        foreach (var (kind, id) in EntryRules.Subjects(clause, entry.UnitId, entry.PersonId))
            session.Delete<OncePerYearClaim>(OncePerYearClaim.KeyOf(clause.Code, kind, id, entry.Year));
    }
}
