using JasperFx.Events.Projections;

namespace Hotline.Ledger.Kernel;

/// <summary>
/// A read model that is its stream's snapshot, written in the transaction of the events it folds, so that a write
/// is readable the moment it is acknowledged. The mapping it returns takes the model's indexes and columns.
/// </summary>
public static class InlineSnapshots
{
    public static MartenRegistry.DocumentMappingExpression<T> InlineSnapshot<T>(this StoreOptions options) where T : class
    {
        options.Projections.Snapshot<T>(SnapshotLifecycle.Inline);
        return options.Schema.For<T>();
    }
}
