using static EUeConformance.Tests.Protocols.Dns.DnsWire;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>
/// Captured-looking DNS messages of the eUE provisioning flows, laid out by hand octet by octet
/// (offsets of compression targets are taken while building, so a pointer always names the octet
/// it should). Names and addresses follow the suite's lab: realm BASIC.1, zone example.net,
/// 2001:db8::/32 and 10.0.0.0/24.
/// </summary>
internal static class DnsSamples
{
    const int A = 1, Cname = 5, Soa = 6, Aaaa = 28, Srv = 33, Naptr = 35, Opt = 41, Dhcid = 49, AnyType = 255;
    const int In = 1, NoneClass = 254;

    /// <summary>Appends parts and tells the absolute offset of what comes next.</summary>
    sealed class Builder
    {
        readonly List<byte> _bytes = [];
        public int At => _bytes.Count;
        public Builder Add(params byte[][] parts) { foreach (var p in parts) _bytes.AddRange(p); return this; }
        public byte[] Bytes => [.. _bytes];
    }

    /// <summary>eUE-20: AAAA query for the configuration server's FQDN (RD set, as a stub resolver sends it).</summary>
    public static byte[] AaaaQuery => Cat(Header(0x1a2b, 0x0100, 1, 0, 0, 0), Name("tftp.example.net"), U16(Aaaa), U16(In));

    /// <summary>eUE-21: the AAAA answer; owner compressed to the question (offset 12).</summary>
    public static byte[] AaaaResponse => Cat(Header(0x1a2b, 0x8580, 1, 1, 0, 0), Name("tftp.example.net"), U16(Aaaa), U16(In),
        Ptr(12), Rr(Aaaa, In, 3600, Ip("2001:db8::15")));

    /// <summary>The same answer from a responder that never compresses (some embedded stacks): the owner written out in full.</summary>
    public static byte[] AaaaResponseUncompressed => Cat(Header(0x1a2b, 0x8180, 1, 1, 0, 0), Name("tftp.example.net"), U16(Aaaa), U16(In),
        Name("tftp.example.net"), Rr(Aaaa, In, 300, Ip("2001:db8::15")));

    /// <summary>IPv4 mode: A query and answer for the provisioning server.</summary>
    public static byte[] AQuery => Cat(Header(0x0a01, 0x0100, 1, 0, 0, 0), Name("prov.example.net"), U16(A), U16(In));
    public static byte[] AResponse => Cat(Header(0x0a01, 0x8580, 1, 1, 0, 0), Name("prov.example.net"), U16(A), U16(In),
        Ptr(12), Rr(A, In, 3600, Ip("10.0.0.10")));

    /// <summary>
    /// eUE-5: SRV query for the realm's KDC. The owner form _kerberos._udp.REALM (protocol-facts.md: UNVERIFIED) is the
    /// one RFC 4120 §7.2.3.2 defines; settled from MIT krb5's doc/rst_source/krb_admins/realm_config/kdc_hn.rst
    /// ("_kerberos._udp ... for contacting any KDC by UDP"; "the domain name used in the SRV record name is the
    /// domain-style Kerberos realm name").
    /// </summary>
    public static byte[] SrvQuery => Cat(Header(0x4b1d, 0x0100, 1, 0, 0, 0), Name("_kerberos._udp.BASIC.1"), U16(Srv), U16(In));

    /// <summary>eUE-6: SRV answer 0 0 88 kdc.basic.1 (target uncompressed, RFC 2782) with the KDC's AAAA in the additional section, its owner pointing at the target.</summary>
    public static byte[] SrvResponse
    {
        get
        {
            var b = new Builder().Add(Header(0x4b1d, 0x8580, 1, 1, 0, 1), Name("_kerberos._udp.BASIC.1"), U16(Srv), U16(In));
            b.Add(Ptr(12), U16(Srv), U16(In), U32(3600), U16(6 + 13), U16(0), U16(0), U16(88));
            int target = b.At;
            b.Add(Name("kdc.basic.1"));
            b.Add(Ptr(target), Rr(Aaaa, In, 3600, Ip("2001:db8::88")));
            return b.Bytes;
        }
    }

    /// <summary>A responder that compresses the SRV target anyway (seen from some servers): "kdc" then a pointer to "basic.1" in the question.</summary>
    public static byte[] SrvResponseCompressedTarget
    {
        get
        {
            var b = new Builder().Add(Header(0x4b1e, 0x8580, 1, 1, 0, 0), Labels("_kerberos._udp"));
            int realm = b.At;
            b.Add(Name("basic.1"), U16(Srv), U16(In));
            b.Add(Ptr(12), Rr(Srv, In, 600, Cat(U16(10), U16(60), U16(88), Labels("kdc"), Ptr(realm))));
            return b.Bytes;
        }
    }

    /// <summary>
    /// RFC 2782's example ("_foobar._tcp.example.com", the zone near the end of the RFC) as a response:
    /// four SRV answers with uncompressed targets and the four A records, owners pointing at the targets.
    /// </summary>
    public static byte[] Rfc2782ExampleResponse
    {
        get
        {
            var b = new Builder().Add(Header(0x2782, 0x8400, 1, 4, 0, 4), Name("_foobar._tcp.example.com"), U16(Srv), U16(In));
            var targets = new Dictionary<string, int>();
            foreach (var (prio, weight, port, target) in new[]
            {
                (0, 1, 9, "old-slow-box.example.com"), (0, 3, 9, "new-fast-box.example.com"),
                (1, 0, 9, "sysadmins-box.example.com"), (1, 0, 9, "server.example.com"),
            })
            {
                byte[] t = Name(target);
                b.Add(Ptr(12), U16(Srv), U16(In), U32(86400), U16(6 + t.Length), U16(prio), U16(weight), U16(port));
                targets[target] = b.At;
                b.Add(t);
            }
            foreach (var (host, address) in new[]
            {
                ("server.example.com", "172.30.79.10"), ("old-slow-box.example.com", "172.30.79.11"),
                ("sysadmins-box.example.com", "172.30.79.12"), ("new-fast-box.example.com", "172.30.79.13"),
            })
                b.Add(Ptr(targets[host]), Rr(A, In, 86400, Ip(address)));
            return b.Bytes;
        }
    }

