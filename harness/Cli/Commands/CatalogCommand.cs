using System.CommandLine;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Input;

namespace EUeConformance.Cli.Commands;

/// <summary>eue-conformance catalog: check the catalog against the spec text, list gaps, scan a spec.</summary>
public static class CatalogCommand
{
    public static Command Create(CliConsole console)
    {
        var check = new Option<string?>("--check") { Description = "the specification text: fail on any keyword the catalog does not account for" };
        var scan = new Option<string?>("--scan") { Description = "the specification text: print every keyword with its locator and anchor (for writing catalog entries)" };
        var uncovered = new Option<bool>("--uncovered") { Description = "list requirements with method 'test' that no scenario cites" };
        var list = new Option<bool>("--list") { Description = "list every requirement: id, keyword, actor, method, summary" };
        var catalogPath = new Option<string?>("--catalog") { Description = "requirement catalog (default: features/catalog/PKT-SP-EUE-PROV-I05.yaml)" };
        var features = new Option<string?>("--features") { Description = "features folder, for --uncovered" };

        var command = new Command("catalog", "Validate and query the requirement catalog");
        command.Add(check); command.Add(scan); command.Add(uncovered); command.Add(list); command.Add(catalogPath); command.Add(features);
        command.SetAction(parse =>
        {
            var o = console.Out;
            if (parse.GetValue(scan) is { } scanPath)
            {
                foreach (var k in SpecScanner.Scan(File.ReadAllText(Existing(scanPath))))
                    o.WriteLine($"{k.Line}:{k.Column}\t{k.Keyword}\t{k.Anchor}\t{k.Locator}");
                return 0;
            }

            var catalog = CatalogLoader.Load(parse.GetValue(catalogPath) ?? SuitePaths.Catalog);
            o.WriteLine($"catalog: {SuitePaths.Show(catalog.Path)} ({catalog.DocumentId}), {catalog.Requirements.Count} requirements, {catalog.Exclusions.Count} exclusions, sha256 {catalog.Sha256}");
            int exit = 0;

            if (parse.GetValue(check) is { } specPath)
            {
                var result = CatalogCheck.Run(catalog, File.ReadAllBytes(Existing(specPath)));
                o.WriteLine($"spec: {specPath}, sha256 {result.SourceSha256}{(result.SourceMatches ? "" : " (the catalog was written against a different text: " + catalog.SourceSha256 + ")")}");
                o.WriteLine($"keywords in the text: {result.Occurrences.Count} ({string.Join(", ", result.KeywordCounts.OrderBy(k => k.Key).Select(k => $"{k.Value} {k.Key}"))})");
                foreach (var u in result.Unaccounted)
                    o.WriteLine($"unaccounted: {specPath}:{u.Line}:{u.Column} {u.Keyword} in {u.Locator} (anchor {u.Anchor}): \"{Excerpt(u.Sentence)}\"");
                foreach (var s in result.Stale) o.WriteLine("stale: " + s);
                foreach (var m in result.KeywordMismatches) o.WriteLine("mismatch: " + m);
                o.WriteLine($"{result.Unaccounted.Count} unaccounted, {result.Stale.Count} stale, {result.KeywordMismatches.Count} mismatched");
                if (!result.Passed) exit = 1;
            }

            if (parse.GetValue(list))
                foreach (var r in catalog.Requirements)
                    o.WriteLine($"{r.Id}\t{r.Keyword}\t{r.Actor}\t{r.Method}\t{r.Locator}\t{r.Summary}");

            if (parse.GetValue(uncovered))
            {
                var pickles = FeatureLoader.LoadDirectory(parse.GetValue(features) ?? SuitePaths.Features);
                var cited = pickles.SelectMany(p => p.RequirementIds).ToHashSet();
                var gaps = catalog.Requirements.Where(r => r.Method == CatalogVocabulary.Test && !cited.Contains(r.Id)).ToList();
                foreach (var r in gaps) o.WriteLine($"{r.Id}\t{r.Keyword}\t{r.Actor}\t{(r.Kerberos ? "kerberos" : "")}\t{r.Summary}");
                o.WriteLine($"{gaps.Count} requirement(s) with method 'test' have no scenario ({gaps.Count(r => r.Kerberos)} of them need Kerberos)");
            }
            return exit;
        });
        return command;
    }

    static string Existing(string path) => File.Exists(path) ? path
        : throw new InputError(path, 0, 0, "specification text not found", "give the path of the spec's text, e.g. ../shared/seeds/000_a9c37c09d88b6e83.txt");

    static string Excerpt(string s) => s.Length > 100 ? s[..100] + "…" : s;
}
