using System.Globalization;
using Hotline.Ledger.Accountability.Bundle;
using Hotline.Ledger.Commendations.Review;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Http;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Accountability;

public sealed record ReferralRoundView(int Year, Guid EvaluationId, AccountabilityRules Rules, DateTimeOffset MadeAt, string MadeBy, IReadOnlyList<Referral> Referrals);

public static class ReferralEndpoints
{
    /// <summary>
    /// Refers to the supervisory organ (S4) every unit and individual whose row of the approved year-end
    /// result has a serious deduction or reaches the deduction threshold. Once per year.
    /// </summary>
    [WolverinePost("/api/referrals", OperationId = "makeReferrals")]
    public static async Task<IResult> Make(MakeReferrals command, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        var (result, missing) = await ApprovedResult.Of(session, command.Year);
        if (result is null) return Problems.Conflict("Year-end result not approved", missing!, "year");
        var roundId = ReferralRound.IdOf(command.Year);
        if (await session.LoadAsync<ReferralRound>(roundId) is { } done)
            return Problems.Conflict("Referrals already made",
                $"The {command.Year} referrals were made at {done.MadeAt:O} by {done.MadeBy} ({done.ReferralIds.Count} referral(s)); the approved result they rest on is frozen, so there is nothing new to refer.",
                "year");

        var rules = rulebooks.Get(result.Sheet.Rulebook)?.Accountability ?? new AccountabilityRules([], null);
        var actor = RequestActor.Of(http);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var made = Referrals(result, rules, note, actor).ToList();
        foreach (var referral in made) session.Events.StartStream<Referral>(referral.ReferralId, referral);
        session.Events.StartStream<ReferralRound>(roundId, new ReferralsMade(roundId, command.Year, result.Evaluation.Id, result.Stored.Sha256,
            result.Sheet.Rulebook, rules, made.Select(r => r.ReferralId).ToList(), note, actor));
        await session.SaveChangesAsync();

        var round = await session.LoadAsync<ReferralRound>(roundId);
        var referrals = await session.LoadManyAsync<Referral>(round!.ReferralIds);
        return Results.Created($"/api/referrals?year={command.Year}", new ReferralRoundView(round.Year, round.EvaluationId, round.Rules, round.MadeAt, round.MadeBy,
            round.ReferralIds.Select(id => referrals.Single(r => r.Id == id)).ToList()));
    }

    [WolverineGet("/api/referrals", OperationId = "listReferrals")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http, ReadAudit audit, string? year, Guid? unitId, Guid? personId)
    {
        var query = session.Query<Referral>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                return Problems.Field("year", "'year' must be a year such as 2020.");
            query = query.Where(r => r.Year == y);
        }

        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        var rows = await query.ToListAsync();
        // Who looked at whom the office referred is recorded, with the subject asked for (none for the whole list).
        await audit.RecordAsync(http, ReadKind.Referral, unitId, personId, http.RequestAborted);
        return Results.Ok(rows.OrderBy(r => r.Year).ThenBy(r => r.Kind == Candidates.UnitKind ? 0 : 1).ThenBy(r => r.Rank).ToList());
    }

    [WolverineGet("/api/referrals/{id}", OperationId = "getReferral")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http, ReadAudit audit)
    {
        if (await session.LoadAsync<Referral>(id) is not { } referral) return Problems.NotFound("referral", id);
        await audit.RecordAsync(http, ReadKind.Referral, referral.UnitId, referral.PersonId, http.RequestAborted);
        return Results.Ok(referral);
    }

    /// <summary>
    /// The referral's evidence bundle for the inspector, as ONE ZIP file: referral.json (everything, for
    /// machines), referral.html (to print), entries.csv, evidence.csv, and SHA256SUMS of those files.
    /// </summary>
    [WolverineGet("/api/referrals/{id}/bundle", OperationId = "getReferralBundle")]
    public static async Task<IResult> Bundle(Guid id, IQuerySession session, TimeProvider clock, HttpContext http, ReadAudit audit)
    {
        var referral = await session.LoadAsync<Referral>(id);
        if (referral is null) return Problems.NotFound("referral", id);
        // The inspector's pull of the evidence is recorded like any read of the evidence trail.
        await audit.RecordAsync(http, ReadKind.Export, referral.UnitId, referral.PersonId, http.RequestAborted);
        var bundle = await ReferralBundle.Gather(session, referral, clock.GetUtcNow(), RequestActor.Of(http));
        return Results.File(BundleZip.Write(bundle), BundleZip.ContentType, BundleZip.FileName(referral));
    }

    private static IEnumerable<ReferralMade> Referrals(ApprovedResult result, AccountabilityRules rules, string? note, string actor)
    {
        var sheet = result.Sheet;
        foreach (var u in sheet.Units)
        {
            var grounds = ReferralGrounds.Of(rules, u.Deductions, u.DeductionTotal);
            if (grounds.Count > 0)
                yield return Made(result, Candidates.UnitKind, u.UnitId, null, u.Name, u.Code, u.Name, u.Rank, u.Total, u.Grade, u.DeductionTotal, grounds, note, actor);
        }

        foreach (var p in sheet.People)
        {
            var grounds = ReferralGrounds.Of(rules, p.Deductions, p.DeductionTotal);
            if (grounds.Count > 0)
                yield return Made(result, Candidates.PersonKind, p.UnitId, p.PersonId, p.Name, p.UnitCode, p.UnitName, p.Rank, p.Total, p.Grade, p.DeductionTotal, grounds, note, actor);
        }
    }

    private static ReferralMade Made(ApprovedResult result, string kind, Guid unitId, Guid? personId, string name, string unitCode, string unitName,
        int rank, decimal total, string? grade, decimal deductionTotal, IReadOnlyList<ReferralGround> grounds, string? note, string actor) =>
        new(Referral.IdOf(result.Evaluation.Year, kind, personId ?? unitId), result.Evaluation.Year, result.Evaluation.Id, result.Stored.Sha256,
            kind, unitId, personId, name, unitCode, unitName, rank, total, grade, deductionTotal, grounds, note, actor);
}
