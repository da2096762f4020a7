using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EUeConformance.Runner.Expressions;
using EUeConformance.Runner.Input;
using EUeConformance.Runner.Profile;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Runner.Catalog;

/// <summary>Loads and validates features/catalog/*.yaml; every mistake is reported with its line.</summary>
public static partial class CatalogLoader
{
    public static RequirementCatalog Load(string path)
    {
        var input = YamlInput.Load(path);
        var root = input.Root;
        input.RejectUnknownKeys(root, "the catalog", "document", "requirements", "exclusions");

        var doc = input.Mapping(root, "document", "the catalog", required: true);
        string docId = "", title = "";
        string? sourceSha = null;
        if (doc is not null)
        {
            input.RejectUnknownKeys(doc, "'document'", "id", "title", "source-sha256", "scope");
            docId = input.String(doc, "id", "'document'", required: true) ?? "";
            title = input.String(doc, "title", "'document'", required: true) ?? "";
            sourceSha = input.String(doc, "source-sha256", "'document'", required: false);
        }

        var requirements = new List<Requirement>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (input.Get(root, "requirements") is YamlSequenceNode reqs)
        {
            foreach (var node in reqs)
            {
                if (node is not YamlMappingNode m) { input.Error(node, "each requirement must be a mapping", "start it with '- id: EUE-PROV-...'"); continue; }
                var r = ReadRequirement(input, m);
                if (r is null) continue;
                if (seen.TryGetValue(r.Id, out var first))
                    input.Error(m, $"requirement id {r.Id} is used twice (first at line {first.Start.Line})", "give each obligation its own id (suffix a, b, c when one keyword carries several)");
                else seen[r.Id] = m;
                requirements.Add(r);
            }
        }
        else input.Error(root, "missing list 'requirements'", "add 'requirements:' with one '- id: ...' entry per obligation");

        var exclusions = new List<Exclusion>();
        if (input.Get(root, "exclusions") is YamlSequenceNode excl)
        {
            foreach (var node in excl)
            {
                if (node is not YamlMappingNode m) { input.Error(node, "each exclusion must be a mapping", "start it with '- anchor: ...'"); continue; }
                input.RejectUnknownKeys(m, "an exclusion", "anchor", "locator", "keyword", "reason");
                string anchor = input.String(m, "anchor", "an exclusion", true) ?? "";
                string keyword = input.String(m, "keyword", "an exclusion", true) ?? "";
                string reason = input.String(m, "reason", "an exclusion", true) ?? "";
                if (reason.Trim().Length < 10) input.Error(m, "an exclusion needs a reason an auditor can judge", "write why this keyword is not an obligation of its own");
                CheckAnchor(input, m, anchor);
                CheckKeyword(input, m, keyword);
                exclusions.Add(new Exclusion(anchor, input.String(m, "locator", "an exclusion", true) ?? "", keyword, reason, (int)m.Start.Line));
            }
        }

        input.ThrowIfErrors();
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return new RequirementCatalog(path, sha, docId, title, sourceSha, requirements, exclusions);
    }

    static readonly string[] RequirementKeys =
        ["id", "locator", "anchor", "keyword", "actor", "summary", "method", "applies-when", "delegates", "notes", "kerberos", "declaration"];

