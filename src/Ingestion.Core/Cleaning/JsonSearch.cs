using System.Text.Json;

namespace Ingestion.Core.Cleaning;

/// <summary>Finding one object in untrusted JSON: breadth-first, iterative, and bounded in how much it looks at.</summary>
internal static class JsonSearch
{
    /// <summary>
    /// The first object <paramref name="isMatch"/> accepts. Arrays are searched through; an object that is not the
    /// one is searched further through what <paramref name="next"/> names; at most <paramref name="limit"/> values are looked at.
    /// </summary>
    public static JsonElement? First(JsonElement root, int limit, Func<JsonElement, bool> isMatch, Func<JsonElement, IEnumerable<JsonElement>> next)
    {
        var queue = new Queue<JsonElement>();
        queue.Enqueue(root);
        var seen = 0;
        while (queue.Count > 0 && seen++ < limit)
        {
            var e = queue.Dequeue();
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray()) queue.Enqueue(x);
                continue;
            }
            if (e.ValueKind != JsonValueKind.Object) continue;
            if (isMatch(e)) return e;
            foreach (var n in next(e)) queue.Enqueue(n);
        }
        return null;
    }
}
