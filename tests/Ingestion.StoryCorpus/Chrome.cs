using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>
/// The page chrome around one rendering, drawn at random from what DW pages carry (../shared/notes/dw-pages.md): a
/// picture with its alt text, caption and credit, the agency signature, a video block, navigation, a "Read more"
/// link. <see cref="None"/> renders the article alone.
/// </summary>
public sealed record Chrome
{
    public bool On { get; init; }
    public bool Navigation { get; init; }
    public bool Video { get; init; }
    public string AltText { get; init; } = "";
    public Caption Caption { get; init; } = new("", null);
    public string Signature { get; init; } = "";
    public string VideoTitle { get; init; } = "";
    public string RelatedTitle { get; init; } = "";
    public string Permalink { get; init; } = "4sUrv";
    public string FeedId { get; init; } = "70000001";

    public static Chrome None { get; } = new();

    private static readonly string[] Credits =
        ["Michael Kappeler/dpa/picture alliance", "Kay Nietfeld/dpa/picture alliance", "Reuters/F. Bensch", "AP Photo/picture alliance", "Getty Images/AFP/J. MacDougall", "DW/M. Fürstenau"];
    private static readonly string[] Captions =
        ["Officials met in the capital on Thursday", "The talks are expected to last several days", "Protesters gathered outside the building",
         "The decision has drawn criticism from the opposition", "Rescue workers at the scene"];
    private static readonly string[] AltTexts = ["Symbolbild", "Archivbild", "Pressekonferenz", "Demonstranten vor dem Gebäude"];
    private static readonly string[] Signatures = ["es/msh (AP, AFP, Reuters)", "cwo/fab (dpa, afp)", "nob/uh (dpa, afp)", "kb/rt (Reuters, AFP)", "dj/sms (dpa, epd)"];
    private static readonly string[] Videos = ["Germany debates new rules", "What is behind the crisis?", "Reactions from the region"];
    private static readonly string[] Related = ["Opinion: A decision long overdue", "What you need to know", "Timeline: How events unfolded"];

    public static Chrome Random(Random random) => new()
    {
        On = true,
        Navigation = random.Next(2) == 0,
        Video = random.Next(3) == 0,
        AltText = Pick(random, AltTexts),
        Caption = new Caption(Pick(random, Captions), Pick(random, Credits)),
        Signature = Pick(random, Signatures),
        VideoTitle = Pick(random, Videos),
        RelatedTitle = Pick(random, Related),
        Permalink = random.Next(0x1000000, 0x7FFFFFF).ToString("x6", System.Globalization.CultureInfo.InvariantCulture),
        FeedId = random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The article's own caption when it has one, else the drawn one.</summary>
    public Caption CaptionFor(SourceArticle a) => a.Caption is { Credit: not null } own ? own : Caption;

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
