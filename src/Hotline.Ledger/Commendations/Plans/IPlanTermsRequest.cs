namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The terms as a request gives them, shared by the draft and the revision.</summary>
public interface IPlanTermsRequest
{
    string Scope { get; }
    int UnitQuota { get; }
    int PersonQuota { get; }
    DateOnly OpensOn { get; }
    DateOnly ClosesOn { get; }
    int? NominationsPerUnit { get; }
}