    /// <summary>RFC 2915 §7.1, second step: the NAPTR records of gatech.edu, replacements uncompressed (RFC 2915 §2).</summary>
    public static byte[] Rfc2915GatechResponse
    {
        get
        {
            var b = new Builder().Add(Header(0x2915, 0x8400, 1, 3, 0, 0), Name("gatech.edu"), U16(Naptr), U16(In));
            foreach (var (service, replacement) in new[]
            {
                ("z3950+I2L+I2C", "_z3950._tcp.gatech.edu"), ("rcds+I2C", "_rcds._udp.gatech.edu"), ("http+I2L+I2C+I2R", "_http._tcp.gatech.edu"),
            })
                b.Add(Ptr(12), Rr(Naptr, In, 3600, Cat(U16(100), U16(50), Str("s"), Str(service), Str(""), Name(replacement))));
            return b.Bytes;
        }
    }

    /// <summary>RFC 2915 §7.3: the ENUM NAPTRs of +1-770-555-1212, regexps and an empty (root) replacement.</summary>
    public static byte[] Rfc2915EnumResponse => Cat(Header(0x0e16, 0x8400, 1, 2, 0, 0), Name("2.1.2.1.5.5.5.0.7.7.1.e164.arpa"), U16(Naptr), U16(In),
        Ptr(12), Rr(Naptr, In, 3600, Cat(U16(100), U16(10), Str("u"), Str("sip+E2U"), Str("!^.*$!sip:information@tele2.se!"), Name(""))),
        Ptr(12), Rr(Naptr, In, 3600, Cat(U16(102), U16(10), Str("u"), Str("mailto+E2U"), Str("!^.*$!mailto:information@tele2.se!"), Name(""))));

    /// <summary>A CNAME chain: prov.example.net → ps.cluster.example.net → A 10.0.0.10, each name compressed against the one before.</summary>
    public static byte[] CnameChainResponse
    {
        get
        {
            var b = new Builder().Add(Header(0x0c0c, 0x8180, 1, 2, 0, 0), Labels("prov"));
            int zone = b.At;
            b.Add(Name("example.net"), U16(A), U16(In));
            b.Add(Ptr(12), U16(Cname), U16(In), U32(300), U16(11 + 2));
            int canonical = b.At;
            b.Add(Labels("ps.cluster"), Ptr(zone));
            b.Add(Ptr(canonical), Rr(A, In, 300, Ip("10.0.0.10")));
            return b.Bytes;
        }
    }

    /// <summary>
    /// EUE-PROV 6.2.2: the DHCP server's dynamic update (RFC 2136) for a new eUE, in the manner of
    /// RFC 4703 §5.3.1: prerequisite "name not in use", then add the AAAA and a DHCID (type 49, kept as
    /// opaque octets by this codec).
    /// </summary>
    public static byte[] Update
    {
        get
        {
            var b = new Builder().Add(Header(0x5d01, 0x2800, 1, 1, 2, 0));
            int zone = b.At;
            b.Add(Name("example.net"), U16(Soa), U16(In));
            int owner = b.At;
            b.Add(Labels("eue-001095000002"), Ptr(zone), U16(AnyType), U16(NoneClass), U32(0), U16(0));
            b.Add(Ptr(owner), Rr(Aaaa, In, 3600, Ip("2001:db8::1:2")));
            b.Add(Ptr(owner), Rr(Dhcid, In, 3600, Cat(U16(2), [1], Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray())));
            return b.Bytes;
        }
    }

    /// <summary>A query with EDNS (RFC 6891): OPT with a 1232-octet payload size and a COOKIE option (code 10, 8 octets).</summary>
    public static byte[] EdnsQuery => Cat(Header(0x77e1, 0x0100, 1, 0, 0, 1), Name("tftp.example.net"), U16(Aaaa), U16(In),
        Name(""), U16(Opt), U16(1232), U32(0), U16(12), U16(10), U16(8), Hex("0123456789abcdef"));

    public static IReadOnlyList<(string Name, byte[] Bytes)> All =>
    [
        (nameof(AaaaQuery), AaaaQuery), (nameof(AaaaResponse), AaaaResponse), (nameof(AaaaResponseUncompressed), AaaaResponseUncompressed),
        (nameof(AQuery), AQuery), (nameof(AResponse), AResponse), (nameof(SrvQuery), SrvQuery), (nameof(SrvResponse), SrvResponse),
        (nameof(SrvResponseCompressedTarget), SrvResponseCompressedTarget), (nameof(Rfc2782ExampleResponse), Rfc2782ExampleResponse),
        (nameof(Rfc2915GatechResponse), Rfc2915GatechResponse), (nameof(Rfc2915EnumResponse), Rfc2915EnumResponse),
        (nameof(CnameChainResponse), CnameChainResponse), (nameof(Update), Update), (nameof(EdnsQuery), EdnsQuery),
    ];
}
