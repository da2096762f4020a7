using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EUeConformance.Runner.Catalog;

/// <summary>
/// Reads the specification's extracted text and finds every RFC 2119 keyword (upper case, as
/// section 1.3 of the spec defines them) with its locator. The text is the PDF extraction in
/// ../shared/seeds: one paragraph per line, table cells separated by tabs, flow-table rows opened
/// by their step name (CM1, CM2v6, eUE-3) and continued on lines that start with a tab.
/// </summary>
public static partial class SpecScanner
{
    public static IReadOnlyList<KeywordOccurrence> Scan(string text)
    {
        var occurrences = new List<KeywordOccurrence>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');

        string section = "front";
        int paragraph = 0;
        int? bullet = null;
        string? table = null, row = null;

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int lineNo = i + 1;
            if (line.Trim().Length == 0) continue;

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                section = heading.Groups["num"].Value;
                paragraph = 0; bullet = null; table = null; row = null;
                continue;
            }

            var flowRow = FlowRow().Match(line);
            var tlvRow = table is null || table == "6" ? Table6Row().Match(line) : Match.Empty;
            if (flowRow.Success)
            {
                row = NormaliseStep(flowRow.Groups["step"].Value);
                table = row.StartsWith("eUE-", StringComparison.Ordinal) ? "5" : row.Contains("v6", StringComparison.Ordinal) ? "3" : "2";
                ScanCells(line, table, row);
                continue;
            }
            if (tlvRow.Success)
            {
                table = "6";
                string type = tlvRow.Groups["type"].Value;
                row = type == "254" ? (line.Contains("0xFF", StringComparison.Ordinal) ? "TLV254-end" : "TLV254-start") : "TLV" + type;
                ScanCells(line, table, row);
                continue;
            }
            if (table is not null && row is not null)
            {
                if (line.StartsWith('\t')) { ScanCells(line, table, row); continue; }
                // A caption closes the table it follows (Tables 1, 4 and 6 carry theirs below).
                if (Caption().IsMatch(line)) { table = null; row = null; continue; }
                // A paragraph between rows of a flow table (Table 5's "NOTE:" and "Notes:") belongs to the table.
                ScanCell(line, lineNo, 0, new SpecLocator(section, 0, null, table, row, "note"));
                continue;
            }

            // Prose. A line that starts with a space continues the paragraph above (wrapped bullet).
            if (!line.StartsWith(' ') || paragraph == 0)
            {
                paragraph++;
                bullet = IsBullet(line) ? (bullet ?? 0) + 1 : null;
            }
            ScanCell(line.Replace('\t', ' '), lineNo, 0, new SpecLocator(section, paragraph, bullet));

            void ScanCells(string l, string t, string r)
            {
                var fields = l.Split('\t');
                int offset = 0;
                for (int f = 0; f < fields.Length; f++)
                {
                    if (f > 0 || !flowRow.Success || l.StartsWith('\t'))
                        ScanCell(fields[f], lineNo, offset, new SpecLocator(section, 0, null, t, r, ColumnName(t, f)));
                    offset += fields[f].Length + 1;
                }
            }
        }
        return occurrences;

        void ScanCell(string cell, int lineNo, int columnOffset, SpecLocator locator)
        {
            foreach (var (sentence, start) in Sentences(cell))
            {
                var keywords = Keyword().Matches(sentence);
                if (keywords.Count == 0) continue;
                string normalised = Normalise(sentence);
                string hash = Hash(locator.Key + "\n" + normalised);
                int repeat = seen[hash] = seen.GetValueOrDefault(hash) + 1;
                for (int k = 0; k < keywords.Count; k++)
                {
                    string keyword = Whitespace().Replace(keywords[k].Value, " ");
                    occurrences.Add(new KeywordOccurrence(keyword, lineNo, columnOffset + start + keywords[k].Index + 1,
                        locator, hash, k + 1, repeat, normalised));
                }
            }
        }
    }

    /// <summary>Splits a paragraph or cell into sentences: a full stop followed by space and a capital opens a new one.</summary>
    public static IEnumerable<(string Sentence, int Start)> Sentences(string cell)
    {
        int start = 0;
        foreach (Match m in SentenceBreak().Matches(cell))
        {
            yield return (cell[start..m.Index], start);
            start = m.Index + m.Length;
        }
        if (start < cell.Length) yield return (cell[start..], start);
    }

    public static string Normalise(string sentence) => Whitespace().Replace(sentence, " ").Trim();

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    static bool IsBullet(string line)
    {
        string t = line.TrimStart();
        return t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith('•') || t.StartsWith('\uf0b7');
    }

    static string NormaliseStep(string step) => Whitespace().Replace(step, "").Replace("–", "-");

    static string ColumnName(string table, int field) => (table, field) switch
    {
        ("6", _) => "description",
        (_, 0 or 1) => "description",
        (_, 2) => "normal flow",
        (_, 3) => "on failure",
        _ => $"column {field}",
    };

    [GeneratedRegex(@"^(?<num>\d+(?:\.\d+)*|[A-Z]\.\d+(?:\.\d+)*|Annex [A-Z]|Appendix [IVX]+) +[A-Za-z][^\t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<step>CM\d+v6 *[-–] *CM\d+v6|CM\d+ *[-–] *CM\d+|CM\d+v6|CM\d+|eUE-\d+)\t")]
    private static partial Regex FlowRow();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z ]*\t(?<type>\d+)\t\d+ bytes?\t")]
    private static partial Regex Table6Row();

    [GeneratedRegex(@"^(Table|Figure) \d+ - ")]
    private static partial Regex Caption();

    [GeneratedRegex(@"\b(MUST\s+NOT|MUST|SHOULD\s+NOT|SHOULD|MAY)\b")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z""(\[])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
