namespace EUeConformance.Runner.Catalog;

/// <summary>
/// One RFC 2119 keyword as it stands in the specification text. <see cref="Anchor"/> names it
/// without quoting the (copyrighted) sentence: a hash of the locator key and the normalised
/// sentence, the keyword's index within that sentence, and a repeat count for a sentence that
/// stands twice in the same place (PDF extraction sometimes duplicates a table cell).
/// </summary>
public sealed record KeywordOccurrence(
    string Keyword,
    int Line,
    int Column,
    SpecLocator Locator,
    string SentenceHash,
    int IndexInSentence,
    int Repeat,
    string Sentence)
{
    public string Anchor => Repeat > 1
        ? $"{SentenceHash}#{IndexInSentence}@{Repeat}"
        : $"{SentenceHash}#{IndexInSentence}";
}
