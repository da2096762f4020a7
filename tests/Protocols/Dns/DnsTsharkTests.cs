using System.Net;
using EUeConformance.Protocols.Dns;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>
/// tshark judges what the encoder produces: every message kind of the provisioning flows over UDP
/// port 53, IPv6 (eUE mode) and IPv4, with no malformed mark or warning, and the field values we put in.
/// Each exchange has its own ID: tshark warns of a retransmission when an ID and question repeat.
/// </summary>
public class DnsTsharkTests
{
    static readonly IPEndPoint Eue6 = new(IPAddress.Parse("2001:db8::1:2"), 49152);
    static readonly IPEndPoint Dns6 = new(IPAddress.Parse("2001:db8::53"), 53);
    static readonly IPEndPoint Eue4 = new(IPAddress.Parse("10.0.0.50"), 49153);
    static readonly IPEndPoint Dns4 = new(IPAddress.Parse("10.0.0.53"), 53);
    static readonly IPEndPoint Dhcp4 = new(IPAddress.Parse("10.0.0.67"), 49154);

    static DnsName N(string s) => DnsName.Parse(s);

    /// <summary>The exchanges, in frame order: (message, from, to).</summary>
    static List<(DnsMessage Message, IPEndPoint From, IPEndPoint To)> Exchanges()
    {
        var list = new List<(DnsMessage, IPEndPoint, IPEndPoint)>();
        void Exchange(DnsMessage query, DnsMessage response, IPEndPoint client, IPEndPoint server)
        {
            list.Add((query, client, server));
            list.Add((response, server, client));
        }

        // eUE-20/21 in IPv6 mode: AAAA for the configuration server.
        var aaaa = DnsMessage.Query(0x1001, N("tftp.example.net"), DnsType.Aaaa);
        Exchange(aaaa, DnsMessage.ResponseTo(aaaa, [DnsRecord.Aaaa(N("tftp.example.net"), 3600, IPAddress.Parse("2001:db8::15"))]), Eue6, Dns6);

        // IPv4 mode: A for the provisioning server.
        var a = DnsMessage.Query(0x1002, N("prov.example.net"), DnsType.A);
        Exchange(a, DnsMessage.ResponseTo(a, [DnsRecord.A(N("prov.example.net"), 3600, IPAddress.Parse("10.0.0.10"))]), Eue4, Dns4);

        // eUE-5/6: SRV for the realm's KDC, the KDC's AAAA as additional data; eUE-7/8: AAAA for the KDC.
        var srv = DnsMessage.Query(0x1003, N("_kerberos._udp.BASIC.1"), DnsType.Srv);
        Exchange(srv, DnsMessage.ResponseTo(srv, [DnsRecord.Srv(N("_kerberos._udp.BASIC.1"), 3600, 0, 0, 88, N("kdc.basic.1"))])
            with { Additionals = [DnsRecord.Aaaa(N("kdc.basic.1"), 3600, IPAddress.Parse("2001:db8::88"))] }, Eue6, Dns6);
        var kdc = DnsMessage.Query(0x1004, N("kdc.basic.1"), DnsType.Aaaa);
        Exchange(kdc, DnsMessage.ResponseTo(kdc, [DnsRecord.Aaaa(N("kdc.basic.1"), 3600, IPAddress.Parse("2001:db8::88"))]), Eue6, Dns6);

        // NAPTR: RFC 2915 §7.3 (regexp, root replacement) and §7.1 (replacement, empty regexp), IPv4 and IPv6.
        var enumQuery = DnsMessage.Query(0x1005, N("2.1.2.1.5.5.5.0.7.7.1.e164.arpa"), DnsType.Naptr);
        Exchange(enumQuery, DnsMessage.ResponseTo(enumQuery,
        [
            DnsRecord.Naptr(N("2.1.2.1.5.5.5.0.7.7.1.e164.arpa"), 3600, new NaptrData(100, 10, "u", "sip+E2U", "!^.*$!sip:information@tele2.se!", DnsName.Root)),
        ]), Eue4, Dns4);
        var gatech = DnsMessage.Query(0x1006, N("gatech.edu"), DnsType.Naptr);
        Exchange(gatech, DnsMessage.ResponseTo(gatech,
        [
            DnsRecord.Naptr(N("gatech.edu"), 3600, new NaptrData(100, 50, "s", "z3950+I2L+I2C", "", N("_z3950._tcp.gatech.edu"))),
            DnsRecord.Naptr(N("gatech.edu"), 3600, new NaptrData(100, 51, "s", "http+I2L+I2C+I2R", "", N("_http._tcp.gatech.edu"))),
        ]), Eue6, Dns6);

        // A CNAME chain ending in an A record.
        var chain = DnsMessage.Query(0x1007, N("prov.example.net"), DnsType.A);
        Exchange(chain, DnsMessage.ResponseTo(chain,
        [
            DnsRecord.Cname(N("prov.example.net"), 300, N("ps.cluster.example.net")),
            DnsRecord.Cname(N("ps.cluster.example.net"), 300, N("ps1.cluster.example.net")),
            DnsRecord.A(N("ps1.cluster.example.net"), 300, IPAddress.Parse("10.0.0.11")),
        ]), Eue4, Dns4);

        // A response too big for classic UDP: cut to whole records, TC set.
        var many = DnsMessage.Query(0x1008, N("tftp.example.net"), DnsType.Aaaa);
        var big = DnsTruncationTests.ManyAaaa(40) with { Id = 0x1008 };
        list.Add((many, Eue6, Dns6));
        list.Add((DnsMessage.Decode(big.Encode(DnsEncodeOptions.UdpReplyTo(many))), Dns6, Eue6));

        // EUE-PROV 6.2.2: the DHCP server's dynamic update and the DNS server's answer.
        var fqdn = N("eue-001095000002.example.net");
        var update = DnsMessage.Update(0x1009, N("example.net"), [DnsRecord.NameIsNotInUse(fqdn)],
            [DnsRecord.A(fqdn, 3600, IPAddress.Parse("10.0.0.50")), DnsRecord.DeleteRrset(N("old.example.net"), DnsType.A)]);
        Exchange(update, DnsMessage.ResponseTo(update, authoritative: false), Dhcp4, Dns4);

        // EDNS query (RFC 6891) and an answer carrying the server's OPT.
        var edns = DnsMessage.Query(0x100a, N("tftp.example.net"), DnsType.Aaaa, edns: new EdnsData(1232, 0, 0, false, 0, []));
        Exchange(edns, DnsMessage.ResponseTo(edns, [DnsRecord.Aaaa(N("tftp.example.net"), 3600, IPAddress.Parse("2001:db8::15"))])
            with { Additionals = [DnsRecord.Opt(1232)] }, Eue6, Dns6);
        return list;
    }

