using AngleSharp.Dom;

namespace Ingestion.Core.Cleaning;

/// <summary>
/// A selector as named data: tag and/or class and/or attribute (value). Matching is a few string compares, and the
/// walks are iterative and bounded, so the layout readers neither parse CSS per call nor recurse.
/// </summary>
internal sealed record Sel(string? Tag = null, string? Class = null, string? Attr = null, string? Value = null)
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
        return true;
    }
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
