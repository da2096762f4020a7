using System.Net;
using EUeConformance.Protocols.Dns;
using FsCheck;
using FsCheck.Fluent;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>FsCheck generators of DNS messages: names drawn from a few shared labels (so compression has work to do) and odd octets, every typed RR kind, unknown types, RFC 2136 deletions, any header bits.</summary>
internal static class DnsGenerators
{
    static readonly string[] CommonLabels = ["example", "net", "basic", "1", "_kerberos", "_udp", "kdc", "tftp", "prov", "EXAMPLE", "a"];

    static Gen<byte[]> Label =>
        Gen.Frequency(
            (8, Gen.Elements(CommonLabels).Select(l => System.Text.Encoding.ASCII.GetBytes(l))),
            (1, Gen.Choose(1, 63).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))));

    public static Gen<DnsName> Name =>
        Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Label, n)).Select(labels =>
        {
            var wire = new List<byte>();
            foreach (var l in labels)
            {
                if (wire.Count + 1 + l.Length + 1 > DnsName.MaxLength) break;
                wire.Add((byte)l.Length);
                wire.AddRange(l);
            }
            wire.Add(0);
            return DnsName.FromWire([.. wire]);
        });

    static Gen<ushort> U16 => Gen.Choose(0, ushort.MaxValue).Select(v => (ushort)v);
    static Gen<uint> U32 => Gen.Choose(int.MinValue, int.MaxValue).Select(v => unchecked((uint)v));
    static Gen<byte[]> Bytes(int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));
    static Gen<string> Text(int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c), n)).Select(c => new string(c));

    static Gen<DnsRecord> Record =>
        from name in Name
        from ttl in U32
        from rr in Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 4).Select(a => DnsRecord.A(name, ttl, new IPAddress(a))),
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16).Select(a => DnsRecord.Aaaa(name, ttl, new IPAddress(a))),
            Name.Select(n => DnsRecord.Cname(name, ttl, n)),
            Name.Select(n => DnsRecord.Ns(name, ttl, n)),
            Name.Select(n => DnsRecord.Ptr(name, ttl, n)),
            Name.Zip(U16).Select(t => DnsRecord.Mx(name, ttl, t.Item2, t.Item1)),
            from m in Name from r in Name from s in U32 select DnsRecord.Soa(name, ttl, new SoaData(m, r, s, 3600, 600, 86400, ttl)),
            Gen.NonEmptyListOf(Text(40)).Select(l => DnsRecord.Txt(name, ttl, [.. l.Take(4)])),
            from p in U16 from w in U16 from port in U16 from t in Name select DnsRecord.Srv(name, ttl, p, w, port, t),
            from o in U16 from p in U16 from f in Text(2) from s in Text(20) from re in Text(40) from rep in Name
            select DnsRecord.Naptr(name, ttl, new NaptrData(o, p, f, s, re, rep)),
            from size in U16 from d in Gen.Elements(true, false) from code in U16 from data in Bytes(12)
            select DnsRecord.Opt(size, d, new EdnsOption(code, data)),
            from t in Gen.Elements(49, 99, 257, 65280) from data in Bytes(30)
            select new DnsRecord(name, (DnsType)t, DnsClass.In, ttl, data),
            from t in Gen.Elements(DnsType.A, DnsType.Aaaa, DnsType.Srv, DnsType.Any) from any in Gen.Elements(true, false)
            select any ? DnsRecord.DeleteRrset(name, t) : DnsRecord.RrsetDoesNotExist(name, t))
        select rr;

    static Gen<DnsQuestion> Question =>
        from name in Name
        from type in Gen.Elements(DnsType.A, DnsType.Aaaa, DnsType.Srv, DnsType.Naptr, DnsType.Soa, DnsType.Any, (DnsType)65)
        from cls in Gen.Elements(DnsClass.In, DnsClass.Any, DnsClass.Ch)
        select new DnsQuestion(name, type, cls);

    static Gen<DnsRecord[]> Section => Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Record, n));

    public static Gen<DnsMessage> Message =>
        from id in U16
        from flags in U16
        from questions in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Question, n))
        from an in Section
        from ns in Section
        from ar in Section
        select new DnsMessage
        {
            Id = id,
            IsResponse = (flags & 0x8000) != 0,
            Opcode = (DnsOpcode)(flags >> 11 & 0xF),
            Authoritative = (flags & 0x0400) != 0,
            Truncated = (flags & 0x0200) != 0,
            RecursionDesired = (flags & 0x0100) != 0,
            RecursionAvailable = (flags & 0x0080) != 0,
            Z = (flags & 0x0040) != 0,
            AuthenticData = (flags & 0x0020) != 0,
            CheckingDisabled = (flags & 0x0010) != 0,
            Rcode = (DnsRcode)(flags & 0xF),
            Questions = questions,
            Answers = an,
            Authorities = ns,
            Additionals = ar,
        };

    public static Arbitrary<DnsMessage> Messages => Arb.From(Message);
}
