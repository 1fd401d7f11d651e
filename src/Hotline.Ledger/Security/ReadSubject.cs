namespace Hotline.Ledger.Security;

/// <summary>Where an audited read finds whose records it is about.</summary>
public enum ReadSubject
{
    /// <summary>An across-units read (a ranking, a what-if): recorded without a subject.</summary>
    None,

    /// <summary>The route's <c>{id}</c> is a unit.</summary>
    RouteUnit,

    /// <summary>The route's <c>{id}</c> is a person.</summary>
    RoutePerson,

    /// <summary>The query's <c>unitId</c> and <c>personId</c>, when given.</summary>
    Query,

    /// <summary>The answer itself, an <see cref="IReadSubject"/>.</summary>
    Answer,
}
