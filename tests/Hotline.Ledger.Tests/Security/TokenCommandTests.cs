using System.Diagnostics;
using System.Text;
using Hotline.Ledger.Api.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Tests.Security;

/// <summary>`dotnet run --project src/Hotline.Ledger.Api -- token …`, run as the built program it runs.</summary>
[Trait("Category", "Domain")]
public class TokenCommandTests
{
    private const string Key = "hotline-local-development-signing-key-0123456789";

    private static async Task<(int Exit, string Out, string Err)> Run(string? developmentKey, params string[] args)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(api)!,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(api);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("Hotline__Auth__DevelopmentKey");
        if (developmentKey is not null) start.Environment["Hotline__Auth__DevelopmentKey"] = developmentKey;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_token_command_prints_only_a_token_signed_with_the_development_key()
    {
        var (exit, output, error) = await Run(Key, "token", "--user", "联络员", "--role", "liaison", "--unit", "XY-GA");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = Assert.Single(lines).Trim();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevelopmentTokens.Issuer,
            ValidAudience = DevelopmentTokens.Audience,
            IssuerSigningKey = DevelopmentTokens.Key(Key),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("联络员", result.Claims["name"]);
        Assert.Equal("liaison", result.Claims["role"]);
        Assert.Equal("XY-GA", result.Claims["unit"]);
        // Nothing but the token: no "Searching '…' for commands" noise on either stream.
        Assert.DoesNotContain("for commands", error);
        Assert.DoesNotContain("Searching", error);
    }

    [Fact]
    public async Task Without_a_development_key_the_token_command_refuses_on_standard_error()
    {
        var (exit, output, error) = await Run(null, "token", "--user", "someone", "--role", "office");
        Assert.NotEqual(0, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains("no development key is configured", error);
    }

    [Theory]
    [InlineData("--user", "a", "--role", "wizard")]
    [InlineData("--user", "a", "--role", "liaison")]
    [InlineData("--role", "office")]
    public async Task A_token_for_no_role_no_user_or_a_unitless_liaison_is_refused(params string[] args)
    {
        var (exit, output, error) = await Run(Key, ["token", .. args]);
        Assert.NotEqual(0, exit);
        Assert.Equal("", output.Trim());
        Assert.StartsWith("token: ", error.Split('\n').Last(l => l.Length > 0));
    }
}
