using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

public sealed record ScoreSubject(string Kind, Guid Id, string Name, string? Code);
