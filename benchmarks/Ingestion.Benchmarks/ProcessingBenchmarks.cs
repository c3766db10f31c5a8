using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Ingestion.Core;
using Ingestion.Core.Input;
using Ingestion.Core.Model;

namespace Ingestion.Benchmarks;


/// <summary>Cleaning and extraction of the sample articles, one per input kind, with allocations.</summary>
[MemoryDiagnoser]
public class ProcessingBenchmarks
{
    private readonly ArticleProcessor _processor = ArticleProcessor.CreateDefault();
    private ArticleInput _input = null!;
    private CleanArticle _clean = null!;

    [Params("000_4cf934df87468c23.txt", "pc-019.txt", "tf-colonial.html", "fundus-postvac.html")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "inputs", File));
        _input = ArticleInput.Decode(File, bytes);
        _clean = _processor.Cleaner.Clean(_input);
    }

    [Benchmark]
    public CleanArticle Clean() => _processor.Cleaner.Clean(_input);

    [Benchmark]
    public ArticleAnalysis Extract() => _processor.Analyzer.Analyze(_clean);
}

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(ProcessingBenchmarks).Assembly).Run(args);
}
