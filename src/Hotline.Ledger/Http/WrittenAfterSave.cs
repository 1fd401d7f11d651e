using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Persistence.Sagas;

namespace Hotline.Ledger.Http;

/// <summary>
/// Puts the read-back of a <see cref="Written{TView}"/> answer after the save. The answer is configured when the chain
/// is built, before <c>AutoApplyTransactions</c> adds the save; this policy (run after the framework's own) makes sure
/// the chain saves, then moves the read-back behind the save, so that the answer is read from what was saved.
/// </summary>
public sealed class WrittenAfterSave : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var reads = chain.Postprocessors.OfType<MethodCall>().Where(IsReadBack).ToList();
            if (reads.Count == 0) continue;

            var provider = rules.PersistenceProviders().FirstOrDefault(p => p.CanApply(chain, container))
                           ?? throw new InvalidOperationException($"{chain} answers Written<> but saves nothing.");
            provider.ApplyTransactionSupport(chain, container);
            foreach (var read in reads) chain.Postprocessors.Remove(read);
            chain.Postprocessors.AddRange(reads);
        }
    }

    private static bool IsReadBack(MethodCall call) =>
        call.HandlerType.IsGenericType && call.HandlerType.GetGenericTypeDefinition() == typeof(Written<>) || call.Method.Name == "ReadBackAsync";
}
