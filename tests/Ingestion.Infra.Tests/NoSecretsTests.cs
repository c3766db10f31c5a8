namespace Ingestion.Infra.Tests;

/// <summary>Issue 6: no secrets anywhere. Nothing in the template reads, builds or passes a key or a SAS.</summary>
public sealed class NoSecretsTests
{
    public static TheoryData<string> Forbidden =>
    [
        "AccountKey",
        "SharedAccessSignature",
        "SharedAccessKey",
        "DefaultEndpointsProtocol",
        "listKeys",
        "listAccountSas",
        "listServiceSas",
        "listSecrets",
        "InstrumentationKey=",
        "securestring",
    ];

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_compiled_template_never_mentions(string forbidden)
    {
        Assert.DoesNotContain(forbidden, CompiledTemplate.Get().Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_deploy_files_never_mention(string forbidden)
    {
        var root = CompiledTemplate.Get().RepositoryRoot;
        var files = new[] { "azure.yaml", Path.Combine("infra", "main.parameters.json") }
            .Select(f => Path.Combine(root, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "infra", "hooks")));

        foreach (var file in files)
        {
            Assert.DoesNotContain(forbidden, File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void No_output_carries_a_connection_string()
    {
        var outputs = CompiledTemplate.Get().Root["outputs"]!.AsObject();

        Assert.DoesNotContain(outputs, o => o.Key.Contains("CONNECTION_STRING", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(outputs, o => o.Value!.ToJsonString().Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
    }
}
