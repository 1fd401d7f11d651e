namespace Hotline.Ledger.Security;

/// <summary>
/// The people (and the one machine) who use the ledger, as the role claim of their token names them.
/// What each may do is in <see cref="AccessMatrix"/>, not here.
/// </summary>
public static class Roles
{
    /// <summary>The hotline office: registers units and people, records entries, issues circulars.</summary>
    public const string Office = "office";

    /// <summary>Marks criteria (the office staff who score, I8 included).</summary>
    public const string Assessor = "assessor";

    /// <summary>Replays scores and checks the ledger's integrity; reads everything, writes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>The supervisory organ: pulls evidence for accountability; reads everything, writes nothing.</summary>
    public const string Inspector = "inspector";

    /// <summary>A member unit's contact: sees only the unit named by the token's unit claim.</summary>
    public const string Liaison = "liaison";

    /// <summary>Leadership: approves or returns evaluations and plans.</summary>
    public const string Leader = "leader";

    /// <summary>The hotline platform's machine identity: feeds case events, reads nothing.</summary>
    public const string Feed = "feed";

    /// <summary>The province's office: reads every city's circulars, approved results and rates, and the cross-city summary; nothing of a city's own routes.</summary>
    public const string Province = "province";

    /// <summary>The province platform's administrator: adds cities to the deployment and lists them; reads no city's ledger.</summary>
    public const string ProvinceAdmin = "province-admin";

    public static readonly IReadOnlyList<string> All = [Office, Assessor, Auditor, Inspector, Liaison, Leader, Feed, Province, ProvinceAdmin];

    /// <summary>Roles that see every unit. A liaison holding one of them too is not confined to their unit.</summary>
    public static readonly IReadOnlyList<string> SeeEveryUnit = [Office, Assessor, Auditor, Inspector, Leader];
}
