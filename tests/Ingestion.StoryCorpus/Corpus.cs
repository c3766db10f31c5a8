using System.Text;
using Ingestion.Core;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>One file of the corpus: its name, bytes, the story it truly belongs to, and how it was made.</summary>
public sealed record CorpusItem(string Name, byte[] Content, string Story, string Kind);

/// <summary>
/// The "same story" corpus: every source article (real DW texts and pages) as it came, rendered in each
/// <see cref="Format"/> with page chrome (and the new-layout page and clean text without), plus two copies with a
/// small <see cref="Edits"/> edit each in a random format. Sources naming the same people and bodies are given one
/// date (same topic, same day) and some share a background paragraph: they must stay apart. Deterministic for a seed.
/// </summary>
public sealed class Corpus
{
    private Corpus(List<CorpusItem> items, List<(string, string)> sameTopic)
    {
        Items = items;
        SameTopicPairs = sameTopic;
    }

    public IReadOnlyList<CorpusItem> Items { get; }

    /// <summary>Pairs of stories on the same topic and day (by shared named people and bodies): different stories all the same.</summary>
    public IReadOnlyList<(string A, string B)> SameTopicPairs { get; }

    /// <summary>The renderings every source gets: (format, with chrome).</summary>
    public static IReadOnlyList<(Format Format, bool Chrome)> Renderings { get; } =
    [
        (Format.TextDump, true), (Format.OldTextDump, true), (Format.CleanText, false), (Format.AmpText, true), (Format.AmpHtml, true),
        (Format.NewLayoutHtml, true), (Format.NewLayoutHtml, false), (Format.OldLayoutHtml, true), (Format.Json, true), (Format.JsonLd, false),
        (Format.Syndication, true),
    ];

    public const int EditedCopies = 2;

    public static Corpus Build(IEnumerable<string> sourceFiles, int seed = 16)
    {
        var random = new Random(seed);
        var processor = ArticleProcessor.CreateDefault();
        var sources = new List<(SourceArticle Article, string Path, HashSet<string> Names)>();
        foreach (var path in sourceFiles)
        {
            try
            {
                var input = ArticleInput.Decode(Path.GetFileName(path), File.ReadAllBytes(path));
                var clean = processor.Cleaner.Clean(input);
                if (clean.Body.Count == 0 || string.IsNullOrWhiteSpace(clean.Title)) continue;
                var names = processor.Analyzer.Analyze(clean).Entities
                    .Where(e => e.Type is EntityType.Person or EntityType.Organization && e.Mentions >= 2)
                    .Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
                var date = new DateOnly(2019, 1, 1).AddDays(random.Next(5 * 365));
                sources.Add((SourceArticle.From(Path.GetFileNameWithoutExtension(path), clean, date), path, names));
            }
            catch (ArticleRejectedException)
            {
                // not an article: no story to copy
            }
        }

        var sameTopic = SameTopic(sources.Select(s => s.Names).ToList());
        var articles = sources.Select(s => s.Article).ToArray();
        foreach (var (a, b) in sameTopic)
        {
            // Same day; half of them also share a background paragraph, as DW stories on one topic often do.
            articles[b] = articles[b] with { Published = articles[a].Published, Kicker = articles[a].Kicker };
            if (random.Next(2) == 0 && articles[a].Body.Count > 0)
                articles[b] = articles[b] with { Body = [.. articles[b].Body, articles[a].Body[^1]] };
        }

        var items = new List<CorpusItem>();
        for (var i = 0; i < articles.Length; i++)
        {
            var article = articles[i];
            var story = article.Name;
            var (_, path, _) = sources[i];
            items.Add(new CorpusItem($"{story}/original{Path.GetExtension(path)}", File.ReadAllBytes(path), story, "original"));
            foreach (var (format, chrome) in Renderings)
                items.Add(Item(story, article, format, chrome ? Chrome.Random(random) : Chrome.None, null));
            for (var e = 0; e < EditedCopies; e++)
            {
                var (name, edit) = Edits.All[random.Next(Edits.All.Count)];
                var format = Renderings[random.Next(Renderings.Count)].Format;
                items.Add(Item(story, edit(article, random), format, random.Next(2) == 0 ? Chrome.Random(random) : Chrome.None, $"{name}-{e}"));
            }
        }
        return new Corpus(items, sameTopic.Select(p => (articles[p.A].Name, articles[p.B].Name)).ToList());
    }

    private static CorpusItem Item(string story, SourceArticle article, Format format, Chrome chrome, string? edit)
    {
        var kind = format.ToString().ToLowerInvariant() + (chrome.On ? "+chrome" : "") + (edit is null ? "" : "+" + edit);
        return new CorpusItem($"{story}/{kind}{format.Extension()}", Encoding.UTF8.GetBytes(Renderer.Render(article, format, chrome)), story, kind);
    }

    /// <summary>Pairs (earlier, later) of sources that name at least two of the same people or bodies, each source in one pair at most as the later.</summary>
    private static List<(int A, int B)> SameTopic(List<HashSet<string>> names)
    {
        var pairs = new List<(int, int)>();
        var taken = new HashSet<int>();
        for (var b = 0; b < names.Count; b++)
        {
            for (var a = 0; a < b; a++)
            {
                if (taken.Contains(a) || names[a].Count(names[b].Contains) < 2) continue;
                pairs.Add((a, b));
                taken.Add(b);
                break;
            }
        }
        return pairs;
    }
}
