using System.Security.Cryptography;
using System.Text;

namespace EUeConformance.Runner.Catalog;

/// <summary>
/// Proves the catalog accounts for the specification: every RFC 2119 keyword in the text is claimed
/// by a requirement or an explicit exclusion, every anchor in the catalog points at a keyword that
/// exists, and the keyword the catalog names is the one in the text.
/// </summary>
public static class CatalogCheck
{
    public sealed record Result(
        IReadOnlyList<KeywordOccurrence> Occurrences,
        IReadOnlyList<KeywordOccurrence> Unaccounted,
        IReadOnlyList<string> Stale,
        IReadOnlyList<string> KeywordMismatches,
        bool SourceMatches,
        string SourceSha256)
    {
        public bool Passed => Unaccounted.Count == 0 && Stale.Count == 0 && KeywordMismatches.Count == 0;

        /// <summary>Occurrences per keyword, as the text has them.</summary>
        public IReadOnlyDictionary<string, int> KeywordCounts =>
            Occurrences.GroupBy(o => o.Keyword).ToDictionary(g => g.Key, g => g.Count());
    }

    public static Result Run(RequirementCatalog catalog, byte[] specFile)
    {
        string specText = Encoding.UTF8.GetString(specFile);
        var occurrences = SpecScanner.Scan(specText);
        var byAnchor = occurrences.ToDictionary(o => o.Anchor, StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var stale = new List<string>();
        var mismatches = new List<string>();

        void Claim(string anchor, string keyword, string who, int line)
        {
            if (!byAnchor.TryGetValue(anchor, out var occ))
            {
                stale.Add($"{catalog.Path}:{line}: {who} anchors {anchor}, which matches no keyword in the text (re-anchor it with 'catalog --scan')");
                return;
            }
            claimed.Add(anchor);
            if (occ.Keyword != keyword)
                mismatches.Add($"{catalog.Path}:{line}: {who} says {keyword} but the text at line {occ.Line} ({occ.Locator}) says {occ.Keyword}");
        }

        foreach (var r in catalog.Requirements) Claim(r.Anchor, r.Keyword, r.Id, r.CatalogLine);
        foreach (var x in catalog.Exclusions) Claim(x.Anchor, x.Keyword, $"exclusion {x.Anchor}", x.CatalogLine);

        string sha = Convert.ToHexStringLower(SHA256.HashData(specFile));
        return new Result(
            occurrences,
            occurrences.Where(o => !claimed.Contains(o.Anchor)).ToList(),
            stale,
            mismatches,
            catalog.SourceSha256 is null || string.Equals(catalog.SourceSha256, sha, StringComparison.OrdinalIgnoreCase),
            sha);
    }
}
