using Hotline.Ledger.Http;
using Hotline.Ledger.Security;
using JasperFx.CommandLine;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// <c>dotnet run --project src/Hotline.Ledger.Api -- token --user NAME --role ROLE [--unit UNIT_CODE] [--city CITY_CODE]</c>:
/// prints only the token on standard output, signed with Hotline:Auth:DevelopmentKey. Refuses (exit code
/// 1, reason on standard error) when no development key is configured.
/// </summary>
[Description("Prints a bearer token signed with the local development key (Hotline:Auth:DevelopmentKey)", Name = "token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    private static TextWriter _standardOutput = Console.Out;

    /// <summary>
    /// Command discovery ("Searching '…' for commands") and start-up logging write to standard output; for this
    /// command they are dropped, so that `TOKEN=$(./run.sh token ...)` captures the token and nothing else and the
    /// terminal shows only a refusal's reason (written to standard error).
    /// </summary>
    public static void KeepStandardOutputForTheToken(string[] args)
    {
        if (args.Length == 0 || !string.Equals(args[0], "token", StringComparison.OrdinalIgnoreCase)) return;
        _standardOutput = Console.Out;
        Console.SetOut(TextWriter.Null);
    }

    public override Task<bool> Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var settings = host.Services.GetRequiredService<IConfiguration>().GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new();
        var clock = host.Services.GetRequiredService<TimeProvider>();

        var roles = input.RoleFlag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var refusal = Refusal(settings, input, roles);
        if (refusal is not null)
        {
            Console.Error.WriteLine($"token: {refusal}");
            return Task.FromResult(false);
        }

        var now = clock.GetUtcNow();
        var token = DevelopmentTokens.Issue(settings.DevelopmentKey!, input.UserFlag.Trim(), roles, input.UnitFlag?.Trim(), now, now.AddHours(input.HoursFlag), input.CityFlag?.Trim());
        _standardOutput.WriteLine(token);
        _standardOutput.Flush();
        return Task.FromResult(true);
    }

    private static string? Refusal(AuthSettings settings, TokenInput input, string[] roles)
    {
        if (!settings.HasDevelopmentKey)
            return $"no development key is configured; set {AuthSettings.Section}:DevelopmentKey " +
                   "(environment variable Hotline__Auth__DevelopmentKey, as run.sh does) to sign local tokens.";
        if (string.IsNullOrWhiteSpace(input.UserFlag)) return "--user NAME is required.";
        // The rules the service applies to the token's claims: a token it would refuse is never printed.
        if (TextRules.IdentityFault(input.UserFlag.Trim()) is { } userFault) return $"--user {userFault.In(english: true)}.";
        if (input.UnitFlag is { } unitFlag && TextRules.IdentityFault(unitFlag.Trim()) is { } unitFault) return $"--unit {unitFault.In(english: true)}.";
        if (input.CityFlag is { } cityFlag && TextRules.IdentityFault(cityFlag.Trim()) is { } cityFault) return $"--city {cityFault.In(english: true)}.";
        if (roles.Length == 0) return $"--role is required: one or more of {string.Join(", ", Roles.All)}.";
        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            return $"'{unknown}' is not a role; the roles are {string.Join(", ", Roles.All)}.";
        if (roles.Contains(Roles.Liaison) && string.IsNullOrWhiteSpace(input.UnitFlag))
            return "a liaison token must name the unit: --unit UNIT_CODE.";
        if (input.HoursFlag is < 1 or > 720) return "--hours must lie between 1 and 720.";
        return null;
    }
}
