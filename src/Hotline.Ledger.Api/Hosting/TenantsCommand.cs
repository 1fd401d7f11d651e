using Hotline.Ledger.Http;
using Hotline.Ledger.Tenancy;
using JasperFx.CommandLine;
using Marten;

namespace Hotline.Ledger.Api.Hosting;

public sealed class TenantsInput : NetCoreInput
{
    [Description("add, list, disable or enable")]
    public string Action { get; set; } = "list";

    [Description("The city's code (add, disable, enable), e.g. XY: what its users' tokens name in their city claim")]
    public string Code { get; set; } = "";

    [Description("The city's Chinese name (add), e.g. 信阳市")]
    [FlagAlias("name")]
    public string NameFlag { get; set; } = "";

    [Description("The city's database (add): a connection string; without it a database is created beside the master one")]
    [FlagAlias("connection")]
    public string? ConnectionFlag { get; set; }

    [Description("Why the city is disabled or enabled (disable, enable): kept in its service record")]
    [FlagAlias("reason")]
    public string? ReasonFlag { get; set; }
}

/// <summary>
/// <c>./run.sh tenants add CODE --name 信阳市 [--connection …]</c> and <c>./run.sh tenants list</c> (ADR 0111):
/// a city added here is served by a running API at once, without a restart. <c>tenants disable CODE [--reason …]</c> and
/// <c>tenants enable CODE</c> take a city out of service and back (ADR 0185); every node learns it within its refresh.
/// </summary>
[Description("Adds a city (its own database, the ledger's schema, the built-in rulebooks), lists the cities, or disables or enables one", Name = "tenants")]
public sealed class TenantsCommand : JasperFxAsyncCommand<TenantsInput>
{
    public TenantsCommand()
    {
        Usage("List the cities").Arguments(x => x.Action);
        Usage("Add, disable or enable a city").Arguments(x => x.Action, x => x.Code);
    }

    public override async Task<bool> Execute(TenantsInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var cities = host.Services.GetRequiredService<Cities>();
        var states = host.Services.GetRequiredService<CityStates>();
        switch (input.Action)
        {
            case "list":
                var latest = await states.LatestAsync();
                foreach (var city in await cities.ListAsync())
                {
                    var state = latest.GetValueOrDefault(city.Code) is { Disabled: true } off
                        ? $"（已停用 disabled {off.At:yyyy-MM-dd HH:mm}Z, {off.By}{(off.Reason is null ? "" : ": " + off.Reason)}）"
                        : "";
                    Console.WriteLine($"{city.Code,-16} {city.Name}{(city.IsDefault ? "（默认城市 the default city）" : "")}{state}");
                }

                return true;
            case "disable" or "enable":
                try
                {
                    // The operator on the machine: there is no token here to name anyone else.
                    var by = $"cli:{Environment.UserName}";
                    var change = input.Action == "disable"
                        ? await states.DisableAsync(input.Code, input.ReasonFlag, by)
                        : await states.EnableAsync(input.Code, input.ReasonFlag, by);
                    Console.WriteLine(change.Disabled
                        ? $"{change.Code,-16} disabled: its users are refused on every node within the refresh interval; its database is kept."
                        : $"{change.Code,-16} enabled: its users are served again; its recurring jobs run at their next occurrence.");
                    return true;
                }
                catch (CityNotFoundException e)
                {
                    Console.Error.WriteLine($"tenants: no city '{e.Code}' on this deployment (see tenants list).");
                    return false;
                }
                catch (CityRefusedException e)
                {
                    Console.Error.WriteLine($"tenants: {ProblemText.In(english: true, e.Code, e.Args)}");
                    return false;
                }
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
                Console.Error.WriteLine($"tenants: '{input.Action}' is not an action; use add, list, disable or enable.");
                return false;
        }
    }
}
