using System.Globalization;
using System.Net;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Headend.Database;

/// <summary>
/// The <c>files</c> section: each file has a <c>name</c> and either its bytes (<c>hex:</c>) or its TLVs,
/// built with <see cref="ConfigFileBuilder"/> between the Start and End of File TLVs (EUE-PROV Table 6):
/// <c>- mib: {oid: 1.3.6.1.2.1.140.1.1.6.0, truth: true}</c> (one of integer, unsigned, string, hex, truth,
/// ip, oid), <c>- notification-receiver: {address: 2001:db8::5, type: 3, port: 162}</c> (TLV 38, 38.8 for
/// IPv6 per 6.5), <c>- raw: {type: 43, hex: …}</c>. <c>basic-hash: true</c> inserts the Basic flow's hash
/// TLV (PKT-PROV1.5 §9.1).
/// </summary>
static class ConfigFileYaml
{
    public static IEnumerable<ConfigFileEntry> Files(YamlNodes y, YamlMappingNode root)
    {
        foreach (var item in y.Seq(root, "files", "the database"))
        {
            if (item is not YamlMappingNode m) { y.Error(item, "each file is a mapping with 'name' and 'hex' or 'tlvs'"); continue; }
            const string w = "a file";
            y.Keys(m, w, "name", "hex", "tlvs", "basic-hash");
            var name = y.Text(m, "name", w, required: true);
            var hex = y.Parsed(m, "hex", w, t => Convert.FromHexString(t.Replace(" ", "")), "the file's bytes in hex");
            bool hash = y.Bool(m, "basic-hash", w) ?? false;
            if (name is null) continue;
            if (hex is not null) { yield return ConfigFileEntry.FromBytes(name, hex); continue; }
            if (y.Get(m, "tlvs") is null) { y.Error(m, $"file '{name}' has neither 'hex' nor 'tlvs'", "give its bytes with 'hex:' or its content with 'tlvs:'"); continue; }
            var builder = new ConfigFileBuilder().StartOfFile();
            foreach (var tlv in y.Seq(m, "tlvs", $"file '{name}'")) Tlv(y, tlv, builder);
            EueConfigFile? model = null;
            try { model = builder.EndOfFile().Build(); }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException) { y.Error(m, $"file '{name}': {e.Message}", "fix the TLVs listed"); }
            if (model is not null) yield return ConfigFileEntry.FromModel(name, model, hash);
        }
    }

    static void Tlv(YamlNodes y, YamlNode node, ConfigFileBuilder builder)
    {
        if (node is not YamlMappingNode m || m.Children.Count != 1 || m.Children.Values.First() is not YamlMappingNode body)
        {
            y.Error(node, "each TLV is one of 'mib: {…}', 'notification-receiver: {…}' or 'raw: {…}'");
            return;
        }
        string kind = (m.Children.Keys.First() as YamlScalarNode)?.Value ?? "";
        try
        {
            switch (kind)
            {
                case "mib":
                    y.Keys(body, "a mib TLV", "oid", "integer", "unsigned", "string", "hex", "truth", "ip", "oid-value");
                    var oid = y.Text(body, "oid", "a mib TLV", required: true);
                    var value = Value(y, body);
                    if (oid is not null && value is not null) builder.SetMib(oid, value);
                    break;
                case "notification-receiver":
                    y.Keys(body, "a notification-receiver TLV", "address", "type", "port", "timeout", "retries", "security-name");
                    var address = y.Address(body, "address", "a notification-receiver TLV", required: true);
                    var type = y.Value(body, "type", "a notification-receiver TLV", t => ushort.TryParse(t, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 5 ? (NotificationReceiverType)v : (NotificationReceiverType?)null, "1..5 (38.3)", required: true);
                    if (address is not null && type is not null)
                        builder.NotificationReceiver(address, type.Value, (ushort?)y.UInt(body, "port", "a notification-receiver TLV"),
                            (ushort?)y.UInt(body, "timeout", "a notification-receiver TLV"), (ushort?)y.UInt(body, "retries", "a notification-receiver TLV"),
                            securityName: y.Text(body, "security-name", "a notification-receiver TLV"));
                    break;
                case "raw":
                    y.Keys(body, "a raw TLV", "type", "hex");
                    var t = y.Value(body, "type", "a raw TLV", s => byte.TryParse(s, CultureInfo.InvariantCulture, out var b) ? b : (byte?)null, "a TLV type 0..255", required: true);
                    var bytes = y.Parsed(body, "hex", "a raw TLV", s => Convert.FromHexString(s.Replace(" ", "")), "the value in hex", required: true);
                    if (t is not null && bytes is not null) builder.Raw(t.Value, bytes);
                    break;
                default:
                    y.Error(node, $"unknown TLV kind '{kind}'", "use mib, notification-receiver or raw");
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            y.Error(node, e.Message, "correct this TLV's values");
        }
    }

    static SnmpValue? Value(YamlNodes y, YamlMappingNode body)
    {
        const string w = "a mib TLV";
        string[] kinds = ["integer", "unsigned", "string", "hex", "truth", "ip", "oid-value"];
        var given = kinds.Where(k => y.Get(body, k) is not null).ToList();
        if (given.Count != 1) { y.Error(body, "a mib TLV needs exactly one value: " + string.Join(", ", kinds), "add e.g. 'integer: 1'"); return null; }
        string text = y.Text(body, given[0], w) ?? "";
        return given[0] switch
        {
            "integer" => SnmpValue.Integer(long.Parse(text, CultureInfo.InvariantCulture)),
            "unsigned" => SnmpValue.Unsigned32(uint.Parse(text, CultureInfo.InvariantCulture)),
            "string" => SnmpValue.OctetString(text),
            "hex" => SnmpValue.OctetString(Convert.FromHexString(text)),
            "truth" => SnmpValue.TruthValue(text is "true" or "yes"),
            "ip" => SnmpValue.IpAddress(IPAddress.Parse(text)),
            _ => SnmpValue.ObjectIdentifier(text),
        };
    }
}
