using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Appeals;

/// <summary>
/// What an upheld appeal does to the ledger, appended in the caller's unit of work so that the
/// decision and its compensating events commit together or not at all (ADR 0030).
/// </summary>
internal static class AppealRemedy
{
    public static async Task<(AppealDecided? Decided, Rejection? Refusal)> OnEntry(
        IDocumentSession session, RulebookCatalog rulebooks, Appeal appeal, DecideAppeal command, TimeProvider clock, string actor)
    {
        // Fetched for writing: a rescission racing this decision makes one of the two a 409.
        var stream = await session.Events.FetchForWriting<Entry>(appeal.EntryId!.Value);
        var entry = stream.Aggregate!;
        var reason = command.Reason.Trim();

        if (entry.Rescission is { } earlier)
        {
            if (command.CorrectedPoints is not null)
                return (null, Rejection.Conflict("correctedPoints", "appeal.correction.rescinded", entry.Id, earlier.RescindedAt, earlier.RescindedBy));
            // The ledger already agrees with the appellant: the decision is recorded with nothing to compensate.
            return (Decided(appeal, Appeal.Upheld, reason, null, null, null, actor), null);
        }

        var rulebook = rulebooks.Get(entry.Rulebook);
        var clause = rulebook?.Find(entry.Clause);
        var rescission = new EntryRescinded(entry.Id, reason, actor, appeal.Id);
        if (command.CorrectedPoints is not { } corrected)
        {
            EntryBook.Rescind(session, stream, clause, rescission);
            return (Decided(appeal, Appeal.Upheld, reason, null, entry.Id, null, actor), null);
        }

        if (corrected == Math.Abs(entry.Points))
            return (null, Rejection.Invalid("correctedPoints", "appeal.correctedPoints.same", entry.Id, Math.Abs(entry.Points)));

        // The correction must meet the same rules as any entry of its clause (range, subject, dates).
        var person = entry.PersonId is { } personId ? await session.LoadAsync<Person>(personId) : null;
        var proposal = new RecordEntry(entry.Clause, entry.UnitId, entry.PersonId, entry.OccurredOn, corrected, entry.Reason, entry.Evidence, entry.CaseNumber);
        if (EntryRules.Check(proposal, rulebook, OfficeCalendar.Today(clock), person, out var checkedClause) is { } fault)
            return (null, Rejection.Invalid(fault.Field == "points" ? "correctedPoints" : fault.Field, fault.Code, fault.Args));

        var correctionId = Guid.CreateVersion7();
        EntryBook.Correct(session, stream, checkedClause!, rescission, new EntryRecorded(
            correctionId, entry.Rulebook, entry.Clause, entry.UnitId, entry.PersonId, entry.OccurredOn, checkedClause!.Signed(corrected),
            entry.Reason, entry.Evidence, entry.CaseNumber, actor, Automatic: false, Month: entry.Month, AppealId: appeal.Id));
        return (Decided(appeal, Appeal.Upheld, reason, corrected, entry.Id, correctionId, actor), null);
    }

    public static (AppealDecided? Decided, Rejection? Refusal) OnCriterion(
        IDocumentSession session, RulebookCatalog rulebooks, Appeal appeal, DecideAppeal command, TimeProvider clock, string actor)
    {
        var reason = command.Reason.Trim();
        var clause = rulebooks.Get(appeal.Rulebook)?.Find(appeal.Clause);
        if (clause is null)
            return (null, Rejection.Conflict(null, "appeal.rulebook.missing", appeal.Rulebook, appeal.Clause));

        if (clause.IsComputed)
        {
            // Computed criteria follow the case data; the correction belongs there (ADR 0030, future work).
            if (command.CorrectedPoints is not null)
                return (null, Rejection.Invalid("correctedPoints", "appeal.correctedPoints.computed", clause.Code));
            return (Decided(appeal, Appeal.Upheld, reason, null, null, null, actor), null);
        }

        if (command.CorrectedPoints is not { } points)
            return (null, Rejection.Invalid("correctedPoints", "appeal.correctedPoints.required", clause.Code));
        if (points > clause.MaxMagnitude)
            return (null, Rejection.Invalid("correctedPoints", "appeal.correctedPoints.outOfRange", clause.Code, clause.MaxMagnitude));

        var today = OfficeCalendar.Today(clock);
        var markedOn = today.Year == appeal.Year ? today : OfficeCalendar.LastDayOf(appeal.Year);
        var markId = Guid.CreateVersion7();
        session.Events.StartStream<Mark>(markId, new MarkRecorded(
            markId, appeal.Rulebook, appeal.Year, clause.Code, SubjectKind.Unit, appeal.UnitId, points, reason, actor, markedOn, appeal.Id));
        return (Decided(appeal, Appeal.Upheld, reason, points, null, null, actor) with { MarkId = markId }, null);
    }

    public static AppealDecided Decided(Appeal appeal, string outcome, string reason, decimal? corrected, Guid? rescinded, Guid? correction, string actor) =>
        new(appeal.Id, outcome, reason, corrected, rescinded, correction, null, actor);
}
