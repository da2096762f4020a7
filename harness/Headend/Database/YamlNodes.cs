using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Headend.Database;

/// <summary>
/// Typed reading of YAML nodes with the place of every mistake: each reader returns null (and records a
/// <see cref="DatabaseInputError"/>) instead of throwing, so one pass reports everything wrong in a file.
/// </summary>
sealed class YamlNodes(string file)
{
    readonly List<DatabaseInputError> _errors = [];
    public string File => file;
    public IReadOnlyList<DatabaseInputError> Errors => _errors;

    public static YamlMappingNode Parse(string file, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new DatabaseInputError(file, (int)e.Start.Line, (int)e.Start.Column, "not valid YAML: " + (e.InnerException ?? e).Message,
                "fix the YAML syntax there (indentation, a missing ':' or an unclosed quote)");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new DatabaseInputError(file, 1, 1, "expected a mapping at the top level", "start with 'network:', 'servers:', 'devices:', 'files:' or 'zones:'");
        return root;
    }

    public void Error(YamlNode? at, string problem, string? fix = null) =>
        _errors.Add(new DatabaseInputError(file, at is null ? 0 : (int)at.Start.Line, at is null ? 0 : (int)at.Start.Column, problem, fix));

    public void Keys(YamlMappingNode map, string where, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (allowed.Contains(name)) continue;
            var near = allowed.MinBy(a => Distance(a, name));
            Error(key, $"unknown key '{name}' in {where}",
                near is not null && Distance(near, name) <= 3 ? $"did you mean '{near}'? allowed: {string.Join(", ", allowed)}" : $"allowed: {string.Join(", ", allowed)}");
        }
    }

    public YamlNode? Get(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public YamlMappingNode? Map(YamlMappingNode map, string key, string where)
    {
        var node = Get(map, key);
        if (node is null or YamlMappingNode) return node as YamlMappingNode;
        Error(node, $"'{key}' in {where} must be a mapping of 'name: value' lines", $"indent the lines of '{key}:' under it");
        return null;
    }

    public IEnumerable<YamlNode> Seq(YamlMappingNode map, string key, string where)
    {
        var node = Get(map, key);
        if (node is null) return [];
        if (node is YamlSequenceNode s) return s.Children;
        Error(node, $"'{key}' in {where} must be a list", $"write '{key}: [a, b]' or one '- item' per line");
        return [];
    }

    public string? Text(YamlMappingNode map, string key, string where, bool required = false)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Error(map, $"missing '{key}' in {where}", $"add '{key}: <value>'");
            return null;
        }
        if (node is YamlScalarNode s) return s.Value ?? "";
        Error(node, $"'{key}' in {where} must be a single value", $"write '{key}: <value>' on one line");
        return null;
    }

    public T? Parsed<T>(YamlMappingNode map, string key, string where, Func<string, T?> parse, string expected, bool required = false) where T : class
    {
        var text = Text(map, key, where, required);
        if (text is null) return null;
        var value = Try(parse, text);
        if (value is null) Error(Get(map, key), $"'{key}' in {where}: '{text}' is not {expected}", $"write {expected}");
        return value;
    }

    public TV? Value<TV>(YamlMappingNode map, string key, string where, Func<string, TV?> parse, string expected, bool required = false) where TV : struct
    {
        var text = Text(map, key, where, required);
        if (text is null) return null;
        TV? value = null;
        try { value = parse(text); } catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { }
        if (value is null) Error(Get(map, key), $"'{key}' in {where}: '{text}' is not {expected}", $"write {expected}");
        return value;
    }

    public uint? UInt(YamlMappingNode map, string key, string where, bool required = false) =>
        Value(map, key, where, t => uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (uint?)null, "a whole number ≥ 0", required);

    public int? Int(YamlMappingNode map, string key, string where) =>
        Value(map, key, where, t => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a whole number");

    public bool? Bool(YamlMappingNode map, string key, string where) =>
        Value(map, key, where, t => t switch { "true" or "yes" => true, "false" or "no" => false, _ => (bool?)null }, "true or false");

    public IPAddress? Address(YamlMappingNode map, string key, string where, bool required = false) =>
        Parsed(map, key, where, t => IPAddress.TryParse(t, out var a) ? a : null, "an IPv4 or IPv6 address (192.0.2.1, 2001:db8::1)", required);

    public PhysicalAddress? Mac(YamlMappingNode map, string key, string where, bool required = false) =>
        Parsed(map, key, where, ParseMac, "a MAC address like 00:10:95:00:00:01", required);

    public IReadOnlyList<IPAddress> Addresses(YamlMappingNode map, string key, string where) => [.. Items(map, key, where, t => IPAddress.TryParse(t, out var a) ? a : null, "an IP address")];

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key, string where) => [.. Items(map, key, where, t => t, "a value")];

    public IEnumerable<T> Items<T>(YamlMappingNode map, string key, string where, Func<string, T?> parse, string expected) where T : class
    {
        var node = Get(map, key);
        IEnumerable<YamlNode> items = node switch
        {
            null => [],
            YamlSequenceNode s => s.Children,
            YamlScalarNode => [node],
            _ => Fail(node, $"'{key}' in {where} must be a list of values"),
        };
        foreach (var item in items)
        {
            if (item is not YamlScalarNode s) { Error(item, $"items of '{key}' in {where} must be single values"); continue; }
            var value = Try(parse, s.Value ?? "");
            if (value is null) Error(item, $"'{s.Value}' in '{key}' of {where} is not {expected}", $"write {expected}");
            else yield return value;
        }
    }

    IEnumerable<YamlNode> Fail(YamlNode node, string problem)
    {
        Error(node, problem, "write [a, b] or one '- item' per line");
        return [];
    }

    static T? Try<T>(Func<string, T?> parse, string text) where T : class
    {
        try { return parse(text); }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { return null; }
    }

    public static PhysicalAddress? ParseMac(string text)
    {
        var hex = text.Replace(":", "").Replace("-", "").Replace(".", "");
        return hex.Length == 12 && hex.All(Uri.IsHexDigit) ? new PhysicalAddress(Convert.FromHexString(hex)) : null;
    }

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
