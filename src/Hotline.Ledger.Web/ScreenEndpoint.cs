namespace Hotline.Ledger.Web;

/// <summary>
/// Marks the screens' own endpoints (pages, assets, sign-in and sign-out, downloads). They answer to the
/// session cookie, not to the access matrix: whatever they show or do, they ask the API for, as the user.
/// </summary>
public sealed class ScreenEndpoint
{
    public static readonly ScreenEndpoint Instance = new();

    private ScreenEndpoint()
    {
    }
}
