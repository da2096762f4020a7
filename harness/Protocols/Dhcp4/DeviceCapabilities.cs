using System.Text;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Wire;
using F = EUeConformance.Protocols.Dhcp4.OptionFormat;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>Letter case of the hex digits in a decoded capabilities string.</summary>
public enum HexCase
{
    /// <summary>Only the digits 0-9 occur, so the case cannot be told.</summary>
    Undetermined,
    Upper,
    Lower,
    Mixed,
}

/// <summary>
/// Option 60 as an MTA/eUE sends it (PKT-PROV1.5 "MTA device capabilities"; EUE-PROV 6.6.1 and
/// Annex A): the ASCII prefix "pktc2.0:" (an eUE; "pktc1.5:" for an MTA) followed by the TLV 5
/// capabilities, type 05, length, then sub-TLVs type(1) length(1) value, each byte written as two
/// hex characters.
///
/// Hex case: encoded upper-case, decoded in either case. Settled from Wireshark packet-dhcp.c,
/// dissect_packetcable_mta_cap: it matches sub-TLV types as raw ASCII pairs, with "0A".."0F" and
/// "1A" as the primary spellings and separate "_LC" entries (PKT_MDC_PROV_REP_LC "0a" …
/// PKT_MDC_CBS_LC "1a") added for devices that send lower case, and reads lengths with sscanf %x
/// (either case); its value tables (codecs "0A".."0F") are upper-case only. So upper case is what
/// the PacketCable strings use, and lower case is met in the field. A decoded string's case is
/// kept in <see cref="Case"/> so that a check can report it.
/// </summary>
public sealed class DeviceCapabilities : IEquatable<DeviceCapabilities>
{
    /// <summary>EUE-PROV 6.6.1: an eUE's prefix, the string it also sends as its DHCPv6 vendor class.</summary>
    public const string EuePrefix = CableLabs.Pktc20;
    public const string MtaPrefix15 = "pktc1.5";
    /// <summary>The outer TLV: type 5, "modem/MTA capabilities" (its sub-types: <see cref="EueCapability"/>).</summary>
    public const byte CapabilitiesType = 5;

