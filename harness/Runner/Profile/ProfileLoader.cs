using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using EUeConformance.Runner.Input;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Runner.Profile;

/// <summary>Reads a DUT profile and refuses it, with file, line and fix, on any wrong key, type or missing value.</summary>
public static partial class ProfileLoader
{
    public static readonly string[] Adapters = ["simulated", "external", "process"];
    public static readonly string[] ResetKinds = ["simulated", "snmp", "command", "prompt"];
    public static readonly string[] EcmProvisioningModes = ["ipv4", "ipv6", "dual-ipv4", "dual-ipv6"];

    public static DutProfile Load(string path) => Parse(path, File.Exists(path)
        ? File.ReadAllText(path)
        : throw new InputError(path, 0, 0, "profile not found", "give the path of a DUT profile, or write one with 'eue-conformance profile init --out my-device.yaml'"));

    public static DutProfile Parse(string path, string text)
    {
        var input = YamlInput.Parse(path, text);
        var root = input.Root;
        input.RejectUnknownKeys(root, "the profile", "profile-version", "dut", "ics", "declarations", "ixit");

        string? version = input.String(root, "profile-version", "the profile", required: true);
        if (version is not null && version != "1")
            input.Error(input.Get(root, "profile-version"), $"profile-version '{version}' is not supported by this suite", "write 'profile-version: 1'");

        string name = "", adapter = "";
        if (input.Mapping(root, "dut", "the profile", true) is { } dut)
        {
            input.RejectUnknownKeys(dut, "'dut'", "name", "adapter");
            name = input.String(dut, "name", "'dut'", true) ?? "";
            adapter = input.String(dut, "adapter", "'dut'", true) ?? "";
            if (adapter.Length > 0 && !Adapters.Contains(adapter))
                input.Error(input.Get(dut, "adapter"), $"unknown adapter '{adapter}'", "one of: " + string.Join(", ", Adapters));
        }

        var ics = new Dictionary<string, bool>(StringComparer.Ordinal);
        var icsLines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (input.Mapping(root, "ics", "the profile", true) is { } icsMap)
        {
            var questions = IcsVocabulary.DeviceQuestions.Select(q => q.Name).ToArray();
            foreach (var key in icsMap.Children.Keys.OfType<YamlScalarNode>())
            {
                var item = IcsVocabulary.Find(key.Value ?? "");
                if (item is { Derived: not null })
                    input.Error(key, $"'{key.Value}' is derived and cannot be set", "remove it: dual-stack follows from ipv4 and ipv6");
                else if (item is { Headend: true })
                    input.Error(key, $"'{key.Value}' describes the headend, not the device", "remove it from the DUT profile");
            }
            input.RejectUnknownKeys(icsMap, "'ics'", [.. questions, .. IcsVocabulary.Items.Where(i => i.Derived is not null || i.Headend).Select(i => i.Name)]);
            foreach (var q in IcsVocabulary.DeviceQuestions)
            {
                var value = input.Bool(icsMap, q.Name, "'ics'", required: true);
                if (value is null) continue;
                ics[q.Name] = value.Value;
                icsLines[q.Name] = (int)input.Get(icsMap, q.Name)!.Start.Line;
            }
            if (ics.GetValueOrDefault("ipv4") == false && ics.GetValueOrDefault("ipv6") == false && ics.ContainsKey("ipv4") && ics.ContainsKey("ipv6"))
                input.Error(icsMap, "the eUE must support at least one addressing mode", "set 'ipv4: true', 'ipv6: true' or both");
            if (ics.GetValueOrDefault("ecm-ipv4") == false && ics.GetValueOrDefault("ecm-ipv6") == false && ics.ContainsKey("ecm-ipv4") && ics.ContainsKey("ecm-ipv6"))
                input.Error(icsMap, "the eCM must provision in at least one mode", "set 'ecm-ipv4: true', 'ecm-ipv6: true' or both");
        }

        var declarations = new Dictionary<string, DeclarationAnswer>(StringComparer.Ordinal);
        switch (input.Get(root, "declarations"))
        {
            case null: break;
            case YamlScalarNode { Value: null or "" or "~" }: break; // 'declarations:' with only comments under it
            case YamlMappingNode decl:
                foreach (var (k, v) in decl.Children)
                {
                    string key = (k as YamlScalarNode)?.Value ?? "";
                    if (!KebabKey().IsMatch(key)) input.Error(k, $"declaration key '{key}' is not kebab-case", "use the key the catalog names, e.g. monolithic-software-image");
                    if (v is not YamlMappingNode dm) { input.Error(v, $"declaration '{key}' must have 'answer' and 'statement'", "write it as a mapping: answer: yes, statement: \"...\""); continue; }
                    input.RejectUnknownKeys(dm, $"declaration '{key}'", "answer", "statement");
                    bool? answer = input.Bool(dm, "answer", $"declaration '{key}'", true);
                    string? statement = input.String(dm, "statement", $"declaration '{key}'", true);
                    if (statement is not null && statement.Trim().Length == 0)
                        input.Error(dm, $"declaration '{key}' has an empty statement", "say what the vendor states and where its evidence is (document, version)");
                    if (answer is not null && statement is not null)
                        declarations[key] = new DeclarationAnswer(key, answer.Value, statement.Trim(), (int)k.Start.Line);
                }
                break;
            case var other:
                input.Error(other, "'declarations' must be a mapping of declaration keys", "write 'declarations:' then '  <key>: {answer: yes, statement: \"...\"}'");
                break;
        }

        Ixit? ixit = null;
        if (input.Mapping(root, "ixit", "the profile", true) is { } ix)
            ixit = ReadIxit(input, ix);

        if (adapter == "process" && ixit is { Process: null } && input.Mapping(root, "dut", "the profile", false) is { } dutNode)
            input.Error(input.Get(dutNode, "adapter"), "adapter 'process' needs the program to start",
                "add under 'ixit:' a 'process:' with 'command:' and 'arguments:' (placeholders {ecm-netns} {ecm-interface} {eue-netns} {eue-interface} {ecm-mac} {eue-mac} {ecm-provisioning} {seed})");
        input.ThrowIfErrors();
        string sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new DutProfile(path, text, sha, name, adapter, ics, icsLines, declarations, ixit!);
    }

