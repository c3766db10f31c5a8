using System.Collections.Concurrent;

namespace Ingestion.Core.Extraction;

/// <summary>What a language's dictionary says of a noun form: its lemma, its gender ('M', 'F', 'N') and whether it names a person.</summary>
internal readonly record struct NounInfo(string Lemma, char Gender, bool Person);

/// <summary>
/// The ordinary words of a language that capitalises every noun (German), from its dictionary (<c>nouns.tsv</c>,
/// <c>adjectives.txt</c>, <c>verb-forms.txt</c>): a capitalised word is a name only when it is none of these. Knows
/// compounds by their head ("Taxifahrer" is a "Fahrer", "Umweltschutzorganisation" an "Organisation") and nominalised
/// adjectives and verbs ("die Betroffenen", "das Abwarten"). Empty for languages without such lists. Immutable.
/// </summary>
internal sealed class NounLexicon
{
    public static readonly NounLexicon Empty = new(WordMap<NounInfo>.Empty, WordSet.Empty, WordSet.Empty, [], [], []);

    /// <summary>How many words' answers are kept (news repeat their words, so most look-ups become one); then no more are added.</summary>
    private const int MaxRemembered = 100_000;

    [Flags]
    private enum Answers : byte { None = 0, Common = 1, AdjectiveOrVerb = 2 }

    /// <summary>What <see cref="IsCommonWord"/> and <see cref="IsAdjectiveOrVerbForm"/> said of a word, shared by all threads.</summary>
    private readonly ConcurrentDictionary<string, Answers> remembered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Answers>.AlternateLookup<ReadOnlySpan<char>> rememberedBySpan;
    /// <summary>How many answers are kept (the dictionary's own count takes all its locks).</summary>
    private int rememberedCount;

    /// <summary>No compound head is shorter ("Mut" of "Bachmut" is no head): short heads split names.</summary>
    private const int MinHead = 4, MinModifier = 3;

    private readonly WordMap<NounInfo> nouns;
    private readonly WordSet adjectives;
    private readonly WordSet verbForms;
    private readonly string[] nounSuffixes;
    private readonly string[] personSuffixes;
    private readonly string[] adjectiveEndings;

