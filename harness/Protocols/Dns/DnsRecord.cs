using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// A resource record (RFC 1035 §4.1.3): owner NAME, TYPE, CLASS, TTL and RDATA. RDATA is kept as
/// octets in canonical form (names expanded, see <see cref="RdataCodec"/>), so a type the codec does
/// not know survives byte for byte; the typed views (<see cref="Address"/>, <see cref="SrvData"/>,
/// <see cref="NaptrData"/>…) read it through the type table and are null when they do not apply.
/// </summary>
public sealed partial record DnsRecord
{
    readonly byte[] _data;

    /// <summary>A record with canonical RDATA octets as given (no compression pointers in them).</summary>
    public DnsRecord(DnsName name, DnsType type, DnsClass @class, uint ttl, ReadOnlySpan<byte> data)
    {
        if (data.Length > ushort.MaxValue) throw new ArgumentException("RDATA has at most 65535 octets", nameof(data));
        Name = name;
        Type = type;
        Class = @class;
        Ttl = ttl;
        _data = data.ToArray();
    }

    public DnsName Name { get; init; }
    public DnsType Type { get; init; }
    /// <summary>CLASS; for OPT the requestor's UDP payload size (RFC 6891 §6.1.2).</summary>
    public DnsClass Class { get; init; }
    /// <summary>TTL in seconds; for OPT the extended RCODE and flags (RFC 6891 §6.1.3).</summary>
    public uint Ttl { get; init; }
    /// <summary>Canonical RDATA: the wire octets with names uncompressed.</summary>
    public ReadOnlyMemory<byte> Data { get => _data; init => _data = value.ToArray(); }

    /// <summary>How the owner name and RDATA names were laid out when decoded (byte-exact re-encoding; not part of equality).</summary>
    internal NameLayout[]? Layouts { get; init; }

