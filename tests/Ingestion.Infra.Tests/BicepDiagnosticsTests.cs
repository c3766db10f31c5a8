using System.Text.RegularExpressions;

namespace Ingestion.Infra.Tests;

/// <summary>CI's rule for infra/: the Bicep compiles and lints with no diagnostic at all, warnings included.</summary>
public sealed partial class BicepDiagnosticsTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Get();

    [Fact]
    public void The_pinned_cli_is_the_one_that_ran()
    {
        var version = BicepCli.Run("--version");

        Assert.Equal(0, version.ExitCode);
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", version.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_sh_and_the_tests_pin_the_same_cli()
    {
        var infra = Path.Combine(_template.RepositoryRoot, "infra");

        Assert.Contains($"Version=\"[{BicepCli.Version}]\"", File.ReadAllText(Path.Combine(infra, "tools", "bicep.csproj")), StringComparison.Ordinal);
        Assert.Contains($"version=\"{BicepCli.Version}\"", File.ReadAllText(Path.Combine(infra, "build.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_reports_no_warning_and_no_error()
    {
        Assert.Equal(0, _template.Build.ExitCode);
        Assert.Empty(Diagnostics(_template.Build.AllOutput));
    }

    [Fact]
    public void Lint_reports_no_warning_and_no_error()
    {
        Assert.Equal(0, _template.Lint.ExitCode);
        Assert.Empty(Diagnostics(_template.Lint.AllOutput));
    }

    [Fact]
    public void The_linter_config_turns_every_core_rule_on_except_the_registry_lookup()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(
            File.ReadAllText(Path.Combine(_template.RepositoryRoot, "infra", "bicepconfig.json")))!;
        var core = config["analyzers"]!["core"]!;
        Assert.True((bool)core["enabled"]!);

        var rules = core["rules"]!.AsObject();
        Assert.True(rules.Count >= 35, $"only {rules.Count} rules configured");
        foreach (var (name, rule) in rules)
        {
            var level = (string)rule!["level"]!;
            if (name == "use-recent-module-versions")
            {
                Assert.Equal("off", level); // it queries the public module registry: no network here
            }
            else
            {
                Assert.True(level is "warning" or "error", $"{name} is {level}");
            }
        }
    }

    /// <summary>Lines like <c>main.bicep(12,3) : Warning no-unused-params: ...</c>.</summary>
    private static List<string> Diagnostics(string output) =>
        output.Split('\n').Where(line => DiagnosticLine().IsMatch(line)).ToList();

    [GeneratedRegex(@"\) : (Warning|Error|Info) ")]
    private static partial Regex DiagnosticLine();
}
