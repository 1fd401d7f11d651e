using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Entries;

/// <summary>
/// A lock, not a fact: the document that makes a once-per-year clause (B3, B4) race-free. Its id is
/// the (clause, subject, year); inserting a second one fails inside the same transaction as the
/// entry's append, so of two racing requests exactly one commits. A rescission releases it.
/// </summary>
public sealed class OncePerYearClaim
{
    public string Id { get; set; } = "";
    public Guid EntryId { get; set; }

    public static string KeyOf(string clause, SubjectKind subject, Guid subjectId, int year) =>
        $"{clause}|{subject}|{subjectId:N}|{year}";
}