    static readonly string[] Fields =
    [
        "dns.id", "dns.flags.response", "dns.flags.opcode", "dns.flags.truncated", "dns.qry.name", "dns.qry.type",
        "dns.a", "dns.aaaa", "dns.cname", "dns.srv.service", "dns.srv.proto", "dns.srv.name", "dns.srv.priority",
        "dns.srv.weight", "dns.srv.port", "dns.srv.target", "dns.naptr.order", "dns.naptr.preference", "dns.naptr.flags",
        "dns.naptr.service", "dns.naptr.regex", "dns.naptr.replacement", "dns.count.answers", "dns.count.zones",
        "dns.count.prerequisites", "dns.count.updates", "dns.resp.name", "dns.resp.class", "dns.rr.udp_payload_size", "ip.version", "ipv6.dst", "udp.dstport",
    ];

    // One pcap and one tshark pass serve every test of the class.
    static readonly Lazy<(string Pcap, IReadOnlyList<Dictionary<string, string>> Rows)> Capture = new(() =>
    {
        string pcap = Tshark.PcapOfUdp([.. Exchanges().Select(e => (e.Message.Encode(), e.From, e.To))]);
        var rows = Tshark.Fields(pcap, Fields).Select(row => Fields.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
        return (pcap, rows);
    });

    static IReadOnlyList<Dictionary<string, string>> Decoded(out string pcap)
    {
        pcap = Capture.Value.Pcap;
        return Capture.Value.Rows;
    }

    [Fact]
    public void Every_message_kind_decodes_in_tshark_without_problems()
    {
        var rows = Decoded(out string pcap);
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        rows.Should().HaveCount(Exchanges().Count);
        rows.Select(r => r["dns.id"]).Should().Equal(Exchanges().Select(e => $"0x{e.Message.Id:x4}"));
        rows.Select(r => r["dns.flags.response"]).Should().Equal(Exchanges().Select(e => e.Message.IsResponse ? "1" : "0"));
        rows.Where(r => r["ip.version"] == "4").Should().NotBeEmpty();
        rows.Where(r => r["ipv6.dst"] != "").Should().NotBeEmpty();
        rows.Where((r, i) => i % 2 == 0).Should().OnlyContain(r => r["udp.dstport"] == "53", "queries go to port 53");
    }

    [Fact]
    public void Tshark_reads_the_A_and_AAAA_answers()
    {
        var rows = Decoded(out _);
        rows[0]["dns.qry.name"].Should().Be("tftp.example.net");
        rows[0]["dns.qry.type"].Should().Be("28");
        rows[1]["dns.aaaa"].Should().Be("2001:db8::15");
        rows[2]["ip.version"].Should().Be("4");
        rows[3]["dns.a"].Should().Be("10.0.0.10");
        rows[7]["dns.qry.name"].Should().Be("kdc.basic.1");
        rows[7]["dns.aaaa"].Should().Be("2001:db8::88");
    }

    [Fact]
    public void Tshark_reads_the_KDC_SRV_answer()
    {
        var r = Decoded(out _)[5];
        r["dns.qry.name"].Should().Be("_kerberos._udp.BASIC.1");
        r["dns.qry.type"].Should().Be("33");
        (r["dns.srv.service"], r["dns.srv.proto"], r["dns.srv.name"]).Should().Be(("_kerberos", "_udp", "BASIC.1"));
        (r["dns.srv.priority"], r["dns.srv.weight"], r["dns.srv.port"], r["dns.srv.target"]).Should().Be(("0", "0", "88", "kdc.basic.1"));
        r["dns.aaaa"].Should().Be("2001:db8::88", "the KDC's address rides in the additional section");
    }

    [Fact]
    public void Tshark_reads_the_NAPTR_regexp_and_replacement()
    {
        var rows = Decoded(out _);
        var e164 = rows[9];
        (e164["dns.naptr.order"], e164["dns.naptr.preference"], e164["dns.naptr.flags"], e164["dns.naptr.service"])
            .Should().Be(("100", "10", "u", "sip+E2U"));
        e164["dns.naptr.regex"].Should().Be("!^.*$!sip:information@tele2.se!");
        e164["dns.naptr.replacement"].Should().Be("<Root>");
        var gatech = rows[11];
        gatech["dns.naptr.preference"].Should().Be("50,51");
        gatech["dns.naptr.service"].Should().Be("z3950+I2L+I2C,http+I2L+I2C+I2R");
        gatech["dns.naptr.replacement"].Should().Be("_z3950._tcp.gatech.edu,_http._tcp.gatech.edu");
    }

    [Fact]
    public void Tshark_follows_the_CNAME_chain()
    {
        var r = Decoded(out _)[13];
        r["dns.cname"].Should().Be("ps.cluster.example.net,ps1.cluster.example.net");
        r["dns.resp.name"].Should().Be("prov.example.net,ps.cluster.example.net,ps1.cluster.example.net");
        r["dns.a"].Should().Be("10.0.0.11");
    }

    [Fact]
    public void Tshark_sees_the_truncated_response_with_TC_and_17_whole_answers()
    {
        var r = Decoded(out _)[15];
        r["dns.flags.truncated"].Should().Be("1");
        r["dns.count.answers"].Should().Be("17");
        r["dns.aaaa"].Split(',').Should().HaveCount(17).And.StartWith("2001:db8::1");
    }

    [Fact]
    public void Tshark_reads_the_dynamic_update_with_its_RFC_2136_counts()
    {
        var rows = Decoded(out _);
        var u = rows[16];
        u["dns.flags.opcode"].Should().Be("5");
        (u["dns.count.zones"], u["dns.count.prerequisites"], u["dns.count.updates"]).Should().Be(("1", "1", "2"));
        u["dns.qry.name"].Should().Be("example.net");
        u["dns.resp.name"].Should().Be("eue-001095000002.example.net,eue-001095000002.example.net,old.example.net");
        u["dns.resp.class"].Should().Be("0x00fe,0x0001,0x00ff", "NONE for 'name not in use', IN to add, ANY to delete an RRset");
        u["dns.a"].Should().Be("10.0.0.50");
        rows[17]["dns.flags.opcode"].Should().Be("5");
        rows[17]["dns.flags.response"].Should().Be("1");
    }

    [Fact]
    public void Tshark_reads_the_EDNS_payload_size()
    {
        var rows = Decoded(out _);
        rows[18]["dns.rr.udp_payload_size"].Should().Be("1232");
        rows[19]["dns.rr.udp_payload_size"].Should().Be("1232");
    }
}
