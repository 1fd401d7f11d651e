using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Configuration;

namespace Hotline.Ledger.Http;

/// <summary>
/// The answer of a write, read back once the write is saved: what the store assigned (when each step was recorded,
/// a sequence) is in the answer as it is in the ledger, which the endpoint cannot know before the save. Returned
/// beside the events, like Wolverine's own <c>UpdatedAggregate</c>; the view names its read, a static
/// <c>ReadBackAsync(Written&lt;TView&gt; written, …)</c> whose other parameters Wolverine supplies. With a
/// <see cref="Location"/> the answer is 201 Created there.
/// </summary>
public sealed record Written<TView>(Guid Id, string? Location = null) : IResponseAware
{
    public static void ConfigureResponse(IChain chain)
    {
        var written = chain.ReturnVariablesOfType(typeof(Written<TView>)).Single();
        var created = new MethodCall(typeof(Written<TView>), typeof(Written<TView>).GetMethod(nameof(Answer))!);
        created.Arguments[0] = written;
        chain.Postprocessors.Add(created);

        var read = typeof(TView).GetMethod("ReadBackAsync")
                   ?? throw new InvalidOperationException($"{typeof(TView).Name} has no static ReadBackAsync({nameof(Written<TView>)}<{typeof(TView).Name}>, …).");
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
