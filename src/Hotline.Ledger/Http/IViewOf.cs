namespace Hotline.Ledger.Http;

/// <summary>
/// A view the API answers with, built from the document Marten stores. The services are there for a view that
/// needs more than its document (a draft's differences need the rulebook catalog); most views ignore them.
/// </summary>
public interface IViewOf<in TDocument, out TView> where TView : IViewOf<TDocument, TView>
{
    static abstract TView Of(TDocument document, IServiceProvider services);
}
