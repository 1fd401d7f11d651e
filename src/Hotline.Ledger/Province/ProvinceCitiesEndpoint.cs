namespace Hotline.Ledger.Province;

public static class ProvinceCitiesEndpoint
{
    /// <summary>The cities the province reads, each with its code and Chinese name.</summary>
    [WolverineGet("/api/province/cities", OperationId = "provinceCities")]
    public static Task<IReadOnlyList<City>> Get(IProvinceCities province, CancellationToken cancellation) => province.ListAsync(cancellation);
}