    /// <summary>
    /// The TLV 5 sub-types (Wireshark pkt_mdc_type_vals for 1-25 from PKT-PROV1.5, 26 from
    /// EUE-PROV Annex A.2). Booleans are uint8 0/1.
    /// </summary>
    public static readonly OptionSpace Space = new("pktc-capabilities", padAndEnd: false,
        "dhcp.vendor.pktc.mta_cap_type", "dhcp.vendor.pktc.mta_cap_len",
    [
        new(1, "PacketCableVersion", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(2, "NumberOfTelephonyEndpoints", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(3, "TgtSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(4, "HttpDownloadFileAccessMethodSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(5, "Mta24EventSyslogNotificationSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(6, "NcsServiceFlowSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(7, "PrimaryLineSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(8, "VendorSpecificTlvTypes", F.Binary),
        new(9, "NvramTicketStorageSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(10, "ProvisioningEventReportingSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(11, "SupportedCodecs", F.UInt8, Array: true) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(12, "SilenceSuppressionSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(13, "EchoCancellationSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(14, "RsvpSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(15, "UgsAdSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(16, "MtaIfIndexStartingNumber", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(17, "ProvisioningFlowLoggingSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(18, "SupportedProvisioningFlows", F.UInt16) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(19, "T38VersionSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(20, "T38ErrorCorrectionSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(21, "Rfc2833DtmfSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(22, "VoiceMetricsSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(23, "MibSupport", F.Binary),
        new(24, "MultipleGrantsPerIntervalSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(25, "V152Support", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
        new(26, "CertificateBootstrappingSupport", F.UInt8) { Field = "dhcp.vendor.pktc.mta_cap_type" },
    ]);

    public DeviceCapabilities(string prefix, SubOptionList capabilities, HexCase @case = HexCase.Upper)
    {
        Prefix = prefix;
        Capabilities = capabilities;
        Case = @case;
    }

    /// <summary>The text before the colon, e.g. "pktc2.0".</summary>
    public string Prefix { get; }
    /// <summary>The TLV 5 sub-types in order (values binary, already hex-decoded).</summary>
    public SubOptionList Capabilities { get; }
    /// <summary>How the hex was written (decoded strings); not part of equality.</summary>
    public HexCase Case { get; }

    /// <summary>5.1: 0 = PacketCable 1.0, 1 = 1.5, 2 = 2.0 (EUE-PROV Annex A.2).</summary>
    public byte? PacketCableVersion => UInt8Of(EueCapability.PacketCableVersion);
    public byte? NumberOfTelephonyEndpoints => UInt8Of(EueCapability.NumberOfTelephonyEndpoints);
    public bool? TgtSupport => BoolOf(EueCapability.TgtSupport);
    public bool? HttpDownloadFileAccessMethodSupport => BoolOf(EueCapability.HttpDownloadFileAccessMethodSupport);
    /// <summary>5.26 (EUE-PROV Annex A.2): an eUE MUST include it.</summary>
    public bool? CertificateBootstrappingSupport => BoolOf(EueCapability.CertificateBootstrappingSupport);
    /// <summary>5.18: bit 0 Secure, bit 1 Hybrid, bit 2 Basic.</summary>
    public ushort? SupportedProvisioningFlows => Capabilities.Find(EueCapability.SupportedProvisioningFlows) is { Value.Length: 2 } s ? (ushort)(s.Value[0] << 8 | s.Value[1]) : null;
    public IReadOnlyList<byte>? SupportedCodecs => Capabilities.Find(EueCapability.SupportedCodecs)?.Value;

    /// <summary>Whether an option 60 value has the "pktc…:" form that carries capabilities.</summary>
    public static bool IsCapabilityString(ReadOnlySpan<byte> value) =>
        value.StartsWith("pktc"u8) && value.IndexOf((byte)':') > 0;

    /// <summary>An eUE's capabilities with the Annex A.1/A.2 mandatory sub-types (<see cref="EueCapability.Required"/>) first, then <paramref name="more"/>.</summary>
    public static DeviceCapabilities ForEue(bool tgtSupport = true, bool httpDownload = true, bool certificateBootstrapping = true,
        IEnumerable<SubOption>? more = null) =>
        new(EuePrefix, new SubOptionList(EueCapability.Required(tgtSupport, httpDownload, certificateBootstrapping)
            .Select(c => new SubOption(c.Type, [c.Value])).Concat(more ?? [])));

    /// <summary>
    /// Decodes an option 60 value (ASCII). <paramref name="baseOffset"/> is where the value starts
    /// in the datagram; errors point at the offending character.
    /// </summary>
    public static DeviceCapabilities Decode(ReadOnlySpan<byte> value, int baseOffset = 0)
    {
        int colon = value.IndexOf((byte)':');
        if (!value.StartsWith("pktc"u8) || colon < 0)
            throw new ParseError(Dhcp4Protocol.Name, baseOffset, "dhcp.option.vendor_class_id", "not a PacketCable capabilities string (\"pktcX.Y:\" followed by hex)");
        string prefix = Encoding.ASCII.GetString(value[..colon]);
        var hex = value[(colon + 1)..];
        int hexAt = baseOffset + colon + 1;
        if (hex.Length == 0) throw new ParseError(Dhcp4Protocol.Name, hexAt, "dhcp.vendor.pktc.mta_cap_len", "no capabilities after the prefix");
        if (hex.Length % 2 != 0) throw new ParseError(Dhcp4Protocol.Name, hexAt + hex.Length - 1, "dhcp.option.vendor_class_id", $"odd number ({hex.Length}) of hex characters");

        var bytes = new byte[hex.Length / 2];
        bool upper = false, lower = false;
        for (int i = 0; i < hex.Length; i++)
        {
            int digit = hex[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => hex[i] - '0',
                >= (byte)'A' and <= (byte)'F' => hex[i] - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => hex[i] - 'a' + 10,
                _ => -1,
            };
            if (digit < 0) throw new ParseError(Dhcp4Protocol.Name, hexAt + i, "dhcp.option.vendor_class_id", $"'{(char)hex[i]}' is not a hex digit");
            upper |= hex[i] is >= (byte)'A' and <= (byte)'F';
            lower |= hex[i] is >= (byte)'a' and <= (byte)'f';
            bytes[i / 2] = (byte)(bytes[i / 2] << 4 | digit);
        }
        var @case = (upper, lower) switch { (true, true) => HexCase.Mixed, (true, false) => HexCase.Upper, (false, true) => HexCase.Lower, _ => HexCase.Undetermined };

        // Positions in the binary form map to the first of the two characters that spell the byte.
        try
        {
            var reader = new WireReader(bytes, Dhcp4Protocol.Name);
            byte type = reader.ReadByte("dhcp.vendor.pktc.mta_cap_type");
            if (type != CapabilitiesType) throw reader.Error("dhcp.vendor.pktc.mta_cap_type", $"capabilities TLV type is {type}, not 5", 0);
            byte length = reader.ReadByte("dhcp.vendor.pktc.mta_cap_len");
            if (length != reader.Remaining)
                throw reader.Error("dhcp.vendor.pktc.mta_cap_len", $"TLV 5 length {length} does not match the {reader.Remaining} byte(s) that follow", 1);
            var capabilities = SubOptionList.Parse(reader.Rest, Space, reader.Offset);
            var located = new SubOptionList(capabilities.Select(c => new SubOption(c.Code, c.Value, hexAt + 2 * c.Offset)));
            return new DeviceCapabilities(prefix, located, @case);
        }
        catch (ParseError e)
        {
            throw new ParseError(Dhcp4Protocol.Name, hexAt + 2 * e.Offset, e.Field, e.Problem);
        }
    }

    /// <summary>The option 60 text: prefix, colon, then TLV 5 in hex (upper case unless asked otherwise).</summary>
    public string EncodeString(bool upperCase = true)
    {
        var inner = Capabilities.Encode();
        if (inner.Length > byte.MaxValue) throw new InvalidOperationException($"TLV 5 holds at most 255 bytes, not {inner.Length}");
        string hex = Convert.ToHexString([CapabilitiesType, (byte)inner.Length, .. inner]);
        return $"{Prefix}:{(upperCase ? hex : hex.ToLowerInvariant())}";
    }

    public byte[] Encode(bool upperCase = true) => Encoding.ASCII.GetBytes(EncodeString(upperCase));

    public DhcpOption ToOption(bool upperCase = true) => new(DhcpOptionCode.VendorClassIdentifier, Encode(upperCase));

    byte? UInt8Of(byte type) => Capabilities.Find(type) is { Value.Length: 1 } s ? s.Value[0] : null;
    bool? BoolOf(byte type) => UInt8Of(type) is { } v ? v != 0 : null;

    public bool Equals(DeviceCapabilities? other) => other is not null && Prefix == other.Prefix && Capabilities.Equals(other.Capabilities);
    public override bool Equals(object? obj) => Equals(obj as DeviceCapabilities);
    public override int GetHashCode() => HashCode.Combine(Prefix, Capabilities.Count);
    public override string ToString() => EncodeString();
}
