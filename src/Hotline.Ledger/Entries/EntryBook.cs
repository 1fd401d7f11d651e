using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Entries;

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
                return ProblemText.Of("entry.clause.oncePerYear", clause.Code, ProblemText.Noun(kind.ToString().ToLowerInvariant()), year, claim.EntryId);
        }

        return null;
    }

    /// <summary>Appends the entry on its own stream; the stream action carries the event the store stamps on save.</summary>
    public static StreamAction Record(IDocumentSession session, Clause clause, EntryRecorded recorded)
    {
        var stream = session.Events.StartStream<Entry>(recorded.EntryId, recorded);
        Claim(session, clause, recorded);
        return stream;
    }

    /// <summary>Takes the entry's once-per-year claims, if its clause has them, in the session that appends the entry.</summary>
    public static void Claim(IDocumentSession session, Clause clause, EntryRecorded recorded)
    {
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

    /// <summary>The compensating event: the entry stops counting, and its once-per-year claims are released.</summary>
    public static void Rescind(IDocumentSession session, IEventStream<Entry> stream, Clause? clause, EntryRescinded rescinded)
    {
        stream.AppendOne(rescinded);
        ReleaseClaims(session, clause, stream.Aggregate!);
    }

    /// <summary>
    /// Replaces an entry by a corrected one in the same unit of work: the old one is rescinded and the
    /// correction recorded. A once-per-year claim moves to the correction instead of being released
    /// and taken again, so no other entry can slip in between.
    /// </summary>
    public static void Correct(IDocumentSession session, IEventStream<Entry> stream, Clause clause, EntryRescinded rescinded, EntryRecorded correction)
    {
        stream.AppendOne(rescinded);
        session.Events.StartStream<Entry>(correction.EntryId, correction);
        if (clause.Frequency != Frequency.OncePerYear) return;

        foreach (var (kind, id) in EntryRules.Subjects(clause, correction.UnitId, correction.PersonId))
        {
            session.Store(new OncePerYearClaim
            {
                Id = OncePerYearClaim.KeyOf(clause.Code, kind, id, correction.OccurredOn.Year),
                EntryId = correction.EntryId,
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
