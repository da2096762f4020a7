using System.Globalization;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Headend.Servers.Dns;

/// <summary>A DNS message's fields for evidence, under Wireshark's names (packet-dns.c).</summary>
public static class DnsFields
{
    public static IReadOnlyDictionary<string, string> Of(DnsMessage m)
    {
        var f = new Dictionary<string, string>
        {
            ["dns.id"] = $"0x{m.Id:x4}",
            ["dns.flags.response"] = m.IsResponse ? "1" : "0",
            ["dns.flags.opcode"] = ((int)m.Opcode).ToString(CultureInfo.InvariantCulture),
            ["dns.flags.rcode"] = ((int)m.Rcode).ToString(CultureInfo.InvariantCulture),
            ["dns.flags.authoritative"] = m.Authoritative ? "1" : "0",
            ["dns.flags.truncated"] = m.Truncated ? "1" : "0",
            ["dns.count.answers"] = m.Answers.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (m.Questions.Count > 0)
        {
            f["dns.qry.name"] = string.Join(',', m.Questions.Select(q => q.Name.ToDisplayString()));
            f["dns.qry.type"] = string.Join(',', m.Questions.Select(q => ((ushort)q.Type).ToString(CultureInfo.InvariantCulture)));
        }
        Join(f, "dns.a", m.Answers.Where(r => r.Type == DnsType.A).Select(r => r.Address?.ToString()));
        Join(f, "dns.aaaa", m.Answers.Where(r => r.Type == DnsType.Aaaa).Select(r => r.Address?.ToString()));
        Join(f, "dns.srv.target", m.Answers.Select(r => r.SrvData?.Target.ToDisplayString()));
        Join(f, "dns.srv.port", m.Answers.Select(r => r.SrvData?.Port.ToString(CultureInfo.InvariantCulture)));
        Join(f, "dns.naptr.replacement", m.Answers.Select(r => r.NaptrData?.Replacement.ToDisplayString()));
        Join(f, "dns.naptr.service", m.Answers.Select(r => r.NaptrData?.Services));
        return f;
    }

    static void Join(Dictionary<string, string> f, string name, IEnumerable<string?> values)
    {
        var list = values.Where(v => v is not null).ToList();
        if (list.Count > 0) f[name] = string.Join(',', list);
    }
}
