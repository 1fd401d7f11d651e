using Marten.Schema;

namespace Hotline.Ledger.Rulebooks.Drafts;

public sealed class DraftStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<RulebookDraft>();
        // Two leaders adopting at the same moment cannot give two rulebooks one id or one effective date:
        // the second approval fails on these indexes and answers 409 (unadopted drafts hold nulls, which never clash).
        // The status stays in the document, where LINQ compares its word (a duplicated column would hold the C# name).
        opts.Schema.For<RulebookDraft>()
            .UniqueIndex(UniqueIndexType.Computed, "mt_doc_rulebookdraft_uidx_adopted_id", d => d.AdoptedId!)
            .UniqueIndex(UniqueIndexType.Computed, "mt_doc_rulebookdraft_uidx_adopted_from", d => d.AdoptedFrom!);
    }
}
