using JasperFx.CodeGeneration.Frames;
using Wolverine;
using Wolverine.Configuration;

namespace Hotline.Ledger.Http;

/// <summary>
/// An endpoint's answer read back once Wolverine has saved the request's events: the view of the document as
/// the store holds it, so that recorded instants and versions in the answer are the stored ones. It works as
/// Wolverine's <c>UpdatedAggregate</c> does (a response frame after the save), but answers with the view the
/// API has always given rather than the document, and for a new stream with 201 and its Location.
/// </summary>
public sealed class Stored<TDocument, TView> : IResponseAware
    where TDocument : class
    where TView : IViewOf<TDocument, TView>
{
    private Stored(Guid id, string? location)
    {
        Id = id;
        Location = location;
    }

    public Guid Id { get; }

    /// <summary>Where the new document is read: answered as 201 with this Location; null answers 200.</summary>
    public string? Location { get; }

    public static Stored<TDocument, TView> Created(Guid id, string location) => new(id, location);

    public static Stored<TDocument, TView> Updated(Guid id) => new(id, null);

    public static void ConfigureResponse(IChain chain)
    {
        var answer = chain.ReturnVariablesOfType<Stored<TDocument, TView>>().Single();
        var read = new MethodCall(typeof(Stored<TDocument, TView>), nameof(ReadAsync));
        read.Arguments[0] = answer;
        chain.UseForResponse(read);
    }

    /// <summary>Called by the generated endpoint after its save.</summary>
    public static async Task<TView> ReadAsync(Stored<TDocument, TView> answer, IDocumentSession session, HttpContext http)
    {
        var document = await session.LoadAsync<TDocument>(answer.Id)
            ?? throw new InvalidOperationException($"{typeof(TDocument).Name} {answer.Id} was saved but cannot be read back.");
        if (answer.Location is { } location)
        {
            http.Response.StatusCode = StatusCodes.Status201Created;
            http.Response.Headers.Location = location;
        }

        return TView.Of(document, http.RequestServices);
    }
}
