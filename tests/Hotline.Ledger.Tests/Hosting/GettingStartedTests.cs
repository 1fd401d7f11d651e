using System.Text.RegularExpressions;
using Hotline.Ledger.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Hotline.Ledger.Tests.Hosting;

/// <summary>
/// What a new user copies from the README, run.sh and docker-compose.yml works as written: one port, no path
/// outside the repository, a token from the Release build, and a compose file that leaves the machine as it was.
/// </summary>
[Trait("Category", "Domain")]
public class GettingStartedTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(Repository.Root, path));

    [Fact]
    public void The_readme_uses_run_sh_s_port_and_links_only_files_in_the_repository()
    {
        var readme = Read("README.md");
        var port = Regex.Match(Read("run.sh"), @"ASPNETCORE_URLS:-http://localhost:(\d+)").Groups[1].Value;
        Assert.Equal("5097", port);
        foreach (Match url in Regex.Matches(readme, @"http://(?:localhost|127\.0\.0\.1):(\d+)"))
            Assert.True(url.Groups[1].Value is "5097" or "8080" or "5101" or "5102" or "5103",
                $"README names {url.Value}; run.sh listens on 5097 (compose on 8080, several nodes behind a proxy on 5101–5103)");

        Assert.DoesNotContain("../", readme);
        Assert.DoesNotContain("/work/", readme);
        foreach (Match link in Regex.Matches(readme, @"\]\(((?!https?:|#)[^)]+)\)"))
            Assert.True(File.Exists(Path.Combine(Repository.Root, link.Groups[1].Value)), $"README links {link.Groups[1].Value}, which is not in the repository");
        Assert.Contains("(docs/API.md)", readme);
        Assert.Contains("(docs/RULES.md)", readme);
    }

    [Fact]
    public void Run_sh_builds_release_visibly_and_its_token_command_reuses_that_build_without_a_database()
    {
        var run = Read("run.sh");
        var token = run.IndexOf("== token ]]", StringComparison.Ordinal);
        var provision = run.IndexOf("=\"$(tools/provision-postgres.sh)\"", StringComparison.Ordinal);
        Assert.True(token > 0 && token < provision, "the token command must not wait for PostgreSQL");
        Assert.Contains("bin/Release/net10.0/Hotline.Ledger.Api.dll", run);
        Assert.DoesNotContain("dotnet run", run);
        Assert.Matches(@"dotnet build src/Hotline.Ledger.Api -c Release -nologo >&2", run);
        Assert.Contains("./run.sh token --user", Read("README.md"));
    }

    [Fact]
    public void Compose_leaves_port_5432_and_the_checkout_alone_and_caches_packages()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Read("docker-compose.yml")));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];

        foreach (var (name, node) in services.Children)
        {
            var service = (YamlMappingNode)node;
            if (service.Children.TryGetValue("ports", out var ports))
                Assert.All(((YamlSequenceNode)ports).Children, p => Assert.DoesNotMatch(@"(^|:)5432:", p.ToString()));
            if (service.Children.TryGetValue("volumes", out var volumes))
                Assert.All(((YamlSequenceNode)volumes).Children, v =>
                    Assert.False(v.ToString().StartsWith('.') || v.ToString().StartsWith('/'), $"{name} mounts {v} from the host"));
        }

        var api = (YamlMappingNode)services["api"];
        Assert.Equal(".", api["build"].ToString());
        Assert.Contains("Hotline__Demo", ((YamlMappingNode)api["environment"]).Children.Keys.Select(k => k.ToString()));

        var dockerfile = Read("Dockerfile");
        Assert.Contains("--mount=type=cache", dockerfile);
        Assert.Contains("target=/root/.nuget/packages", dockerfile);
        Assert.Contains("**/bin/", Read(".dockerignore"));

        var readme = Read("README.md");
        Assert.Contains("HOTLINE_DEMO=true docker compose up", readme);
        Assert.Contains("docker compose exec api dotnet Hotline.Ledger.Api.dll token", readme);
    }
}