    public bool Equals(DnsRecord? other) =>
        other is not null && Name.Equals(other.Name) && Type == other.Type && Class == other.Class && Ttl == other.Ttl
        && _data.AsSpan().SequenceEqual(other._data);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Class, Ttl, _data.Length);

    /// <summary>Master-file style: "kdc.basic.1. 3600 IN AAAA 2001:db8::5".</summary>
    public override string ToString() => Type == DnsType.Opt
        ? $"{Name} OPT udp={(ushort)Class} ttl=0x{Ttl:X8} {RdataCodec.Present(Type, _data)}".TrimEnd()
        : $"{Name} {Ttl} {ClassText(Class)} {DnsTypeDefinitions.Mnemonic(Type)} {DataText}".TrimEnd();

    /// <summary>RDATA in presentation format.</summary>
    public string DataText => RdataCodec.Present(Type, _data);

    internal static string ClassText(DnsClass c) => c switch
    {
        DnsClass.In => "IN", DnsClass.Ch => "CH", DnsClass.Hs => "HS", DnsClass.None => "NONE", DnsClass.Any => "ANY",
        _ => "CLASS" + ((ushort)c).ToString(CultureInfo.InvariantCulture),
    };

    // ---- construction, one factory per RR type the suite sends ----

    public static DnsRecord A(DnsName name, uint ttl, IPAddress address) =>
        new(name, DnsType.A, DnsClass.In, ttl, AddressBytes(address, AddressFamily.InterNetwork));

    public static DnsRecord Aaaa(DnsName name, uint ttl, IPAddress address) =>
        new(name, DnsType.Aaaa, DnsClass.In, ttl, AddressBytes(address, AddressFamily.InterNetworkV6));

    public static DnsRecord Cname(DnsName name, uint ttl, DnsName canonicalName) => new(name, DnsType.Cname, DnsClass.In, ttl, canonicalName.Wire);
    public static DnsRecord Ns(DnsName name, uint ttl, DnsName nameServer) => new(name, DnsType.Ns, DnsClass.In, ttl, nameServer.Wire);
    public static DnsRecord Ptr(DnsName name, uint ttl, DnsName domainName) => new(name, DnsType.Ptr, DnsClass.In, ttl, domainName.Wire);

    public static DnsRecord Mx(DnsName name, uint ttl, ushort preference, DnsName exchange)
    {
        var b = new WireBuffer();
        b.WriteUInt16(preference);
        b.WriteBytes(exchange.Wire);
        return new(name, DnsType.Mx, DnsClass.In, ttl, b.WrittenSpan);
    }

    public static DnsRecord Soa(DnsName name, uint ttl, Dns.SoaData soa)
    {
        var b = new WireBuffer();
        b.WriteBytes(soa.PrimaryServer.Wire);
        b.WriteBytes(soa.ResponsibleMailbox.Wire);
        b.WriteUInt32(soa.Serial); b.WriteUInt32(soa.Refresh); b.WriteUInt32(soa.Retry); b.WriteUInt32(soa.Expire); b.WriteUInt32(soa.Minimum);
        return new(name, DnsType.Soa, DnsClass.In, ttl, b.WrittenSpan);
    }

    /// <summary>TXT with one character-string per argument (UTF-8; each at most 255 octets).</summary>
    public static DnsRecord Txt(DnsName name, uint ttl, params string[] strings)
    {
        if (strings.Length == 0) throw new ArgumentException("TXT needs at least one string (RFC 1035 §3.3.14)", nameof(strings));
        var b = new WireBuffer();
        foreach (var s in strings) WriteCharacterString(b, s, "TXT string");
        return new(name, DnsType.Txt, DnsClass.In, ttl, b.WrittenSpan);
    }

    public static DnsRecord Srv(DnsName name, uint ttl, ushort priority, ushort weight, ushort port, DnsName target) =>
        Srv(name, ttl, new Dns.SrvData(priority, weight, port, target));

    public static DnsRecord Srv(DnsName name, uint ttl, Dns.SrvData srv)
    {
        var b = new WireBuffer();
        b.WriteUInt16(srv.Priority); b.WriteUInt16(srv.Weight); b.WriteUInt16(srv.Port);
        b.WriteBytes(srv.Target.Wire);
        return new(name, DnsType.Srv, DnsClass.In, ttl, b.WrittenSpan);
    }

    public static DnsRecord Naptr(DnsName name, uint ttl, Dns.NaptrData naptr)
    {
        var b = new WireBuffer();
        b.WriteUInt16(naptr.Order); b.WriteUInt16(naptr.Preference);
        WriteCharacterString(b, naptr.Flags, "NAPTR Flags");
        WriteCharacterString(b, naptr.Services, "NAPTR Services");
        WriteCharacterString(b, naptr.Regexp, "NAPTR Regexp");
        b.WriteBytes(naptr.Replacement.Wire);
        return new(name, DnsType.Naptr, DnsClass.In, ttl, b.WrittenSpan);
    }

    /// <summary>The OPT pseudo-RR (RFC 6891 §6.1.2): owner is the root, CLASS the UDP payload size, TTL the extended RCODE and flags.</summary>
    public static DnsRecord Opt(EdnsData edns) =>
        new(DnsName.Root, DnsType.Opt, (DnsClass)edns.UdpPayloadSize, edns.Ttl, EdnsData.JoinOptions(edns.Options));

    public static DnsRecord Opt(ushort udpPayloadSize = 1232, bool dnssecOk = false, params EdnsOption[] options) =>
        Opt(new EdnsData(udpPayloadSize, 0, 0, dnssecOk, 0, options));

    // ---- RFC 2136 §2.4 prerequisites and §2.5 updates that carry no RDATA ----

    /// <summary>RFC 2136 §2.4.1 "RRset exists (value independent)": CLASS ANY, TTL 0, no RDATA.</summary>
    public static DnsRecord RrsetExists(DnsName name, DnsType type) => new(name, type, DnsClass.Any, 0, []);
    /// <summary>RFC 2136 §2.4.3 "RRset does not exist": CLASS NONE, TTL 0, no RDATA.</summary>
    public static DnsRecord RrsetDoesNotExist(DnsName name, DnsType type) => new(name, type, DnsClass.None, 0, []);
    /// <summary>RFC 2136 §2.4.4 "Name is in use": TYPE ANY, CLASS ANY.</summary>
    public static DnsRecord NameIsInUse(DnsName name) => new(name, DnsType.Any, DnsClass.Any, 0, []);
    /// <summary>RFC 2136 §2.4.5 "Name is not in use": TYPE ANY, CLASS NONE.</summary>
    public static DnsRecord NameIsNotInUse(DnsName name) => new(name, DnsType.Any, DnsClass.None, 0, []);
    /// <summary>RFC 2136 §2.5.2 "Delete an RRset": CLASS ANY, TTL 0, no RDATA.</summary>
    public static DnsRecord DeleteRrset(DnsName name, DnsType type) => new(name, type, DnsClass.Any, 0, []);
    /// <summary>RFC 2136 §2.5.3 "Delete all RRsets from a name": TYPE ANY, CLASS ANY.</summary>
    public static DnsRecord DeleteAllRrsets(DnsName name) => new(name, DnsType.Any, DnsClass.Any, 0, []);
    /// <summary>RFC 2136 §2.5.4 "Delete an RR from an RRset": the RR with CLASS NONE and TTL 0.</summary>
    public static DnsRecord DeleteRr(DnsRecord rr) => rr with { Class = DnsClass.None, Ttl = 0, Layouts = null };

    static byte[] AddressBytes(IPAddress address, AddressFamily family)
    {
        if (address.AddressFamily != family) throw new ArgumentException($"{address} is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address", nameof(address));
        return address.GetAddressBytes();
    }

    static void WriteCharacterString(WireBuffer b, string s, string what)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        if (bytes.Length > 255) throw new ArgumentException($"{what} has {bytes.Length} octets; a character-string holds at most 255 (RFC 1035 §3.3)");
        b.WriteByte((byte)bytes.Length);
        b.WriteBytes(bytes);
    }
}
