using EUeConformance.Protocols.Dns;
using YamlDotNet.RepresentationModel;

namespace EUeConformance.Headend.Database;

/// <summary>
/// The <c>zones</c> section: each zone has an <c>origin</c> and <c>records</c>, each a mapping with
/// <c>name</c> (relative to the origin unless it ends with '.', "@" for the origin), <c>type</c>, <c>ttl</c>
/// and the type's fields: A/AAAA <c>address</c>; CNAME/NS/PTR <c>target</c>; SRV <c>priority weight port
/// target</c>; NAPTR <c>order preference flags services regexp replacement</c>; TXT <c>text</c>.
/// </summary>
static class DnsZoneYaml
{
    public static IEnumerable<DnsZoneData> Zones(YamlNodes y, YamlMappingNode root)
    {
        foreach (var item in y.Seq(root, "zones", "the database"))
        {
            if (item is not YamlMappingNode m) { y.Error(item, "each zone is a mapping with 'origin' and 'records'"); continue; }
            y.Keys(m, "a zone", "origin", "records");
            var originText = y.Text(m, "origin", "a zone", required: true);
            if (originText is null) continue;
            var origin = DnsName.Parse(originText);
            var records = new List<DnsRecord>();
            foreach (var r in y.Seq(m, "records", $"zone {originText}"))
                if (Record(y, r, origin) is { } record) records.Add(record);
            yield return new DnsZoneData(origin, records);
        }
    }

    static DnsRecord? Record(YamlNodes y, YamlNode node, DnsName origin)
    {
        if (node is not YamlMappingNode m) { y.Error(node, "each record is a mapping with name, type and its fields"); return null; }
        const string w = "a record";
        var nameText = y.Text(m, "name", w, required: true);
        var type = y.Text(m, "type", w, required: true)?.ToUpperInvariant();
        uint ttl = y.UInt(m, "ttl", w) ?? 3600;
        if (nameText is null || type is null) return null;
        var name = Absolute(nameText, origin);
        DnsName Target(string key) => Absolute(y.Text(m, key, w, required: true) ?? ".", origin);
        ushort U16(string key) => (ushort)Math.Min(y.UInt(m, key, w, required: true) ?? 0, ushort.MaxValue);
        try
        {
            switch (type)
            {
                case "A" or "AAAA":
                    y.Keys(m, $"{type} record", "name", "type", "ttl", "address");
                    var address = y.Address(m, "address", w, required: true);
                    if (address is null) return null;
                    return type == "A" ? DnsRecord.A(name, ttl, address) : DnsRecord.Aaaa(name, ttl, address);
                case "CNAME" or "NS" or "PTR":
                    y.Keys(m, $"{type} record", "name", "type", "ttl", "target");
                    var t = Target("target");
                    return type switch { "CNAME" => DnsRecord.Cname(name, ttl, t), "NS" => DnsRecord.Ns(name, ttl, t), _ => DnsRecord.Ptr(name, ttl, t) };
                case "SRV":
                    y.Keys(m, "SRV record", "name", "type", "ttl", "priority", "weight", "port", "target");
                    return DnsRecord.Srv(name, ttl, U16("priority"), U16("weight"), U16("port"), Target("target"));
                case "NAPTR":
                    y.Keys(m, "NAPTR record", "name", "type", "ttl", "order", "preference", "flags", "services", "regexp", "replacement");
                    return DnsRecord.Naptr(name, ttl, new NaptrData(U16("order"), U16("preference"), y.Text(m, "flags", w) ?? "", y.Text(m, "services", w) ?? "",
                        y.Text(m, "regexp", w) ?? "", Target("replacement")));
                case "TXT":
                    y.Keys(m, "TXT record", "name", "type", "ttl", "text");
                    return DnsRecord.Txt(name, ttl, y.Text(m, "text", w, required: true) ?? "");
                default:
                    y.Error(y.Get(m, "type"), $"record type '{type}' is not one the headend loads", "use A, AAAA, CNAME, NS, PTR, SRV, NAPTR or TXT");
                    return null;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            y.Error(node, e.Message, "correct this record");
            return null;
        }
    }

    /// <summary>Master-file convention (RFC 1035 §5.1): a name without a final dot is relative to the origin; "@" is the origin.</summary>
    static DnsName Absolute(string text, DnsName origin)
    {
        if (text == "@") return origin;
        if (text.EndsWith('.')) return DnsName.Parse(text);
        return DnsName.Parse(origin.IsRoot ? text : $"{text}.{origin}");
    }
}
