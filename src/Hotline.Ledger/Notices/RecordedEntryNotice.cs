using Hotline.Ledger.Entries;
using Marten.Events;

namespace Hotline.Ledger.Notices;

/// <summary>The notice of a recorded entry, for the single entries' batch: the same one the forwarding raises.</summary>
public sealed class RecordedEntryNotice : IRecordedEntryForwarding
{
    public object Of(IEvent<EntryRecorded> recorded) => NoticeForwarding.Of(recorded);
}
