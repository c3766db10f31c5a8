using Ingestion.Core.Input;
using Ingestion.Core.Stories;
using Ingestion.StoryCorpus;

namespace Ingestion.Core.Tests.Stories;

/// <summary>The in-run story rule (<c>ingest process</c>): real articles rendered in every format, edited, and same-topic neighbours.</summary>
public class StoryIndexTests
{
    private static readonly ArticleProcessor Processor = ArticleProcessor.CreateDefault();

    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. path]);

    private static SourceArticle Source(string path)
    {
        var clean = Processor.Cleaner.Clean(ArticleInput.Decode(Path.GetFileName(path), File.ReadAllBytes(path)));
        return SourceArticle.From(Path.GetFileNameWithoutExtension(path), clean, new DateOnly(2014, 1, 6));
    }

    /// <summary>The source in every format, with and without chrome, and with every edit.</summary>
    private static IEnumerable<(string Name, string Content)> Copies(SourceArticle source)
    {
        var random = new Random(3);
        foreach (var format in Enum.GetValues<Format>())
        {
            yield return ($"{source.Name}/{format}{format.Extension()}", Renderer.Render(source, format, Chrome.None));
            yield return ($"{source.Name}/{format}-chrome{format.Extension()}", Renderer.Render(source, format, Chrome.Random(random)));
        }
        foreach (var (name, edit) in Edits.All)
            yield return ($"{source.Name}/{name}.txt", Renderer.Render(edit(source, random), Format.TextDump, Chrome.Random(random)));
    }

    [Fact]
    public void Every_copy_of_the_seed_names_the_seed_as_the_first_copy()
    {
        var stories = new StoryIndex();
        var seed = Processor.Process("seed.txt", File.ReadAllBytes(Fixture("000_4cf934df87468c23.txt")), stories: stories);
        Assert.Null(seed.DuplicateOf);
        Assert.Equal(1.0, seed.Similarity);

        var copies = Copies(Source(Fixture("000_4cf934df87468c23.txt")))
            .Select(c => (c.Name, Doc: Processor.Process(c.Name, System.Text.Encoding.UTF8.GetBytes(c.Content), stories: stories))).ToList();

        Assert.Equal(2 * Enum.GetValues<Format>().Length + Edits.All.Count, copies.Count);
        Assert.All(copies, c => Assert.True(c.Doc.DuplicateOf == seed.Id, $"{c.Name} is not a copy of the seed (similarity {c.Doc.Similarity})"));
        Assert.All(copies, c => Assert.InRange(c.Doc.Similarity!.Value, StoryMatch.Threshold, 1.0));
        Assert.Contains(copies, c => c.Doc.Similarity < 1.0); // the edits show
    }

    [Fact]
    public void Two_stories_on_the_same_topic_stay_two_stories_each_with_its_copies()
    {
        var stories = new StoryIndex();
        var firsts = new Dictionary<string, string>();
        foreach (var fixture in new[] { "south-sudan-negotiators.txt", "south-sudan-talks.txt" })
        {
            var path = Fixture("stories", fixture);
            var original = Processor.Process(fixture, File.ReadAllBytes(path), stories: stories);
            Assert.Null(original.DuplicateOf);
            firsts[fixture] = original.Id;
            foreach (var (name, content) in Copies(Source(path)))
                Assert.Equal(original.Id, Processor.Process(name, System.Text.Encoding.UTF8.GetBytes(content), stories: stories).DuplicateOf);
        }
        Assert.NotEqual(firsts["south-sudan-negotiators.txt"], firsts["south-sudan-talks.txt"]);
    }

    [Fact]
    public void An_article_placed_again_under_its_own_id_is_no_copy_of_itself()
    {
        var stories = new StoryIndex();
        var sketch = StorySketch.Of(["The talks, held in Ethiopia, are aimed at brokering a ceasefire to end the violence."]);
        Assert.Null(stories.Assign("0123456789abcdef", sketch)!.DuplicateOf);
        var again = stories.Assign("0123456789abcdef", sketch)!;
        Assert.Null(again.DuplicateOf);
        Assert.Equal("0123456789abcdef", again.StoryId);
        Assert.Equal("0123456789abcdef", stories.Assign("fedcba9876543210", sketch)!.DuplicateOf);
        Assert.Null(stories.Assign("fedcba9876543211", null));
    }
}
