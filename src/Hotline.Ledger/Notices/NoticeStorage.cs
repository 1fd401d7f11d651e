namespace Hotline.Ledger.Notices;

/// <summary>Notices, subscriptions, deliveries and the red lights' state in Marten.</summary>
public sealed class NoticeStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Schema.For<Notice>().Duplicate(n => n.UnitId).Duplicate(n => n.RaisedAt);
        opts.Schema.For<NoticeSubscription>().Duplicate(s => s.UnitId);
        opts.Schema.For<NoticeDelivery>().Duplicate(d => d.FailedAt);
        opts.Schema.For<RedLight>();
    }
}
