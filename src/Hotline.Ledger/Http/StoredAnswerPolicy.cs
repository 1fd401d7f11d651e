using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;

namespace Hotline.Ledger.Http;

/// <summary>
/// Puts the read of a <see cref="Stored{TDocument, TView}"/> or <see cref="Written{TView}"/> answer right after the save. The answer is configured when
/// the chain is built, before Wolverine's transaction policies add the save to the same postprocessors, so it would
/// otherwise read the document before it is stored. HTTP policies run after those policies, so the save is there to
/// follow here. The save frame is found by its type's name, which Wolverine.Marten does not expose.
/// </summary>
public sealed class StoredAnswerPolicy : IHttpPolicy
{
    private const string SaveFrame = "DocumentSessionSaveChanges";

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var reads = chain.Postprocessors.OfType<MethodCall>().Where(IsStoredRead).ToList();
            if (reads.Count == 0) continue;
            foreach (var read in reads) chain.Postprocessors.Remove(read);
            var save = chain.Postprocessors.FindLastIndex(f => f.GetType().Name == SaveFrame);
            if (save < 0) throw new InvalidOperationException($"{chain} answers with what it stored, but saves nothing.");
            chain.Postprocessors.InsertRange(save + 1, reads);
        }
    }

    private static bool IsStoredRead(MethodCall call) =>
        call.HandlerType.IsGenericType && call.HandlerType.GetGenericTypeDefinition() is var type && (type == typeof(Stored<,>) || type == typeof(Written<>))
        || call.Method.Name == Written.ReadBack;
}
