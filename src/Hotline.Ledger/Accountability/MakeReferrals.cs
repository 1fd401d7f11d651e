namespace Hotline.Ledger.Accountability;

/// <summary>Refer, for a year whose year-end result is approved, every unit and individual the accountability rules name.</summary>
public sealed record MakeReferrals(int Year, string? Note);
