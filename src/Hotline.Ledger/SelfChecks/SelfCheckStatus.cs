namespace Hotline.Ledger.SelfChecks;

/// <summary>
/// A month's self-check as the office sees it on a date. Never stored: the API writes it in camelCase
/// (<c>onTime</c>, <c>late</c>, <c>missing</c>, <c>open</c>), as the strings it answered with before.
/// </summary>
public enum SelfCheckStatus { OnTime, Late, Missing, Open }
