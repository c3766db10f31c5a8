using Ingestion.Cli.Commands;
using Ingestion.Core;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Cli.Harness;

/// <summary>An article a load or chaos run drops, with what cleaning and extraction make of it (for the baseline).</summary>
internal sealed record LoadSource(string Name, byte[] Bytes, CleanArticle Clean, ArticleAnalysis Analysis)
{
    /// <summary>The sources among <paramref name="paths"/> that hold an article (others would only measure rejection).</summary>
    public static List<LoadSource> From(IEnumerable<string> paths)
    {
        var processor = ArticleProcessor.CreateDefault();
        var sources = new List<LoadSource>();
        foreach (var (path, name) in InputFiles.Expand(paths))
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                var clean = processor.Cleaner.Clean(ArticleInput.Decode(name, bytes));
                sources.Add(new LoadSource(Path.GetFileName(name), bytes, clean, processor.Analyzer.Analyze(clean)));
            }
            catch (ArticleRejectedException)
            {
            }
        }
        return sources.Count > 0 ? sources : throw new InvalidOperationException("no article among the sources");
    }

    public static IReadOnlyList<(string Name, byte[] Bytes)> Files(IEnumerable<LoadSource> sources) => [.. sources.Select(s => (s.Name, s.Bytes))];
}
