using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>Values of sub-TLV 38.3 (PKT-PROV1.5 §11.1.3).</summary>
public enum NotificationReceiverType : ushort
{
    /// <summary>SNMPv1 trap in an SNMPv1 packet.</summary>
    SnmpV1Trap = 1,
    /// <summary>SNMPv2c trap in an SNMPv2c packet (MUST be supported).</summary>
    SnmpV2cTrap = 2,
    /// <summary>SNMP INFORM in an SNMPv2c packet (MUST be supported).</summary>
    SnmpV2cInform = 3,
    /// <summary>SNMP trap in an SNMPv3 packet.</summary>
    SnmpV3Trap = 4,
    /// <summary>SNMP INFORM in an SNMPv3 packet.</summary>
    SnmpV3Inform = 5,
}

/// <summary>
/// TLV 38, SNMP Notification Receiver (PKT-PROV1.5 §11.1; 38.8 added by EUE-PROV 6.5). Every
/// sub-TLV is optional on the wire; the Effective* properties apply the spec's defaults.
/// </summary>
public sealed record NotificationReceiver
{
    /// <summary>PKT-PROV1.5 §11.1.2: 162 when 38.2 is absent.</summary>
    public const ushort DefaultUdpPort = 162;
    /// <summary>PKT-PROV1.5 §11.1.4: 15000 ms when 38.4 is absent.</summary>
    public const ushort DefaultTimeoutMilliseconds = 15000;
    /// <summary>PKT-PROV1.5 §11.1.5: 3 when 38.5 is absent; at most 255.</summary>
    public const ushort DefaultRetries = 3;
    public const ushort MaxRetries = 255;
    /// <summary>PKT-PROV1.5 §11.1.6: the 'iso' root when 38.6 is absent.</summary>
    public const string DefaultFilterOid = "1";
    /// <summary>PKT-PROV1.5 §11.1.7: SNMPv3 notifications without 38.7 use this name, noAuthNoPriv.</summary>
    public const string DefaultSecurityName = "@mtaconfig";

    /// <summary>38.1, 4 bytes. EUE-PROV 6.5: ignored in IPv6 mode, where 38.8 is used instead.</summary>
    public IPAddress? Ipv4Address { get; init; }
    /// <summary>38.2.</summary>
    public ushort? UdpPort { get; init; }
    /// <summary>38.3, raw value (may be outside the enumeration when decoded).</summary>
    public NotificationReceiverType? Type { get; init; }
    /// <summary>38.4, milliseconds.</summary>
    public ushort? TimeoutMilliseconds { get; init; }
    /// <summary>38.5.</summary>
    public ushort? Retries { get; init; }
    /// <summary>38.6, dotted OID (encoded as a complete BER OBJECT IDENTIFIER).</summary>
    public string? FilterOid { get; init; }
    /// <summary>38.7, 2..26 bytes.</summary>
    public string? SecurityName { get; init; }
    /// <summary>38.8, 16 bytes (EUE-PROV 6.5). Ignored in IPv4 mode.</summary>
    public IPAddress? Ipv6Address { get; init; }
    /// <summary>Sub-TLVs this codec does not define, kept in order.</summary>
    public IReadOnlyList<SubTlv> OtherSubTlvs { get; init; } = [];

    public ushort EffectiveUdpPort => UdpPort ?? DefaultUdpPort;
    public ushort EffectiveTimeoutMilliseconds => TimeoutMilliseconds ?? DefaultTimeoutMilliseconds;
    public ushort EffectiveRetries => Retries ?? DefaultRetries;
    public string EffectiveFilterOid => FilterOid ?? DefaultFilterOid;

    /// <summary>EUE-PROV 6.5: the receiver address for the eUE's addressing mode (38.8 in IPv6, 38.1 in IPv4).</summary>
    public IPAddress? AddressFor(AddressFamily mode) => mode == AddressFamily.InterNetworkV6 ? Ipv6Address : Ipv4Address;

