using System.Text.RegularExpressions;
using Ingestion.Testing;

namespace Ingestion.Infra.Tests;

/// <summary>No storage keys, SAS tokens, instrumentation keys or private keys in any tracked source file.</summary>
public partial class NoSecretsInRepositoryTests
{
    /// <summary>Azurite's development key is published by Microsoft and grants nothing outside a local emulator.</summary>
    private const string AzuriteWellKnownKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [GeneratedRegex(@"AccountKey=(?<key>[A-Za-z0-9+/=]{40,})|SharedAccessSignature=|[?&]sig=[A-Za-z0-9%]{20,}|InstrumentationKey=[0-9a-f-]{36}|-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}", RegexOptions.NonBacktracking)]
    private static partial Regex Secret();

    private static readonly string[] Extensions = [".cs", ".json", ".bicep", ".sh", ".ps1", ".md", ".yaml", ".yml", ".props", ".csproj", ".mjs", ".config"];

    [Fact]
    public void No_tracked_file_holds_a_secret()
    {
        var root = RepositoryPaths.Root;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Extensions.Contains(Path.GetExtension(f)))
            .ToList();
        Assert.True(files.Count > 50, "the scan must see the source tree");

        var findings = new List<string>();
        foreach (var file in files)
            foreach (Match m in Secret().Matches(File.ReadAllText(file)))
                if (m.Groups["key"].Value != AzuriteWellKnownKey && !file.EndsWith("NoSecretsInRepositoryTests.cs", StringComparison.Ordinal))
                    findings.Add($"{Path.GetRelativePath(root, file)}: {m.Value[..Math.Min(24, m.Value.Length)]}…");
        Assert.Empty(findings);
    }
}
