using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Dom;
using Ingestion.Core.Model;

namespace Ingestion.Core.Cleaning.Layouts;

/// <summary>When a layout was seen in use: the dated pages of the dev set and fixtures that show it.</summary>
internal sealed record SeenInUse(string Earliest, string Latest, string[] Samples, string? Note);

/// <summary>How a layout's &lt;title&gt; sets the headline off from the site name: "Headline – DW – 02/04/2022".</summary>
internal sealed record PageTitleFormat(string[] Separators, string[] Endings);

/// <summary>
/// Blocks a layout reader drops, counted under <see cref="Rule"/> (a <see cref="RemovalRules"/> name): an element
/// that one of <see cref="Match"/> matches (or that holds one, when <see cref="Containing"/>); an empty list matches
/// anything.
/// </summary>
internal sealed record WidgetRule(string Rule, Sel[] Match, bool Containing = false)
{
    public bool Matches(IElement e)
    {
        if (Match.Length == 0) return true;
        foreach (var s in Match)
            if (s.Matches(e) || (Containing && Dom.First(e, s) is not null)) return true;
        return false;
    }

    /// <summary>The rule of the first widget rule that matches <paramref name="e"/>, or null.</summary>
    public static string? First(WidgetRule[] rules, IElement e)
    {
        foreach (var r in rules)
            if (r.Matches(e)) return r.Rule;
        return null;
    }
}

/// <summary>What every layout file says about itself.</summary>
internal interface ILayoutFile
{
    /// <summary>The file's name without <c>.json</c>.</summary>
    string Layout { get; }

    /// <summary>How to recognise the layout, for the next reader of the file.</summary>
    string Description { get; }

    SeenInUse Seen { get; }

    /// <summary>The widget rules the file declares, for the load-time check of their names.</summary>
    IEnumerable<WidgetRule> Rules => [];
}

/// <summary>
/// Reads one <c>Data/cleaning/layouts/&lt;name&gt;.json</c> into its layout's data type. Unknown or missing fields,
/// malformed selectors and rule names that are not <see cref="RemovalRules"/> fail the load, so a typo in a layout
/// file stops the cleaner at its first use instead of silently matching nothing.
/// </summary>
internal static class LayoutFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static T Load<T>(string layout) where T : class, ILayoutFile => Parse<T>(layout, DataFiles.Read($"layouts/{layout}.json"));

    /// <summary>The layout file <paramref name="layout"/> from its text (tests hand in broken ones).</summary>
    public static T Parse<T>(string layout, string json) where T : class, ILayoutFile
    {
        var path = $"layouts/{layout}.json";
        T data;
        try
        {
            data = JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException(path + " is empty");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        if (data.Layout != layout) throw new InvalidDataException($"{path} says it is layout \"{data.Layout}\"");
        foreach (var r in data.Rules)
            if (!RemovalRules.All.Contains(r.Rule))
                throw new InvalidDataException($"{path}: \"{r.Rule}\" is not a removal rule (Model/RemovalRules.cs names them all)");
        return data;
    }
}