    /// <summary>The TLV 38 value: sub-TLVs 38.1 … 38.8 in order, then the others.</summary>
    public byte[] EncodeValue()
    {
        var o = new List<byte>(64);
        void Put(byte type, ReadOnlySpan<byte> value) => new SubTlv(type, value).WriteTo(o);
        Span<byte> u16 = stackalloc byte[2];
        if (Ipv4Address is { } v4)
        {
            if (v4.AddressFamily != AddressFamily.InterNetwork) throw new InvalidOperationException("38.1 carries an IPv4 address");
            Put(NotificationReceiverSubType.Ipv4Address, v4.GetAddressBytes());
        }
        if (UdpPort is { } port) { BinaryPrimitives.WriteUInt16BigEndian(u16, port); Put(NotificationReceiverSubType.UdpPort, u16); }
        if (Type is { } type) { BinaryPrimitives.WriteUInt16BigEndian(u16, (ushort)type); Put(NotificationReceiverSubType.Type, u16); }
        if (TimeoutMilliseconds is { } timeout) { BinaryPrimitives.WriteUInt16BigEndian(u16, timeout); Put(NotificationReceiverSubType.Timeout, u16); }
        if (Retries is { } retries) { BinaryPrimitives.WriteUInt16BigEndian(u16, retries); Put(NotificationReceiverSubType.Retries, u16); }
        if (FilterOid is { } filter) Put(NotificationReceiverSubType.FilterOid, ObjectIdentifiers.EncodeBer(filter));
        if (SecurityName is { } name) Put(NotificationReceiverSubType.SecurityName, Encoding.UTF8.GetBytes(name));
        if (Ipv6Address is { } v6)
        {
            if (v6.AddressFamily != AddressFamily.InterNetworkV6) throw new InvalidOperationException("38.8 carries an IPv6 address");
            Put(NotificationReceiverSubType.Ipv6Address, v6.GetAddressBytes());
        }
        foreach (var s in OtherSubTlvs) s.WriteTo(o);
        if (o.Count > byte.MaxValue) throw new InvalidOperationException($"TLV 38 value of {o.Count} bytes does not fit its 1-byte length");
        return [.. o];
    }

    /// <summary>Strict decode of a TLV 38 value; throws <see cref="ParseError"/> on the first error.</summary>
    public static NotificationReceiver Decode(ReadOnlySpan<byte> value, int valueOffset = 0)
    {
        var problems = new List<ConfigFileProblem>();
        var r = Parse(value, valueOffset, valueOffset, problems);
        if (problems.FirstOrDefault(p => p.Severity == ConfigFileProblemSeverity.Error) is { } e)
            throw new ParseError(ConfigFileFields.Protocol, e.Offset, e.Field, e.Problem);
        return r;
    }

