namespace Hotline.Ledger.Integrity;

public sealed class IntegrityOptions
{
    public const string Section = "Hotline:Integrity";

    /// <summary>When the deep verification runs, in the office's time zone (default 02:30 every day).</summary>
    public string VerifyCron { get; set; } = "30 2 * * *";
}