    static Ixit? ReadIxit(YamlInput input, YamlMappingNode ix)
    {
        input.RejectUnknownKeys(ix, "'ixit'", "ecm-mac", "eue-mac", "serial-number", "reset", "timeouts", "ecm-provisioning", "process", "headend-interface");
        string ecmMac = Mac(input, ix, "ecm-mac");
        string eueMac = Mac(input, ix, "eue-mac");
        string? serial = input.String(ix, "serial-number", "'ixit'", false);

        ResetMethod reset = new("prompt", null, null, null);
        if (input.Mapping(ix, "reset", "'ixit'", true) is { } r)
        {
            input.RejectUnknownKeys(r, "'ixit.reset'", "method", "command", "ecm-address", "community");
            string kind = input.String(r, "method", "'ixit.reset'", true) ?? "";
            if (kind.Length > 0 && !ResetKinds.Contains(kind))
                input.Error(input.Get(r, "method"), $"unknown reset method '{kind}'", "one of: " + string.Join(", ", ResetKinds));
            string? command = input.String(r, "command", "'ixit.reset'", kind == "command");
            string? address = input.String(r, "ecm-address", "'ixit.reset'", kind == "snmp");
            string? community = input.String(r, "community", "'ixit.reset'", false);
            reset = new ResetMethod(kind, command, address, community);
        }

        var timeouts = new Timeouts(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(3));
        if (input.Mapping(ix, "timeouts", "'ixit'", true) is { } t)
        {
            input.RejectUnknownKeys(t, "'ixit.timeouts'", "step", "scenario", "boot");
            timeouts = new Timeouts(
                Duration(input, t, "step") ?? timeouts.Step,
                Duration(input, t, "scenario") ?? timeouts.Scenario,
                Duration(input, t, "boot") ?? timeouts.Boot);
        }
        string? ecmMode = input.String(ix, "ecm-provisioning", "'ixit'", false);
        if (ecmMode is not null && !EcmProvisioningModes.Contains(ecmMode))
            input.Error(input.Get(ix, "ecm-provisioning"), $"unknown eCM provisioning mode '{ecmMode}'", "one of: " + string.Join(", ", EcmProvisioningModes));
        ProcessLaunch? process = null;
        if (input.Mapping(ix, "process", "'ixit'", false) is { } p)
        {
            input.RejectUnknownKeys(p, "'ixit.process'", "command", "arguments", "working-directory");
            string? command = input.String(p, "command", "'ixit.process'", true);
            process = new ProcessLaunch(command ?? "", input.StringList(p, "arguments", "'ixit.process'"), input.String(p, "working-directory", "'ixit.process'", false));
        }
        return new Ixit(ecmMac, eueMac, serial, reset, timeouts)
        {
            EcmProvisioning = ecmMode,
            Process = process,
            HeadendInterface = input.String(ix, "headend-interface", "'ixit'", false),
        };
    }

    static string Mac(YamlInput input, YamlMappingNode ix, string key)
    {
        string? v = input.String(ix, key, "'ixit'", true);
        if (v is null) return "";
        if (!MacPattern().IsMatch(v))
            input.Error(input.Get(ix, key), $"'{v}' is not a MAC address", $"write six hex pairs separated by colons, e.g. {key}: 00:10:95:00:00:01");
        return v.ToLowerInvariant();
    }

    /// <summary>Durations as a number and a unit: 500ms, 60s, 5m, 1h.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success) return null;
        double n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => null,
        };
    }

    static TimeSpan? Duration(YamlInput input, YamlMappingNode t, string key)
    {
        string? v = input.String(t, key, "'ixit.timeouts'", true);
        if (v is null) return null;
        var d = ParseDuration(v);
        if (d is null || d <= TimeSpan.Zero)
            input.Error(input.Get(t, key), $"'{v}' is not a duration", $"write a positive number and a unit (ms, s, m, h), e.g. {key}: 60s");
        return d;
    }

    [GeneratedRegex(@"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabKey();
}
