using System.IO.Compression;
using System.Text;

namespace Ingestion.Core.Tests.Hostile;

/// <summary>
/// Broken and hostile inputs, generated (so the repository holds no 64 MB files). Each entry is a file name and
/// its bytes, as a crawler or a careless user might drop them.
/// </summary>
public static class HostileCorpus
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Repeat(string unit, int times) => Utf8(new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString());

    private static byte[] Zip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("article.txt").Open());
            w.Write("Title\n\nBody text of an article.");
        }
        return ms.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(content);
        return ms.ToArray();
    }

    private const string Article = "Ministers meet in Berlin\n\nGerman ministers met on Monday to discuss the budget.\n\n\"We will decide next week,\" Chancellor Olaf Scholz said.\n";

    public static IReadOnlyDictionary<string, Func<byte[]>> Files { get; } = new Dictionary<string, Func<byte[]>>
    {
        ["empty.txt"] = () => [],
        ["whitespace.txt"] = () => Utf8(" \n\t\r\n   \n"),
        ["nbsp-only.txt"] = () => Utf8("\u00A0\u2007\u202F\n\u3000"),
        ["image.png"] = () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0],
        ["archive.zip"] = Zip,
        ["document.pdf"] = () => [.. Utf8("%PDF-1.7\n%"), 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0, 0, 0x31, 0x20, 0x30],
        ["photo.jpg"] = () => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1],
        ["article.txt.gz"] = () => Gzip(Utf8(Article)),
        ["invalid-utf8.txt"] = () => [.. Utf8("Title\n\nBody "), 0xC3, 0x28, 0xA0, 0xA1, .. Utf8(" more")],
        ["latin1.txt"] = () => Encoding.Latin1.GetBytes("Über Köln\n\nDer Bürgermeister sagte: „Wir prüfen das.“ Straße"),
        ["utf16le-bom.txt"] = () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Article)],
        ["utf16be-bom.txt"] = () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Article)],
        ["utf32-bom.txt"] = () => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Article)],
        ["utf8-bom.txt"] = () => [.. Encoding.UTF8.GetPreamble(), .. Utf8(Article)],
        ["huge-64mb.txt"] = () => Repeat("All work and no play makes Jack a dull boy. ", 64 * 1024 * 1024 / 44 + 1),
        ["single-10mb-line.txt"] = () => Repeat("word ", 2 * 1024 * 1024),
        ["nested-divs.html"] = () => Utf8("<html><body>" + new StringBuilder().Insert(0, "<div>", 100_000) + "deep text" + new StringBuilder().Insert(0, "</div>", 100_000) + "</body></html>"),
        ["quotes-200k.txt"] = () => Utf8("Title\n\n" + new string('"', 200_000)),
        ["curly-quotes-200k.txt"] = () => Utf8("Title\n\n" + new StringBuilder().Insert(0, "“ ”", 70_000)),
        ["unbalanced-quotes.txt"] = () => Utf8("Quotes gone wrong\n\n\"He said this, she said \u201Cthat, and „nobody closed anything.\n\n\u00ABNor here."),
        ["scripts-iframes.html"] = () => Utf8("<html><head><title>Page</title><script>while(true){}</script></head><body><iframe src=\"https://example.invalid\"></iframe><script>document.write('x')</script><article><h1>Real title</h1><p>Real paragraph of text that is long enough to be an article body for any extractor.</p><p>Second paragraph with more words in it to look like content.</p></article><style>p{}</style></body></html>"),
        ["unsupported-script.txt"] = () => Utf8("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\n\nᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ ᠤᠨ ᠶᠡᠷᠦᠩᠬᠡᠢᠯᠡᠭᠴᠢ ᠪᠣᠯ ᠤᠯᠤᠰ ᠤᠨ ᠲᠡᠷᠢᠭᠦᠨ ᠪᠣᠯᠤᠨ᠎ᠠ᠃\n\nབོད་ཡིག་ནི་བོད་ཀྱི་ཡི་གེ་ཡིན།"),
        ["amharic.txt"] = () => Utf8("የኢትዮጵያ ዜና\n\nአዲስ አበባ ውስጥ ስብሰባ ተካሄደ። ሚኒስትሩ \"እንወስናለን\" ብለዋል።"),
        ["non-dw-news.html"] = () => Utf8("<html lang=\"en\"><head><title>Local paper | City news</title></head><body><nav><a href=\"/\">Home</a><a href=\"/sport\">Sport</a></nav><main><h1>Bridge reopens after repairs</h1><p>The old bridge over the river reopened on Tuesday after eight months of repairs, the city council said.</p><p>\"It is good to have it back,\" said one resident who crosses it daily on her way to work.</p><p>Traffic is expected to return to normal levels within a week, according to the transport office.</p></main><footer>© Local paper</footer></body></html>"),
        ["html-named.txt"] = () => Utf8("<!DOCTYPE html><html><body><h1>Named wrong</h1><p>This HTML page was saved with a .txt extension by a crawler that did not care about names.</p></body></html>"),
        ["text-named.html"] = () => Utf8(Article),
        ["text-named.json"] = () => Utf8(Article),
        ["broken.json"] = () => Utf8("{\"title\": \"Half a document\", \"text\": \"and then it stops"),
        ["array.json"] = () => Utf8("[1, 2, 3]"),
        ["nulls.json"] = () => Utf8("{\"title\": null, \"text\": null, \"date\": null}"),
        ["deep.json"] = () => Utf8(new string('[', 100_000) + new string(']', 100_000)),
        ["wrong-types.json"] = () => Utf8("{\"title\": 42, \"text\": {\"a\": [true]}, \"date\": \"not a date\"}"),
        ["only-navigation.txt"] = () => Utf8("  1. Skip to content\n  2. Skip to main menu\n  3. Skip to more DW sites\n"),
        ["control-chars.txt"] = () => Utf8("Title\u0007 with bell\n\nBody\u0001\u0002 with \u001B[31mANSI\u001B[0m escapes and a form feed \f here."),
        ["zero-width.txt"] = () => Utf8("Ti\u200Btle\u200D\n\n\uFEFFBody\u200B text \u2060 with joiners."),
        ["rtl-mixed.txt"] = () => Utf8("العنوان هنا\n\nقال الوزير \"سنقرر الأسبوع المقبل\" في برلين. Olaf Scholz said \"yes\"."),
        ["emoji.txt"] = () => Utf8("🔥 Breaking 🔥\n\n🇩🇪 Germany 🤝 🇫🇷 France: \"😀\" said 👤."),
        ["lone-surrogate-escape.json"] = () => Utf8("{\"title\": \"\\ud800 broken\", \"text\": \"body \\udc00\"}"),
        ["long-word.txt"] = () => Utf8("Title\n\n" + new string('x', 2_000_000)),
        ["cr-only.txt"] = () => Utf8(Article.Replace('\n', '\r')),
        ["crlf.txt"] = () => Utf8(Article.Replace("\n", "\r\n")),
        ["many-blank-lines.txt"] = () => Utf8("Title" + new string('\n', 1_000_000) + "Body text."),
        ["xml-bomb.html"] = () => Utf8("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><html><body><p>&lol3;</p></body></html>"),
        ["regex-bait.txt"] = () => Utf8("Title\n\n" + new StringBuilder().Insert(0, "Image: a/b/", 50_000) + "\n" + new StringBuilder().Insert(0, "es/msh (AP, ", 50_000)),
        ["markdown.md"] = () => Utf8("# A heading\n\n* item\n* item\n\n[link](http://example.invalid)"),
        ["csv.csv"] = () => Utf8("id,title,text\n1,\"A, b\",\"c\"\n"),
        ["nul-after-8k.txt"] = () => [.. Utf8("Title\n\n" + new string('a', 9000)), 0, .. Utf8("tail")],
        ["name with spaces, ünïcödé #and? marks.txt"] = () => Utf8(Article),
    };
}
