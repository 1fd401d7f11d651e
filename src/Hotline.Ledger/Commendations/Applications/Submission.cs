namespace Hotline.Ledger.Commendations.Applications;

public sealed record Submission(DateTimeOffset At, string By, int Nominations);