    static Requirement? ReadRequirement(YamlInput input, YamlMappingNode m)
    {
        string id = input.String(m, "id", "a requirement", true) ?? "";
        string where = id.Length > 0 ? $"requirement {id}" : "a requirement";
        input.RejectUnknownKeys(m, where, RequirementKeys);
        if (id.Length > 0 && !IdPattern().IsMatch(id))
            input.Error(m, $"'{id}' is not a requirement id", "use EUE-PROV-<section>-<nn> or EUE-PROV-T<table>-<step>-<nn>, e.g. EUE-PROV-6.3.2.2-03 or EUE-PROV-T5-eUE-3-02");
        string locator = input.String(m, "locator", where, true) ?? "";
        string anchor = input.String(m, "anchor", where, true) ?? "";
        string keyword = input.String(m, "keyword", where, true) ?? "";
        string actor = input.String(m, "actor", where, true) ?? "";
        string summary = input.String(m, "summary", where, true) ?? "";
        string method = input.String(m, "method", where, true) ?? "";
        string applies = input.String(m, "applies-when", where, false) ?? "";
        var delegates = input.StringList(m, "delegates", where);
        string? notes = input.String(m, "notes", where, false);
        bool kerberos = input.Bool(m, "kerberos", where, false) ?? false;
        string? declaration = input.String(m, "declaration", where, false);

        CheckAnchor(input, m, anchor);
        CheckKeyword(input, m, keyword);
        if (!CatalogVocabulary.Actors.Contains(actor))
            input.Error(input.Get(m, "actor") ?? m, $"{where}: unknown actor '{actor}'", Suggest(actor, CatalogVocabulary.Actors));
        if (!CatalogVocabulary.Methods.Contains(method))
            input.Error(input.Get(m, "method") ?? m, $"{where}: unknown method '{method}'", Suggest(method, CatalogVocabulary.Methods));
        if (summary.Trim().Length < 15)
            input.Error(input.Get(m, "summary") ?? m, $"{where}: the summary is too short to judge", "restate the obligation in your own words: who does what, with which message or value");
        if (method == CatalogVocabulary.Declaration && string.IsNullOrWhiteSpace(declaration))
            input.Error(m, $"{where}: method 'declaration' needs a 'declaration' key", "add 'declaration: <kebab-case-name>' that the DUT profile answers under 'declarations:'");
        if (method != CatalogVocabulary.Declaration && declaration is not null)
            input.Error(input.Get(m, "declaration"), $"{where}: 'declaration' is only for method 'declaration'", "remove it or change the method");

        BoolExpression expr = BoolExpression.True;
        try
        {
            expr = BoolExpression.Parse(applies);
            foreach (var name in expr.Names().Where(n => !IcsVocabulary.IsKnown(n)))
                input.Error(input.Get(m, "applies-when"), $"{where}: '{name}' is not an ICS item", Suggest(name, IcsVocabulary.Names));
        }
        catch (FormatException e) { input.Error(input.Get(m, "applies-when"), $"{where}: applies-when: {e.Message}", "write e.g. \"ipv6 and tftp-blksize\""); }

        return new Requirement(id, locator, anchor, keyword, actor, summary.Trim(), method, applies, expr, delegates, notes?.Trim(), kerberos, declaration, (int)m.Start.Line);
    }

    static void CheckAnchor(YamlInput input, YamlMappingNode m, string anchor)
    {
        if (anchor.Length > 0 && !AnchorPattern().IsMatch(anchor))
            input.Error(input.Get(m, "anchor") ?? m, $"'{anchor}' is not an anchor", "anchors look like 3549d497ce#1 (or …#1@2); get them from 'eue-conformance catalog --scan <spec.txt>'");
    }

    static void CheckKeyword(YamlInput input, YamlMappingNode m, string keyword)
    {
        if (!CatalogVocabulary.Keywords.Contains(keyword))
            input.Error(input.Get(m, "keyword") ?? m, $"unknown keyword '{keyword}'", $"one of {string.Join(", ", CatalogVocabulary.Keywords)}");
    }

    static string Suggest(string word, IEnumerable<string> allowed)
    {
        string? near = YamlInput.Nearest(word, allowed);
        return (near is null ? "" : $"did you mean '{near}'? ") + "allowed: " + string.Join(", ", allowed);
    }

    [GeneratedRegex(@"^EUE-PROV-(T\d+-[A-Za-z0-9.-]+|(\d+|[A-Z])(\.\d+)*)-\d{2}[a-z]?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9a-f]{10}#\d+(@\d+)?$")]
    private static partial Regex AnchorPattern();
}
