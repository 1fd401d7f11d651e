using Hotline.Ledger.Commendations.Review;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

public static class MakeReferralsEndpoint
{
    public static async Task<Referring> LoadAsync(MakeReferrals command, IQuerySession session)
    {
        var (result, missing) = await ApprovedResult.Of(session, command.Year);
        if (result is null) return new(null, missing, null);
        return new(result, null, await session.LoadAsync<ReferralRound>(ReferralRound.IdOf(command.Year)));
    }

    public static ProblemDetails Validate(MakeReferrals command, Referring referring)
    {
        if (referring.NotApproved is { } missing) return Problems.ConflictProblemAs(missing, "result.notApproved.title", "year");
        if (referring.Done is { } done) return Problems.ConflictProblem(new Refusal("referral.made", command.Year, done.MadeAt, done.MadeBy, done.ReferralIds.Count), "year");
        return WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Refers to the supervisory organ (S4) every unit and individual whose row of the approved year-end
    /// result has a serious deduction or reaches the deduction threshold. Once per year.
    /// </summary>
    [WolverinePost("/api/referrals", OperationId = "makeReferrals")]
    public static (Written<ReferralRoundView>, IEnumerable<IMartenOp>) Post(MakeReferrals command, Referring referring, RulebookCatalog rulebooks, HttpContext http)
    {
        var result = referring.Result!;
        var rules = rulebooks.Get(result.Sheet.Rulebook)?.Accountability ?? new AccountabilityRules([], null);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var actor = RequestActor.Of(http);
        var made = Referrals(result, rules, note, actor).ToList();
        var roundId = ReferralRound.IdOf(command.Year);
        var streams = made.Select(r => (IMartenOp)MartenOps.StartStream<Referral>(r.ReferralId, r))
            .Append(MartenOps.StartStream<ReferralRound>(roundId, new ReferralsMade(roundId, command.Year, result.Evaluation.Id, result.Stored.Sha256,
                result.Sheet.Rulebook, rules, made.Select(r => r.ReferralId).ToList(), note, actor)))
            .ToList();
        return (new(roundId, $"/api/referrals?year={command.Year}"), streams);
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
