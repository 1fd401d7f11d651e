using JasperFx.CodeGeneration.Frames;
using Wolverine;
using Wolverine.Configuration;

namespace Hotline.Ledger.Http;

/// <summary>The name of the read a <see cref="Written{TView}"/> view declares.</summary>
public static class Written
{
    public const string ReadBack = "ReadBackAsync";
}

/// <summary>
/// The answer of a write, read back once the write is saved (<see cref="StoredAnswerPolicy"/>), like
/// <see cref="Stored{TDocument, TView}"/>, for a view put together from more than one document (an evaluation beside
/// its sheet and what it lacks, a round of referrals, the commendations of an issue): the view names its read, a
/// static <c>ReadBackAsync(Written&lt;TView&gt; written, …)</c> whose other parameters Wolverine supplies. What the store
/// assigned (when each step was recorded) is in the answer as it is in the ledger. With a <see cref="Location"/> the
/// answer is 201 Created there.
/// </summary>
public sealed record Written<TView>(Guid Id, string? Location = null) : IResponseAware
{
    public static void ConfigureResponse(IChain chain)
    {
        var written = chain.ReturnVariablesOfType(typeof(Written<TView>)).Single();
        var created = new MethodCall(typeof(Written<TView>), typeof(Written<TView>).GetMethod(nameof(Answer))!);
        created.Arguments[0] = written;
        chain.Postprocessors.Add(created);

        var read = typeof(TView).GetMethod(Written.ReadBack)
                   ?? throw new InvalidOperationException($"{typeof(TView).Name} has no static {Written.ReadBack}(Written<{typeof(TView).Name}>, …).");
        var call = new MethodCall(typeof(TView), read);
        call.Arguments[0] = written;
        chain.UseForResponse(call);
    }

    /// <summary>201 with the Location of what was created; otherwise Wolverine's 200.</summary>
    public static void Answer(Written<TView> written, HttpContext http)
    {
        if (written.Location is not { } location) return;
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = location;
    }
}
