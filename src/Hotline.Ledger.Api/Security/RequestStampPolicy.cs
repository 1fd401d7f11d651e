using Hotline.Ledger.Http;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// Every endpoint that may write (any method but GET) stamps its Marten session with the user and the
/// correlation id before its own code runs, so no endpoint has to remember to (docs/security.md).
/// </summary>
public sealed class RequestStampPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HttpMethods.Any(m => !HttpMethods.IsGet(m))))
            chain.Middleware.Insert(0, new MethodCall(typeof(RequestStamp), nameof(RequestStamp.Apply)));
    }
}
