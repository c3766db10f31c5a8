using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ingestion.Core;
using Ingestion.Core.Stories;
using Ingestion.StoryCorpus;

// dotnet run -c Release --project benchmarks/Ingestion.StoryBench -- [SOURCE files or folders…] [--seed N] [--out DIR]
// dotnet run -c Release --project benchmarks/Ingestion.StoryBench -- --score out.jsonl --truth DIR.truth.tsv
//
// Builds the "same story" corpus from real DW articles (default: ../shared/dw/dwie and ../shared/dw/dev), runs every
// file through clean, extract and the in-run story rule in name order (what `ingest process` does), and prints the
// pairwise precision and recall of "same story". --out also writes the corpus for `ingest process` (and, beside the
// folder, DIR.truth.tsv: each file's story); --score scores such a run's JSON Lines against it.

var arguments = args.ToList();
string? Option(string name)
{
    var i = arguments.IndexOf(name);
    if (i < 0 || i + 1 >= arguments.Count) return null;
    var value = arguments[i + 1];
    arguments.RemoveRange(i, 2);
    return value;
}
var score = Option("--score");
var truthFile = Option("--truth");
var outDir = Option("--out");
var seed = int.Parse(Option("--seed") ?? "16", CultureInfo.InvariantCulture);

if (score is not null)
{
    if (truthFile is null) { Console.Error.WriteLine("--score needs --truth DIR.truth.tsv"); return 2; }
    var truth = File.ReadLines(truthFile).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    var lines = File.ReadLines(score).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    var run = lines.Where(l => l.TryGetProperty("name", out _)).Select(l =>
    {
        var name = l.GetProperty("name").GetString()!;
        var id = l.GetProperty("id").GetString()!;
        var story = l.TryGetProperty("duplicateOf", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : id;
        return (Truth: truth.GetValueOrDefault(name, "?" + name), Predicted: story);
    }).ToList();
    Console.WriteLine($"{run.Count} articles scored, {lines.Count - run.Count} error lines");
    Console.WriteLine(PairScore.Of(run));
    return 0;
}

var sources = arguments.Count > 0 ? arguments : DefaultSources();
var files = sources.SelectMany(s => Directory.Exists(s)
        ? Directory.EnumerateFiles(s).Where(f => !f.EndsWith(".gold.json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal))
        : [s])
    .Order(StringComparer.Ordinal).ToList();
var watch = Stopwatch.StartNew();
var corpus = Corpus.Build(files, seed);
Console.WriteLine($"corpus: {files.Count} source files → {corpus.Items.Count} items ({corpus.Items.Select(i => i.Story).Distinct().Count()} stories, {corpus.SameTopicPairs.Count} same-topic same-day pairs), built in {watch.Elapsed.TotalSeconds:F1} s");

if (outDir is not null)
{
    foreach (var item in corpus.Items)
    {
        var path = Path.Combine(outDir, item.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, item.Content);
    }
    // Beside the folder, not in it: `ingest process DIR` would read it as an article.
    var truthPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)) + ".truth.tsv";
    File.WriteAllLines(truthPath, corpus.Items.Select(i => i.Name + "\t" + i.Story));
    Console.WriteLine($"written to {outDir} and {truthPath} (name, story); score an `ingest process {outDir} -o out.jsonl` run with --score out.jsonl --truth {truthPath}");
}

// The run: name order, one story index, as `ingest process` over the folder.
var processor = ArticleProcessor.CreateDefault();
var stories = new StoryIndex();
var results = new List<(CorpusItem Item, string Id, string Predicted, double Similarity)>();
var failed = 0;
watch.Restart();
foreach (var item in corpus.Items.OrderBy(i => i.Name, StringComparer.Ordinal))
{
    try
    {
        var doc = processor.Process(item.Name, item.Content, stories: stories);
        results.Add((item, doc.Id, doc.DuplicateOf ?? doc.Id, doc.Similarity ?? 0));
    }
    catch (Ingestion.Core.Input.ArticleRejectedException e)
    {
        failed++;
        Console.WriteLine($"  rejected {item.Name}: {e.Message}");
    }
}
Console.WriteLine($"run: {results.Count} articles in {watch.Elapsed.TotalSeconds:F1} s, {failed} rejected");
var pairs = PairScore.Of(results.Select(r => (r.Item.Story, r.Predicted)));
Console.WriteLine(pairs);

// Where recall is lost: items not in the story of their source's original file, by kind.
var home = results.GroupBy(r => r.Item.Story).ToDictionary(g => g.Key, g => g.GroupBy(r => r.Predicted).MaxBy(p => p.Count())!.Key);
var strays = results.Where(r => r.Predicted != home[r.Item.Story]).ToList();
Console.WriteLine($"items outside their story's main cluster: {strays.Count}");
foreach (var kind in strays.GroupBy(r => System.Text.RegularExpressions.Regex.Replace(r.Item.Kind, "-\\d$", "")).OrderByDescending(g => g.Count()))
    Console.WriteLine($"  {kind.Key}: {kind.Count()}  e.g. {kind.First().Item.Name}");

// Where precision is lost: predicted stories holding items of several sources.
var mixed = results.GroupBy(r => r.Predicted).Where(g => g.Select(r => r.Item.Story).Distinct().Count() > 1).ToList();
Console.WriteLine($"predicted stories mixing sources: {mixed.Count}");
foreach (var g in mixed.Take(10))
    Console.WriteLine($"  {string.Join(", ", g.Select(r => r.Item.Story).Distinct())} (similarities {string.Join(", ", g.Select(r => r.Similarity.ToString("F2", CultureInfo.InvariantCulture)).Distinct())})");

// The margin: how alike copies are to their first copy, and how alike same-topic stories are.
var copies = results.Where(r => r.Predicted != r.Id && r.Predicted == home[r.Item.Story]).Select(r => r.Similarity).Order().ToList();
if (copies.Count > 0)
    Console.WriteLine($"copies' similarity to their first copy: min {copies[0]:F3}, p1 {copies[copies.Count / 100]:F3}, p5 {copies[copies.Count / 20]:F3}, median {copies[copies.Count / 2]:F3}");
var byStory = results.Where(r => r.Item.Kind == "original").ToDictionary(r => r.Item.Story);
var sketches = byStory.ToDictionary(s => s.Key, s => StorySketch.Of(processor.Cleaner.Clean(Ingestion.Core.Input.ArticleInput.Decode(s.Value.Item.Name, s.Value.Item.Content))));
var topical = corpus.SameTopicPairs.Where(p => byStory.ContainsKey(p.A) && byStory.ContainsKey(p.B)).Select(p =>
    sketches[p.A] is { } a && sketches[p.B] is { } b ? a.Resemblance(b) : 0).Order().ToList();
if (topical.Count > 0)
    Console.WriteLine($"same-topic same-day stories' resemblance: median {topical[topical.Count / 2]:F3}, p95 {topical[topical.Count * 95 / 100]:F3}, max {topical[^1]:F3} (threshold {StoryMatch.Threshold})");
var merged = corpus.SameTopicPairs.Count(p => home.TryGetValue(p.A, out var a) && home.TryGetValue(p.B, out var b) && a == b);
Console.WriteLine($"same-topic pairs merged into one story: {merged} of {corpus.SameTopicPairs.Count}");

// How the band index grows: a lookup reads, per band, the stories filed under that band value. Besides its own story,
// that is every other story whose first copy has the same value there; over the corpus's stories, how many that is.
var filed = sketches.Values.OfType<StorySketch>().Select((sketch, story) => (Keys: StoryBands.Keys(sketch), Story: story)).ToList();
var sharing = filed.SelectMany(f => f.Keys.Select(k => (Key: k, f.Story))).GroupBy(x => x.Key).Where(g => g.Count() > 1).ToList();
var sharedRows = sharing.Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
var sharingPairs = sharing.SelectMany(g => g.SelectMany(a => g.Where(b => b.Story > a.Story).Select(b => (a.Story, b.Story)))).Distinct().Count();
var storyPairs = (long)filed.Count * (filed.Count - 1) / 2;
if (storyPairs > 0)
    Console.WriteLine($"band index over {filed.Count} stories: {sharingPairs:N0} of {storyPairs:N0} pairs of different stories share a band ({sharedRows:N0} band values in all); " +
        $"a lookup reads {StoryBands.Count} partitions, and besides its own story {2.0 * sharedRows / filed.Count:F3} rows of others here, " +
        $"{1000.0 * sharedRows / storyPairs:F3} per 1,000 stored stories");
return 0;

static List<string> DefaultSources()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) dir = dir.Parent;
    var shared = Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "dw"));
    List<string> sets = [Path.Combine(shared, "dwie"), Path.Combine(shared, "dev")];
    return sets.Where(Directory.Exists).ToList();
}