    /// <summary>Tolerant decode: every problem goes to <paramref name="problems"/>; what could be read is returned.</summary>
    internal static NotificationReceiver Parse(ReadOnlySpan<byte> value, int valueOffset, int tlvOffset, List<ConfigFileProblem> problems)
    {
        const byte parent = ConfigTlvType.NotificationReceiver;
        var result = new NotificationReceiver();
        var others = new List<SubTlv>();
        var seen = new HashSet<byte>();
        foreach (var (sub, at) in SubTlvSplitter.Split(value, valueOffset, parent, ConfigFileFields.NotificationReceiverSubLength, problems))
        {
            var def = ConfigTlvSpaces.Find(ConfigTlvSpaces.NotificationReceiver, sub.Type);
            if (def is null)
            {
                // PKT-PROV1.5 §11: unknown sub-TLVs of 38 have a 1-byte length, are ignored and reported (passWithWarnings).
                problems.Add(new(at, parent, $"sub-TLV 38.{sub.Type} is not defined (PKT-PROV1.5 §11: ignored, passWithWarnings)", ConfigFileProblemKind.UnknownSubTlv, ConfigFileProblemSeverity.Warning, ConfigFileFields.NotificationReceiverSubType, sub.Type));
                others.Add(sub);
                continue;
            }
            if (!seen.Add(sub.Type))
            {
                problems.Add(new(at, parent, $"sub-TLV 38.{sub.Type} ({def.Name}) appears more than once in one TLV 38", ConfigFileProblemKind.DuplicateSubTlv, ConfigFileProblemSeverity.Error, ConfigFileFields.NotificationReceiverSubType, sub.Type));
                continue;
            }
            int len = sub.Value.Length;
            if (len < def.MinLength || len > def.MaxLength)
            {
                // PKT-PROV1.5 §11: a wrong Length in TLV 38 or its sub-TLVs rejects the file (failConfigFile).
                string want = def.MinLength == def.MaxLength ? $"{def.MinLength}" : $"{def.MinLength}..{def.MaxLength}";
                problems.Add(new(at, parent, $"sub-TLV 38.{sub.Type} ({def.Name}) has length {len}, must be {want} ({def.Locator})", ConfigFileProblemKind.InvalidSubTlvLength, ConfigFileProblemSeverity.Error, ConfigFileFields.NotificationReceiverSubLength, sub.Type));
                continue;
            }
            var v = sub.Value;
            switch (sub.Type)
            {
                case NotificationReceiverSubType.Ipv4Address: result = result with { Ipv4Address = new IPAddress(v) }; break;
                case NotificationReceiverSubType.UdpPort: result = result with { UdpPort = BinaryPrimitives.ReadUInt16BigEndian(v) }; break;
                case NotificationReceiverSubType.Type:
                {
                    ushort t = BinaryPrimitives.ReadUInt16BigEndian(v);
                    if (t is < 1 or > 5)
                        problems.Add(new(at, parent, $"notification receiver type {t} is not 1..5 (PKT-PROV1.5 §11.1.3: the TLV 38 is ignored, passWithWarnings)", ConfigFileProblemKind.InvalidSubTlvValue, ConfigFileProblemSeverity.Warning, ConfigFileFields.NotificationReceiver, sub.Type));
                    result = result with { Type = (NotificationReceiverType)t };
                    break;
                }
                case NotificationReceiverSubType.Timeout: result = result with { TimeoutMilliseconds = BinaryPrimitives.ReadUInt16BigEndian(v) }; break;
                case NotificationReceiverSubType.Retries:
                {
                    ushort n = BinaryPrimitives.ReadUInt16BigEndian(v);
                    if (n > MaxRetries)
                        problems.Add(new(at, parent, $"retries {n} exceed the maximum of {MaxRetries} (PKT-PROV1.5 §11.1.5)", ConfigFileProblemKind.InvalidSubTlvValue, ConfigFileProblemSeverity.Warning, ConfigFileFields.NotificationReceiver, sub.Type));
                    result = result with { Retries = n };
                    break;
                }
                case NotificationReceiverSubType.FilterOid:
                {
                    if (DecodeBerOid(v) is { } oid) result = result with { FilterOid = oid };
                    else problems.Add(new(at, parent, $"38.6 is not one complete BER OBJECT IDENTIFIER (06 len arcs, PKT-PROV1.5 §11.1.6): {Convert.ToHexString(v)}", ConfigFileProblemKind.InvalidSubTlvValue, ConfigFileProblemSeverity.Error, ConfigFileFields.NotificationReceiver, sub.Type));
                    break;
                }
                case NotificationReceiverSubType.SecurityName: result = result with { SecurityName = Encoding.UTF8.GetString(v) }; break;
                default: result = result with { Ipv6Address = new IPAddress(v) }; break;
            }
        }
        if (!seen.Contains(NotificationReceiverSubType.Ipv4Address) && !seen.Contains(NotificationReceiverSubType.Ipv6Address))
            problems.Add(new(tlvOffset, parent, "TLV 38 has neither 38.1 (IPv4) nor 38.8 (IPv6) address (PKT-PROV1.5 §11.1.1, EUE-PROV 6.5: the TLV 38 is ignored, passWithWarnings)", ConfigFileProblemKind.MissingSubTlv, ConfigFileProblemSeverity.Warning, ConfigFileFields.NotificationReceiver, NotificationReceiverSubType.Ipv4Address));
        if (!seen.Contains(NotificationReceiverSubType.Type))
            problems.Add(new(tlvOffset, parent, "TLV 38 has no 38.3 notification receiver type (PKT-PROV1.5 §11.1.3: the TLV 38 is ignored, passWithWarnings)", ConfigFileProblemKind.MissingSubTlv, ConfigFileProblemSeverity.Warning, ConfigFileFields.NotificationReceiver, NotificationReceiverSubType.Type));
        return result with { OtherSubTlvs = others };
    }

    static string? DecodeBerOid(ReadOnlySpan<byte> v)
    {
        // Only the definite, primitive, exact form: 06, one length octet or more, then the arcs.
        if (v.Length < 2 || v[0] != 0x06 || v[1] == 0x80) return null;
        try
        {
            string oid = AsnDecoder.ReadObjectIdentifier(v, AsnEncodingRules.BER, out int consumed);
            return consumed == v.Length && ObjectIdentifiers.SmiProblem(oid) is null ? oid : null;
        }
        catch (AsnContentException) { return null; }
    }

    public bool Equals(NotificationReceiver? other) =>
        other is not null && Equals(Ipv4Address, other.Ipv4Address) && UdpPort == other.UdpPort && Type == other.Type
        && TimeoutMilliseconds == other.TimeoutMilliseconds && Retries == other.Retries && FilterOid == other.FilterOid
        && SecurityName == other.SecurityName && Equals(Ipv6Address, other.Ipv6Address) && OtherSubTlvs.SequenceEqual(other.OtherSubTlvs);

    public override int GetHashCode() => HashCode.Combine(Ipv4Address, UdpPort, Type, TimeoutMilliseconds, Retries, FilterOid, SecurityName, Ipv6Address);
}
