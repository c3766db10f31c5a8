using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Dom;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// A selector as named data: tag and/or class and/or attribute (value), optionally excluding a class. Matching is
/// a few string compares, and the walks are iterative and bounded, so the layout readers neither parse CSS per call
/// nor recurse. The layout files write selectors in a small CSS subset: <c>tag.class[attr=value]:not(.class)</c>,
/// every part optional (<see cref="Parse"/>).
/// </summary>
[JsonConverter(typeof(SelJsonConverter))]
internal sealed record Sel(string? Tag = null, string? Class = null, string? Attr = null, string? Value = null, string? NotClass = null)
{
    public bool Matches(IElement e)
    {
        if (Tag is not null && !string.Equals(e.LocalName, Tag, StringComparison.Ordinal)) return false;
        if (Class is not null && !Dom.HasClass(e, Class)) return false;
        if (Attr is not null)
        {
            var v = e.GetAttribute(Attr);
            if (v is null || (Value is not null && !string.Equals(v, Value, StringComparison.OrdinalIgnoreCase))) return false;
        }
        return NotClass is null || !Dom.HasClass(e, NotClass);
    }

    /// <summary>"&lt;tag": how <see cref="PageSlicer"/> finds the element in raw markup.</summary>
    public string RawOpenTag => "<" + (Tag ?? throw new InvalidOperationException($"selector {this} names no tag"));

    /// <summary>"&lt;/tag&gt;".</summary>
    public string RawCloseTag => "</" + (Tag ?? throw new InvalidOperationException($"selector {this} names no tag")) + ">";

    /// <summary>The class name alone (found inside any class attribute).</summary>
    public string RawClass => Class ?? throw new InvalidOperationException($"selector {this} names no class");

    /// <summary><c>class="name"</c>: an element whose class attribute is exactly this class.</summary>
    public string RawClassAttribute => "class=\"" + RawClass + "\"";

    /// <summary>Reads <c>tag.class[attr=value]:not(.class)</c>, each part optional, nothing else.</summary>
    public static Sel Parse(string text)
    {
        var s = text.AsSpan().Trim();
        var original = s;
        string? tag = null, cls = null, attr = null, value = null, notClass = null;
        var n = Name(s);
        if (n > 0) { tag = s[..n].ToString(); s = s[n..]; }
        if (s.StartsWith(".")) { n = Name(s[1..]); cls = s.Slice(1, n).ToString(); s = s[(n + 1)..]; }
        if (s.StartsWith("["))
        {
            var close = s.IndexOf(']');
            if (close < 0) throw Bad(original);
            var inside = s[1..close];
            var eq = inside.IndexOf('=');
            attr = (eq < 0 ? inside : inside[..eq]).Trim().ToString();
            if (eq >= 0) value = inside[(eq + 1)..].Trim().Trim('"').ToString();
            s = s[(close + 1)..];
        }
        if (s.StartsWith(":not(.") && s.EndsWith(")"))
        {
            notClass = s[6..^1].ToString();
            s = [];
        }
        if (!s.IsEmpty || cls is "" || attr is "" || notClass is "" || (tag ?? cls ?? attr) is null) throw Bad(original);
        return new Sel(tag, cls, attr, value, notClass);
    }

    private static int Name(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_')) i++;
        return i;
    }

    private static FormatException Bad(ReadOnlySpan<char> text) =>
        new($"'{text}' is not a selector of the form tag.class[attr=value]:not(.class)");

    public override string ToString() =>
        $"{Tag}{(Class is null ? "" : "." + Class)}{(Attr is null ? "" : $"[{Attr}{(Value is null ? "" : "=" + Value)}]")}{(NotClass is null ? "" : $":not(.{NotClass})")}";
}

/// <summary>Selectors in the layout files are strings.</summary>
internal sealed class SelJsonConverter : JsonConverter<Sel>
{
    public override Sel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Sel.Parse(reader.GetString() ?? throw new JsonException("a selector must be a string"));

    public override void Write(Utf8JsonWriter writer, Sel value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

internal static class Dom
{
    /// <summary>Visits at most this many elements per search: a hostile page cannot make one lookup unbounded.</summary>
    private const int MaxVisited = 200_000;

    public static bool HasClass(IElement e, string cls)
    {
        var c = e.GetAttribute("class");
        if (c is null) return false;
        var s = c.AsSpan();
        foreach (var range in s.SplitAny(" \t\n\r\f"))
            if (s[range].Equals(cls, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>First descendant (document order) matching any of the selectors.</summary>
    public static IElement? First(INode? root, params ReadOnlySpan<Sel> anyOf)
    {
        if (root is null) return null;
        var stack = new Stack<IElement>();
        PushChildren(stack, root);
        var visited = 0;
        while (stack.Count > 0 && visited++ < MaxVisited)
        {
            var e = stack.Pop();
            foreach (var s in anyOf) if (s.Matches(e)) return e;
            PushChildren(stack, e);
        }
        return null;
    }

    /// <summary>All descendants (document order) matching the selector.</summary>
    public static List<IElement> All(INode? root, Sel sel)
    {
        var list = new List<IElement>();
        if (root is null) return list;
        var stack = new Stack<IElement>();
        PushChildren(stack, root);
        var visited = 0;
        while (stack.Count > 0 && visited++ < MaxVisited)
        {
            var e = stack.Pop();
            if (sel.Matches(e)) list.Add(e);
            PushChildren(stack, e);
        }
        return list;
    }

    /// <summary>The nearest ancestor matching the selector.</summary>
    public static IElement? Ancestor(IElement e, Sel sel)
    {
        for (var p = e.ParentElement; p is not null; p = p.ParentElement) if (sel.Matches(p)) return p;
        return null;
    }

    /// <summary>ChildNodes is the node's own list (Children allocates a filtered collection per call).</summary>
    private static void PushChildren(Stack<IElement> stack, INode node)
    {
        var kids = node.ChildNodes;
        for (var i = kids.Length - 1; i >= 0; i--)
            if (kids[i] is IElement e) stack.Push(e);
    }
}
