using System.Globalization;
using Ingestion.Core.Model;

namespace Ingestion.StoryCorpus;

/// <summary>
/// An article no other test has: prose of random words (so its shingles are its own) around quotes by a speaker with
/// a made-up surname (so its entities are its own), for tests that share one storage emulator and must not find each
/// other's stories. The cleaner reads it as clean text; the extractor finds the speaker and the quotes.
/// </summary>
public static class SyntheticArticle
{
    private static readonly string[] Words =
        ("government officials river shipping rules week month year city country region council meeting talks plan budget " +
         "report market company workers union farmers water energy prices costs trade border police court judge law vote " +
         "election party leader minister president people families schools children health hospital doctors weather storm " +
         "rain road bridge train station airport flights museum festival music team season match club fans players coach " +
         "new old large small early late public local national foreign economic social political strong weak open closed " +
         "said added called asked agreed planned expected reported announced warned promised decided rejected approved " +
         "the a of to in on for with after before during since about against between under over from into near by at " +
         "and but or while although because so that which who when where").Split(' ');

    private static readonly string[] Given = ["Anna", "Maria", "Peter", "Jonas", "Elena", "Tomas", "Sofia", "Lukas"];

    /// <summary>A speaker's name no other seed gives: a given name and a made-up surname.</summary>
    public static string Speaker(Random random)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var surname = string.Concat(Enumerable.Range(0, 3).Select(_ => $"{consonants[random.Next(consonants.Length)]}{vowels[random.Next(vowels.Length)]}"));
        return $"{Given[random.Next(Given.Length)]} {char.ToUpperInvariant(surname[0])}{surname[1..]}ski";
    }

    public static SourceArticle Create(Random random, string speaker, int paragraphs = 8)
    {
        string Sentence(int words) => Capitalised(string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]))) + ".";
        var body = new List<BodyBlock>();
        for (var i = 0; i < paragraphs; i++)
            body.Add(new BodyBlock(BlockKind.Paragraph, string.Join(' ', Enumerable.Range(0, 3).Select(_ => Sentence(12)))));
        var surname = speaker.Split(' ')[^1];
        body.Insert(1, new BodyBlock(BlockKind.Paragraph, $"\"{Sentence(9)[..^1]},\" {speaker} said on Monday. {Sentence(10)}"));
        body.Insert(4, new BodyBlock(BlockKind.Paragraph, $"{surname} told reporters: \"{Sentence(8)}\" {Sentence(11)}"));
        return new SourceArticle
        {
            Name = "synthetic-" + random.Next().ToString("x8", CultureInfo.InvariantCulture),
            Title = Capitalised(string.Join(' ', Enumerable.Range(0, 7).Select(_ => Words[random.Next(Words.Length)]))),
            Lead = Sentence(20),
            Body = body,
            Published = new DateOnly(2024, 1, 1).AddDays(random.Next(365)),
        };
    }

    private static string Capitalised(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
