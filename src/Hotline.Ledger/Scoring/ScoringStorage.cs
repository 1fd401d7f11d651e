using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// Indexes that match a score's reads (ADRs 0042, 0197): a unit's or a person's entries of one year, a subject's marks of
/// one year. Each leads with the subject and the year, so a read touches that subject-year's rows only and costs the
/// same with one year of history as with five (with the single-column indexes alone, PostgreSQL reads the subject's
/// rows of every year, or intersects them with the whole city's year).
/// </summary>
public sealed class ScoringStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Schema.For<Entry>()
            .Index(e => new { e.UnitId, e.Year, e.OccurredOn }, i => i.Name = "mt_doc_entry_idx_unit_year")
            .Index(e => new { e.PersonId, e.Year, e.OccurredOn }, i => i.Name = "mt_doc_entry_idx_person_year");
        opts.Schema.For<Mark>().Index(m => new { m.SubjectId, m.Year, m.RecordedAt }, i => i.Name = "mt_doc_mark_idx_subject_year");
    }
}
