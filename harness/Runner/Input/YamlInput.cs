using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Runner.Input;

/// <summary>
/// Reads a YAML file into YamlDotNet's node model, which keeps line and column of every node, so
/// that every complaint about a user's file can point at the exact place.
/// </summary>
public sealed class YamlInput
{
    public string File { get; }
    public string Text { get; }
    public YamlMappingNode Root { get; }
    readonly List<InputError> _errors = [];
    public IReadOnlyList<InputError> Errors => _errors;

    YamlInput(string file, string text, YamlMappingNode root) { File = file; Text = text; Root = root; }

    public static YamlInput Load(string file) =>
        Parse(file, System.IO.File.Exists(file)
            ? System.IO.File.ReadAllText(file)
            : throw new InputError(file, 0, 0, "file not found", "check the path (relative paths are taken from the current directory)"));

    public static YamlInput Parse(string file, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new InputError(file, (int)e.Start.Line, (int)e.Start.Column, "not valid YAML: " + Inner(e).Message,
                "fix the YAML syntax at that place (indentation, a missing ':' or an unclosed quote)");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputError(file, 1, 1, "expected a YAML mapping at the top level", "start the file with 'key: value' lines");
        return new YamlInput(file, text, root);
    }

    static Exception Inner(Exception e) => e.InnerException is null ? e : Inner(e.InnerException);

    public void Error(YamlNode? at, string problem, string? fix = null) =>
        _errors.Add(new InputError(File, at is null ? 0 : (int)at.Start.Line, at is null ? 0 : (int)at.Start.Column, problem, fix));

    public void ThrowIfErrors()
    {
        if (_errors.Count == 1) throw _errors[0];
        if (_errors.Count > 1) throw new InputErrors(_errors);
    }

    /// <summary>Reports every key of <paramref name="map"/> not in <paramref name="allowed"/>, with the nearest allowed key as the fix.</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string where, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (allowed.Contains(name)) continue;
            string? near = Nearest(name, allowed);
            Error(key, $"unknown key '{name}' in {where}",
                near is null ? $"allowed keys: {string.Join(", ", allowed)}" : $"did you mean '{near}'? allowed keys: {string.Join(", ", allowed)}");
        }
    }

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public string? String(YamlMappingNode map, string key, string where, bool required)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Error(map, $"missing '{key}' in {where}", $"add '{key}: <value>' to {where}");
            return null;
        }
        if (node is YamlScalarNode s) return s.Value ?? "";
        Error(node, $"'{key}' in {where} must be a single value, not a {Kind(node)}", $"write '{key}: <value>' on one line");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key, string where, bool required)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Error(map, $"missing '{key}' in {where}", $"add '{key}: true' or '{key}: false'");
            return null;
        }
        if (node is YamlScalarNode s && s.Style == ScalarStyle.Plain)
        {
            switch (s.Value)
            {
                case "true" or "yes": return true;
                case "false" or "no": return false;
            }
        }
        Error(node, $"'{key}' in {where} must be true or false, not '{(node as YamlScalarNode)?.Value ?? Kind(node)}'",
            $"write '{key}: true' or '{key}: false' (unquoted)");
        return null;
    }

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key, string where)
    {
        var node = Get(map, key);
        switch (node)
        {
            case null: return [];
            case YamlSequenceNode seq:
                var list = new List<string>();
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode s) list.Add(s.Value ?? "");
                    else Error(item, $"items of '{key}' in {where} must be single values", "write each item as '- value' or [a, b]");
                }
                return list;
            default:
                Error(node, $"'{key}' in {where} must be a list", $"write '{key}: [a, b]'");
                return [];
        }
    }

    public YamlMappingNode? Mapping(YamlMappingNode map, string key, string where, bool required)
    {
        var node = Get(map, key);
        if (node is YamlMappingNode m) return m;
        if (node is null) { if (required) Error(map, $"missing section '{key}' in {where}", $"add a '{key}:' section"); return null; }
        Error(node, $"'{key}' in {where} must be a mapping of 'name: value' lines, not a {Kind(node)}", null);
        return null;
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    /// <summary>The allowed word closest to a mistyped one (edit distance ≤ 3), for "did you mean".</summary>
    public static string? Nearest(string word, IEnumerable<string> allowed) =>
        allowed.Select(a => (a, d: Distance(word, a))).Where(x => x.d <= 3).OrderBy(x => x.d).Select(x => x.a).FirstOrDefault();

    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
