using System.Text.RegularExpressions;
using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>
/// A real article, as the cleaner read it from the file it came in, ready to be rendered in other formats. Long
/// paragraphs (the DWIE texts keep their body on one line) are cut into paragraphs of a few sentences, as DW pages
/// set them: the words and their order stay the same.
/// </summary>
public sealed partial record SourceArticle
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public string Lead { get; init; } = "";
    public IReadOnlyList<BodyBlock> Body { get; init; } = [];
    public DateOnly Published { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string Kicker { get; init; } = "World";
    public Caption? Caption { get; init; }
    public string Language { get; init; } = "en";

    /// <summary>Paragraphs longer than this are cut at sentence ends.</summary>
    private const int LongParagraph = 600;

    public static SourceArticle From(string name, CleanArticle clean, DateOnly fallbackDate) => new()
    {
        Name = name,
        Title = clean.Title ?? "",
        Lead = clean.Lead,
        Body = clean.Body.SelectMany(Split).ToList(),
        Published = clean.Published ?? fallbackDate,
        Authors = clean.Authors,
        Kicker = clean.Kicker ?? "World",
        Caption = clean.Captions.Count > 0 ? clean.Captions[0] : null,
        Language = clean.Language ?? "en",
    };

    public IEnumerable<string> Paragraphs => Body.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text);

    private static IEnumerable<BodyBlock> Split(BodyBlock block)
    {
        if (block.Kind != BlockKind.Paragraph || block.Text.Length <= LongParagraph)
        {
            yield return block;
            yield break;
        }
        var sentences = SentenceEnd().Split(block.Text);
        var current = new List<string>();
        var length = 0;
        foreach (var sentence in sentences)
        {
            current.Add(sentence);
            length += sentence.Length;
            if (length >= LongParagraph / 2 && current.Count >= 2)
            {
                yield return block with { Text = string.Join(' ', current) };
                current.Clear();
                length = 0;
            }
        }
        if (current.Count > 0) yield return block with { Text = string.Join(' ', current) };
    }

    [GeneratedRegex(@"(?<=[.!?][""”’]?)\s+(?=[""“‘(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}
