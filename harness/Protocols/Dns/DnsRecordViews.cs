using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace EUeConformance.Protocols.Dns;

/// <summary>SRV RDATA (RFC 2782).</summary>
public sealed record SrvData(ushort Priority, ushort Weight, ushort Port, DnsName Target);

/// <summary>NAPTR RDATA (RFC 2915 §2). Flags and Services are ASCII, Regexp UTF-8 (RFC 3403 §4.1); Replacement "." means none.</summary>
public sealed record NaptrData(ushort Order, ushort Preference, string Flags, string Services, string Regexp, DnsName Replacement);

/// <summary>SOA RDATA (RFC 1035 §3.3.13): MNAME, RNAME, SERIAL, REFRESH, RETRY, EXPIRE, MINIMUM.</summary>
public sealed record SoaData(DnsName PrimaryServer, DnsName ResponsibleMailbox, uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum);

/// <summary>MX RDATA (RFC 1035 §3.3.9).</summary>
public sealed record MxData(ushort Preference, DnsName Exchange);

/// <summary>Typed views of the canonical RDATA, each null when the record is of another type or its RDATA does not fit the type (e.g. an RFC 2136 deletion with none).</summary>
public sealed partial record DnsRecord
{
    object[]? Fields(DnsType type)
    {
        if (Type != type) return null;
        var def = DnsTypeDefinitions.Find(type)!;
        return RdataCodec.TryParse(def, _data, out var values) ? values : null;
    }

    static ushort U16(object v) => BinaryPrimitives.ReadUInt16BigEndian((byte[])v);
    static uint U32(object v) => BinaryPrimitives.ReadUInt32BigEndian((byte[])v);
    static string Text(object v) => Encoding.UTF8.GetString(((byte[])v).AsSpan(1));

    /// <summary>The address of an A or AAAA record.</summary>
    public IPAddress? Address => (Fields(DnsType.A) ?? Fields(DnsType.Aaaa)) is { } f ? new IPAddress((byte[])f[0]) : null;

    /// <summary>The single domain name of a CNAME, NS or PTR record.</summary>
    public DnsName? DomainName => (Fields(DnsType.Cname) ?? Fields(DnsType.Ns) ?? Fields(DnsType.Ptr)) is { } f ? (DnsName)f[0] : null;

    public SrvData? SrvData => Fields(DnsType.Srv) is { } f ? new Dns.SrvData(U16(f[0]), U16(f[1]), U16(f[2]), (DnsName)f[3]) : null;

    public NaptrData? NaptrData => Fields(DnsType.Naptr) is { } f
        ? new Dns.NaptrData(U16(f[0]), U16(f[1]), Text(f[2]), Text(f[3]), Text(f[4]), (DnsName)f[5]) : null;

    public SoaData? SoaData => Fields(DnsType.Soa) is { } f
        ? new Dns.SoaData((DnsName)f[0], (DnsName)f[1], U32(f[2]), U32(f[3]), U32(f[4]), U32(f[5]), U32(f[6])) : null;

    public MxData? MxData => Fields(DnsType.Mx) is { } f ? new Dns.MxData(U16(f[0]), (DnsName)f[1]) : null;

    /// <summary>The character-strings of a TXT record, as octets.</summary>
    public IReadOnlyList<byte[]>? TextStrings => Fields(DnsType.Txt) is { } f ? RdataCodec.SplitStrings((byte[])f[0]) : null;

    /// <summary>An OPT record read as EDNS.</summary>
    public EdnsData? Edns => Fields(DnsType.Opt) is not null ? EdnsData.FromRecord(this) : null;
}
