using Marten.Events;

namespace Hotline.Ledger.Entries;

/// <summary>
/// The message Wolverine's event forwarding publishes for a recorded entry. The single entries' batch writes its
/// events around the session's event tracking, and so around the forwarding; it publishes this itself, into the same
/// outbox. Implemented by the slice that configures the forwarding.
/// </summary>
public interface IRecordedEntryForwarding
{
    object Of(IEvent<EntryRecorded> recorded);
}
