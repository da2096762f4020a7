using System.Globalization;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Management;

namespace EUeConformance.Steps.ConfigFile;

/// <summary>One VarBind the scenario put into the eUE's configuration file, with the TLV that carried it.</summary>
public sealed record FileSetting(VarBind VarBind, byte Tlv, Protocols.Snmp.Mibs.MibObject? Object);

/// <summary>
/// What the Provisioning Server puts into the eUE's configuration file (6.4.2, Table 6): MIB settings in TLV 11 or TLV 64,
/// vendor-specific data in TLV 43, and (for the scenarios that need a broken file) defects of the file as served: a
/// missing or misplaced start or end marker, a TLV cut short, data after the end. The file keeps the lab's
/// standard content (pktcMtaDevEnabled.0 = true) and the eUE Start/End of File markers unless a defect removes them;
/// in the Hybrid flow the hash the Provisioning Server SETs (eUE-19) is the hash of the bytes as served, so a defect
/// reaches the eUE's file processing, not its hash check.
/// </summary>
[Binding]
public sealed class ConfigFileContentSteps(LabPlan plan, Lab lab, ScenarioContext scenario)
{
    public const string SettingsKey = "config.settings";

    /// <summary>The settings the scenario's file carries, in file order.</summary>
    public static IReadOnlyList<FileSetting> Settings(ScenarioContext scenario) => scenario[SettingsKey] as List<FileSetting> ?? [];

    void AddToBody(Action<ConfigFileBuilder> more)
    {
        var before = plan.ConfigFileBody;
        plan.ConfigFileBody = b => { before(b); more(b); };
    }

    /// <summary>A table "object | value | TLV": TLV 11 (the default; 1-byte length) or TLV 64 (2-byte length), per Table 6.</summary>
    [Given(@"^the eUE's configuration file carries these MIB settings:$")]
    public void GivenMibSettings(DataTable table)
    {
        var list = scenario[SettingsKey] as List<FileSetting> ?? [];
        scenario[SettingsKey] = list;
        var added = new List<FileSetting>();
        foreach (var row in table.Rows)
        {
            var (instance, obj) = MibText.Instance(row["object"]);
            var value = MibText.Value(row["value"], obj);
            byte tlv = row.TryGetValue("TLV", out var t) && t.Trim().Length > 0 ? byte.Parse(t.Trim(), CultureInfo.InvariantCulture) : ConfigTlvType.SnmpMibObject;
            var vb = new VarBind(instance, value);
            int length = vb.Encode().Length;
            if (tlv == ConfigTlvType.SnmpMibObject && length > ConfigTlv.MaxTlv11VarBind)
                throw new ArgumentException($"{row["object"]}: a {length}-byte VarBind does not fit TLV 11 (at most {ConfigTlv.MaxTlv11VarBind}): write TLV 64");
            if (tlv is not (ConfigTlvType.SnmpMibObject or ConfigTlvType.SnmpMibObjectLong))
                throw new ArgumentException($"{row["object"]}: Table 6 carries MIB settings in TLV 11 or TLV 64, not {tlv}");
            added.Add(new FileSetting(vb, tlv, obj));
        }
        list.AddRange(added);
        AddToBody(b =>
        {
            foreach (var s in added)
                b.Add(new ConfigTlv(s.Tlv, s.VarBind.Encode()));
        });
    }

    /// <summary>Table 6 TLV 43 with 43.8 = an OUI that is not the eUE's (its MAC's first three octets) and one vendor sub-TLV.</summary>
    [Given(@"^the eUE's configuration file carries vendor-specific data \(TLV 43\) of another vendor$")]
    public void GivenForeignVendorData()
    {
        var own = lab.EueMac.GetAddressBytes().AsSpan(0, 3).ToArray();
        byte[] other = own.AsSpan().SequenceEqual(new byte[] { 0x00, 0x00, 0x0C }) ? [0x00, 0x1B, 0x21] : [0x00, 0x00, 0x0C];
        scenario["config.vendor"] = Convert.ToHexString(other);
        AddToBody(b => b.VendorSpecific(other, new SubTlv(1, [0x01, 0x02, 0x03, 0x04]), new SubTlv(2, "opaque vendor setting"u8)));
    }

    /// <summary>The file as served, made defective on purpose (the eUE Start/End of File markers of Table 6, PKT-PROV1.5's TLV framing).</summary>
    [Given(@"^the configuration file served to the eUE (has no eUE Start of File marker|has its eUE Start of File marker after another TLV|has no eUE End of File marker|ends in the middle of a TLV|carries a TLV after its eUE End of File marker)$")]
    public void GivenDefect(string defect)
    {
        static byte[] Bytes(ConfigTlv tlv) => new EueConfigFile([tlv]).Encode();
        static byte[] Tlv11(VarBind vb) => Bytes(new ConfigTlv(ConfigTlvType.SnmpMibObject, vb.Encode()));
        var extra = new VarBind(Protocols.Snmp.Mibs.MibNames.EueDev.PktcEUEDevSipPort.InstanceId(0), SnmpValue.Gauge32(5070));
        byte[] start = Bytes(ConfigTlv.StartOfFile()), end = Bytes(ConfigTlv.EndOfFile());
        plan.ConfigFileBytes = defect switch
        {
            "has no eUE Start of File marker" => bytes => [.. bytes.AsSpan(start.Length)],
            // The start marker moves behind the first TLV of the body.
            "has its eUE Start of File marker after another TLV" => bytes =>
            {
                var parsed = ConfigFileParser.Parse(bytes).File.Tlvs;
                var first = Bytes(parsed[1]);
                return [.. first, .. start, .. bytes.AsSpan(start.Length + first.Length)];
            },
            "has no eUE End of File marker" => bytes => [.. bytes.AsSpan(0, bytes.Length - end.Length)],
            // A TLV 11 whose length says 40 octets, of which only 10 arrive; nothing follows (no end marker either).
            "ends in the middle of a TLV" => bytes => [.. bytes.AsSpan(0, bytes.Length - end.Length), ConfigTlvType.SnmpMibObject, 40, .. Tlv11(extra).AsSpan(2, 10)],
            _ => bytes => [.. bytes, .. Tlv11(extra)],
        };
        scenario.Log($"configuration file defect: {defect}");
    }
}