    public NounLexicon(WordMap<NounInfo> nouns, WordSet adjectives, WordSet verbForms, string[] nounSuffixes, string[] personSuffixes, string[] adjectiveEndings)
    {
        this.nouns = nouns;
        this.adjectives = adjectives;
        this.verbForms = verbForms;
        this.nounSuffixes = nounSuffixes;
        this.personSuffixes = personSuffixes;
        this.adjectiveEndings = adjectiveEndings.OrderByDescending(e => e.Length).ToArray();
        rememberedBySpan = remembered.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private Answers Ask(ReadOnlySpan<char> word)
    {
        if (rememberedBySpan.TryGetValue(word, out var answers)) return answers;
        var adjective = ComputeAdjectiveOrVerbForm(word);
        answers = (adjective ? Answers.AdjectiveOrVerb : Answers.None) | (ComputeCommonWord(word, adjective) ? Answers.Common : Answers.None);
        if (Volatile.Read(ref rememberedCount) < MaxRemembered && rememberedBySpan.TryAdd(word, answers)) Interlocked.Increment(ref rememberedCount);
        return answers;
    }

    public bool IsEmpty => nouns.Count == 0;

    /// <summary>The endings adjectives take ("e", "en", "er", "es", "em"), longest first.</summary>
    public IReadOnlyList<string> AdjectiveEndings => adjectiveEndings;

    /// <summary>Reads <c>&lt;lang&gt;/nouns.tsv</c> (lemma, gender with 'p' for persons, other forms), the adjective and verb lists.</summary>
    // loaded once per process: straight to optimised code, as its loop over 66,000 rows would crawl in tier 0
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static NounLexicon Load(string code, string[] nounSuffixes, string[] personSuffixes, string[] adjectiveEndings)
    {
        var rows = ExtractionData.Rows($"{code}/nouns.tsv", optional: true).ToList();
        if (rows.Count == 0) return Empty;
        var map = new Dictionary<string, NounInfo>(rows.Count * 2, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var flags = row.Length > 1 ? row[1] : "";
            var info = new NounInfo(row[0], flags.Length > 0 && flags[0] is 'M' or 'F' or 'N' ? flags[0] : 'u', flags.Contains('p'));
            map[row[0]] = info;
            if (row.Length > 2)
                foreach (var form in row[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)) map.TryAdd(form, info);
        }
        return new NounLexicon(new WordMap<NounInfo>(map), new WordSet(ExtractionData.Lines($"{code}/adjectives.txt", optional: true)),
            new WordSet(ExtractionData.Lines($"{code}/verb-forms.txt", optional: true)), nounSuffixes, personSuffixes, adjectiveEndings);
    }

    /// <summary>The dictionary's entry for this exact form ("Häusern" -> "Haus").</summary>
    public bool TryGet(ReadOnlySpan<char> word, out NounInfo info) => nouns.TryGetValue(word, out info);

    /// <summary>
    /// The noun a word is, whole or as the head of a compound ("Taxifahrer" -> "Fahrer", "Amazonas-Metropole" -> "Metropole"):
    /// the longest tail that is a dictionary noun, with at least <see cref="MinModifier"/> letters before it.
    /// </summary>
    public bool TryHead(ReadOnlySpan<char> word, out NounInfo head) => TryHead(word, out head, out _);

    /// <summary>As <see cref="TryHead(ReadOnlySpan{char}, out NounInfo)"/>, with where the head starts in the word.</summary>
    private bool TryHead(ReadOnlySpan<char> word, out NounInfo head, out int at)
    {
        head = default;
        at = 0;
        if (IsEmpty || word.Length < 2 || word.Length > 64) return false;
        if (nouns.TryGetValue(word, out head)) return true;
        var dash = word.LastIndexOf('-');
        if (dash > 0 && dash + 1 < word.Length)
        {
            var found = TryHead(word[(dash + 1)..], out head, out at);
            at += dash + 1;
            return found;
        }
        Span<char> tail = stackalloc char[word.Length];
        for (var i = MinModifier; i + MinHead <= word.Length; i++)
        {
            if (!char.IsLetter(word[i])) return false;
            var rest = word[i..];
            rest.CopyTo(tail);
            tail[0] = char.ToUpperInvariant(tail[0]);
            if (nouns.TryGetValue(tail[..rest.Length], out head)) { at = i; return true; }
        }
        return false;
    }

    /// <summary>The word in its dictionary form ("Kremlkritikers" -> "Kremlkritiker", "Hamas-Führers" -> "Hamas-Führer"); itself when unknown.</summary>
    public string Lemma(string word)
    {
        if (!TryHead(word, out var head, out var at)) return word;
        if (at == 0) return head.Lemma;
        var lemma = word[at - 1] == '-' ? head.Lemma : char.ToLowerInvariant(head.Lemma[0]) + head.Lemma[1..];
        return word[..at] + lemma;
    }

    /// <summary>
    /// True when a capitalised word is an ordinary word, not a name: a noun (or compound, or derived noun: "-ung", "-keit"),
    /// a nominalised adjective or participle ("Betroffenen", "Forschende") or infinitive ("Abwarten"). Acronyms never are.
    /// </summary>
    public bool IsCommonWord(ReadOnlySpan<char> word) => !IsEmpty && word.Length >= 2 && word.Length <= 64 && (Ask(word) & Answers.Common) != 0;

    private bool ComputeCommonWord(ReadOnlySpan<char> word, bool adjectiveOrVerb)
    {
        if (NameShapes.IsAcronym(word)) return false;
        if (TryHead(word, out _)) return true;
        foreach (var suffix in nounSuffixes)
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return adjectiveOrVerb;
    }

    /// <summary>
    /// A noun form, an adjective or a verb's infinitive or participle as the dictionary has it (no compounds, no endings),
    /// asked without remembering (for
    /// tens of thousands of words at load time, "Braun" and "Krone" among the given names).
    /// </summary>
    public bool IsDictionaryWord(ReadOnlySpan<char> word)
    {
        if (IsEmpty || word.Length < 2 || word.Length > 64) return false;
        if (nouns.ContainsKey(word)) return true;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return adjectives.Contains(lower) || verbForms.Contains(lower);
    }

    /// <summary>"Russische", "Deutschen", "Betroffene", "Abwarten": the word in lower case is an adjective or verb form.</summary>
    public bool IsAdjectiveOrVerbForm(ReadOnlySpan<char> word) => !IsEmpty && word.Length >= 2 && word.Length <= 64 && (Ask(word) & Answers.AdjectiveOrVerb) != 0;

    private bool ComputeAdjectiveOrVerbForm(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (adjectives.Contains(lower) || verbForms.Contains(lower)) return true;
        foreach (var ending in adjectiveEndings)
        {
            if (lower.Length <= ending.Length + 2 || !lower.EndsWith(ending)) continue;
            var stem = lower[..^ending.Length];
            // "russischen" -> "russische"; "forschenden" -> "forschend"; "betroffenen" -> "betroffen"
            if (adjectives.Contains(stem) || verbForms.Contains(stem)) return true;
            if (ending.Length > 1 && adjectives.Contains(lower[..^(ending.Length - 1)])) return true;
        }
        return false;
    }

    /// <summary>A noun that names a person ("Soldat", "Militärexperte", "Wirtschaftsministerin", "Neurologe"), with its gender.</summary>
    public bool IsPersonNoun(ReadOnlySpan<char> word, out char gender)
    {
        gender = 'u';
        if (!TryHead(word, out var head))
        {
            if (IsEmpty || NameShapes.IsAcronym(word)) return false;
            // a word the dictionary lacks still names a person by its ending ("Virologe", "Politikerin")
            return HasPersonSuffix(word, ref gender);
        }
        if (head.Person) { gender = head.Gender; return true; }
        return head.Gender == 'M' && HasPersonSuffix(head.Lemma, ref gender);
    }

    private bool HasPersonSuffix(ReadOnlySpan<char> word, ref char gender)
    {
        foreach (var suffix in personSuffixes)
        {
            if (word.Length < suffix.Length + 3 || !word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            gender = 'M';
            return true;
        }
        return false;
    }
}
