using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ingestion.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled once (per test run) to ARM JSON with the pinned Bicep CLI, plus the lint output, and
/// the few look-ups the tests need: nested module templates, resources by type, and variable references resolved.
/// </summary>
internal sealed partial class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Instance = new(() => new CompiledTemplate());

    public static CompiledTemplate Get() => Instance.Value;

    private CompiledTemplate()
    {
        RepositoryRoot = Ingestion.Testing.RepositoryPaths.Root;
        MainBicep = System.IO.Path.Combine(RepositoryRoot, "infra", "main.bicep");
        Build = BicepCli.Run("build", MainBicep, "--stdout");
        Lint = BicepCli.Run("lint", MainBicep);
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.StandardError}");
        }

        Text = Build.StandardOutput;
        Root = JsonNode.Parse(Text)!.AsObject();
    }

    public string RepositoryRoot { get; }

    public string MainBicep { get; }

    public BicepCli.Result Build { get; }

    public BicepCli.Result Lint { get; }

    /// <summary>The ARM JSON exactly as compiled.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    /// <summary>The template of the module deployed under <paramref name="name"/> (a nested deployment of main).</summary>
    public Module ModuleNamed(string name)
    {
        var deployment = Resources(Root)
            .Single(r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == name);
        return new Module(this, deployment["properties"]!["template"]!.AsObject(), deployment["properties"]!["parameters"]!.AsObject());
    }

    /// <summary>Every resource of <paramref name="template"/> and of the templates nested in it, whatever the depth.</summary>
    public static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        foreach (var resource in Resources(template))
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(), // languageVersion 2.0
            _ => [],
        };

    public static string? Type(JsonObject resource) => (string?)resource["type"];

    /// <summary>
    /// Resolves <c>[variables('x')]</c> and <c>[variables('x').y]</c> against <paramref name="template"/>; any other
    /// value comes back as it is.
    /// </summary>
    public static JsonNode? ResolveVariable(JsonObject template, JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && VariableReference().Match(text) is { Success: true } m)
        {
            var resolved = template["variables"]?[m.Groups["name"].Value];
            return m.Groups["member"].Success ? resolved?[m.Groups["member"].Value] : resolved;
        }

        return value;
    }

    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        node?.AsArray().Select(item => (string)item!).ToList() ?? throw new InvalidOperationException("Expected an array.");

    [GeneratedRegex(@"^\[variables\('(?<name>[A-Za-z0-9_]+)'\)(\.(?<member>[A-Za-z0-9_]+))?\]$")]
    private static partial Regex VariableReference();

    /// <summary>A module's compiled template and the parameter values main passes it.</summary>
    public sealed class Module(CompiledTemplate owner, JsonObject template, JsonObject parameters)
    {
        public JsonObject Template { get; } = template;

        public IEnumerable<JsonObject> Resources(string type) =>
            CompiledTemplate.Resources(Template).Where(r => Type(r) == type);

        public JsonObject Single(string type) => Resources(type).Single();

        /// <summary>The value main passes for <paramref name="name"/>, with main's variable references resolved.</summary>
        public JsonNode? Argument(string name) => ResolveVariable(owner.Root, parameters[name]?["value"]);

        public JsonNode? Variable(string name) => Template["variables"]?[name];

        public JsonNode? Resolve(JsonNode? value) => ResolveVariable(Template, value);
    }
}
