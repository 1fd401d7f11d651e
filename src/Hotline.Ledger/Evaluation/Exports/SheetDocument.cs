using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>
/// What an export prints: a sheet with its title, the facts that identify it, and the remarks a
/// year-end evaluation adds per unit. Circulars and evaluations both become one.
/// </summary>
public sealed record SheetDocument(
    string FileName,
    string Title,
    string? Status,
    ScoreSheet Sheet,
    string Sha256,
    IReadOnlyList<(string Label, string Value)> Facts,
    IReadOnlyDictionary<Guid, string> Remarks,
    bool Graded,
    DateOnly SignedOn,
    string Signature);
