using Hotline.Ledger.Http;
using Hotline.Ledger.Tenancy;
using JasperFx.CommandLine;
using Marten;

namespace Hotline.Ledger.Api.Hosting;

public sealed class TenantsInput : NetCoreInput
{
    [Description("add or list")]
    public string Action { get; set; } = "list";

    [Description("The city's code (add), e.g. XY: what its users' tokens name in their city claim")]
    public string Code { get; set; } = "";

    [Description("The city's Chinese name (add), e.g. 信阳市")]
    [FlagAlias("name")]
    public string NameFlag { get; set; } = "";

    [Description("The city's database (add): a connection string; without it a database is created beside the master one")]
    [FlagAlias("connection")]
    public string? ConnectionFlag { get; set; }
}

/// <summary>
/// <c>./run.sh tenants add CODE --name 信阳市 [--connection …]</c> and <c>./run.sh tenants list</c> (ADR 0111):
/// a city added here is served by a running API at once, without a restart.
/// </summary>
[Description("Adds a city (its own database, the ledger's schema, the built-in rulebooks) or lists the cities", Name = "tenants")]
public sealed class TenantsCommand : JasperFxAsyncCommand<TenantsInput>
{
    public TenantsCommand()
    {
        Usage("List the cities").Arguments(x => x.Action);
        Usage("Add a city").Arguments(x => x.Action, x => x.Code);
    }

    public override async Task<bool> Execute(TenantsInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var cities = host.Services.GetRequiredService<Cities>();
        switch (input.Action)
        {
            case "list":
                foreach (var city in await cities.ListAsync())
                    Console.WriteLine($"{city.Code,-16} {city.Name}{(city.IsDefault ? "（默认城市 the default city）" : "")}");
                return true;
            case "add":
                try
                {
                    // The master database's own schema first: the registry lives there.
                    await store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync();
                    var added = await cities.AddAsync(input.Code.Trim(), input.NameFlag, input.ConnectionFlag, withMessageStore: false);
                    Console.WriteLine($"{added.Code,-16} {added.Name}: added; tokens with city={added.Code} reach it.");
                    return true;
                }
                catch (CityRefusedException e)
                {
                    Console.Error.WriteLine($"tenants: --{e.Field}: {ProblemText.In(english: true, e.Code, e.Args)}");
                    return false;
                }
            default:
                Console.Error.WriteLine($"tenants: '{input.Action}' is not an action; use add or list.");
                return false;
        }
    }
}
