namespace EUeConformance.Protocols.ConfigFile;

/// <summary>How a TLV's value is laid out, in the manner of Kea's option definition formats.</summary>
public enum ConfigValueFormat
{
    /// <summary>One SNMP VarBind, BER: SEQUENCE { OBJECT IDENTIFIER, value }.</summary>
    VarBind,
    /// <summary>Encapsulated sub-TLVs, type(1) length(1) value, of the named option space.</summary>
    Encapsulated,
    Uint8,
    Uint16,
    Ipv4Address,
    Ipv6Address,
    /// <summary>A complete BER OBJECT IDENTIFIER (tag 06, length, arcs), as PKT-PROV1.5 §11.1.6 requires for 38.6.</summary>
    BerObjectIdentifier,
    String,
    Binary,
}

/// <summary>
/// One TLV or sub-TLV definition: code, name (the spec's words in C# casing), value format, size of
/// its length field, allowed value lengths, and the option space it encapsulates.
/// </summary>
public sealed record ConfigTlvDefinition(
    byte Code,
    string Name,
    ConfigValueFormat Format,
    int LengthFieldSize,
    int MinLength,
    int MaxLength,
    string? EncapsulatedSpace = null,
    string Locator = "");

/// <summary>The option spaces of the eUE configuration file and their definitions.</summary>
public static class ConfigTlvSpaces
{
    public const string TopLevel = "eue-config";
    public const string NotificationReceiver = "eue-config.38";
    public const string VendorSpecific = "eue-config.43";

    public static IReadOnlyList<ConfigTlvDefinition> TopLevelDefinitions { get; } =
    [
        // EUE-PROV 6.4.2 Table 6 "SNMP MIB Object", 1-byte length. PKT-PROV1.5 §9.1: TLV 64 MUST be
        // used above 254 bytes, so a TLV 11 value is at most 254 in a conforming file (255 fits the field).
        new(ConfigTlvType.SnmpMibObject, "SnmpMibObject", ConfigValueFormat.VarBind, 1, 2, 255, null, "EUE-PROV Table 6; PKT-PROV1.5 §9.1"),
        // EUE-PROV 6.5; PKT-PROV1.5 §11 "TLV-38 SNMP Notification Receiver Specification".
        new(ConfigTlvType.NotificationReceiver, "NotificationReceiver", ConfigValueFormat.Encapsulated, 1, 0, 255, NotificationReceiver, "EUE-PROV 6.5; PKT-PROV1.5 §11"),
        // EUE-PROV Table 6 "Vendor Specific"; PKT-PROV1.5 §9.1 defers its format to DOCSIS (43.8 = vendor ID).
        new(ConfigTlvType.VendorSpecific, "VendorSpecific", ConfigValueFormat.Encapsulated, 1, 0, 255, VendorSpecific, "EUE-PROV Table 6; PKT-PROV1.5 §9.1"),
        // EUE-PROV Table 6 "SNMP MIB Object", 2-byte length; the note prefers TLV 11 wherever possible.
        new(ConfigTlvType.SnmpMibObjectLong, "SnmpMibObjectLong", ConfigValueFormat.VarBind, 2, 2, ushort.MaxValue, null, "EUE-PROV Table 6; PKT-PROV1.5 §9.1"),
        // EUE-PROV Table 6 "eUE Start of File" (0x01) / "eUE End of File" (0xFF), length 1.
        new(ConfigTlvType.FileDelimiter, "FileDelimiter", ConfigValueFormat.Uint8, 1, 1, 1, null, "EUE-PROV Table 6, 6.4.2.1"),
    ];

    public static IReadOnlyList<ConfigTlvDefinition> NotificationReceiverDefinitions { get; } =
    [
        new(NotificationReceiverSubType.Ipv4Address, "Ipv4Address", ConfigValueFormat.Ipv4Address, 1, 4, 4, null, "PKT-PROV1.5 §11.1.1"),
        new(NotificationReceiverSubType.UdpPort, "UdpPort", ConfigValueFormat.Uint16, 1, 2, 2, null, "PKT-PROV1.5 §11.1.2"),
        new(NotificationReceiverSubType.Type, "NotificationReceiverType", ConfigValueFormat.Uint16, 1, 2, 2, null, "PKT-PROV1.5 §11.1.3"),
        new(NotificationReceiverSubType.Timeout, "Timeout", ConfigValueFormat.Uint16, 1, 2, 2, null, "PKT-PROV1.5 §11.1.4 (milliseconds)"),
        new(NotificationReceiverSubType.Retries, "Retries", ConfigValueFormat.Uint16, 1, 2, 2, null, "PKT-PROV1.5 §11.1.5"),
        // PKT-PROV1.5 §11.1.6: the value starts with the ASN.1 universal tag 6 and its length.
        new(NotificationReceiverSubType.FilterOid, "FilterOid", ConfigValueFormat.BerObjectIdentifier, 1, 3, 255, null, "PKT-PROV1.5 §11.1.6"),
        // PKT-PROV1.5 §11.1.7: length 2-26 (rlaager/docsis allows 1..16, the DOCSIS range; the PacketCable text governs).
        new(NotificationReceiverSubType.SecurityName, "SecurityName", ConfigValueFormat.String, 1, 2, 26, null, "PKT-PROV1.5 §11.1.7"),
        // EUE-PROV 6.5: 16 bytes of an IPv6 address in network byte order.
        new(NotificationReceiverSubType.Ipv6Address, "Ipv6Address", ConfigValueFormat.Ipv6Address, 1, 16, 16, null, "EUE-PROV 6.5"),
    ];

    public static IReadOnlyList<ConfigTlvDefinition> VendorSpecificDefinitions { get; } =
    [
        // DOCSIS 43.8 vendor ID: 3 bytes (rlaager/docsis symtable "VendorIdentifier" 3..3; Wireshark docsis_tlv.vendorid).
        new(VendorSpecificSubType.VendorId, "VendorId", ConfigValueFormat.Binary, 1, 3, 3, null, "PKT-PROV1.5 §9.1 -> DOCSIS 43.8"),
    ];

    public static IReadOnlyList<ConfigTlvDefinition> Space(string space) => space switch
    {
        TopLevel => TopLevelDefinitions,
        NotificationReceiver => NotificationReceiverDefinitions,
        VendorSpecific => VendorSpecificDefinitions,
        _ => throw new ArgumentOutOfRangeException(nameof(space), space, "unknown option space"),
    };

    public static ConfigTlvDefinition? Find(string space, byte code)
    {
        foreach (var d in Space(space))
            if (d.Code == code) return d;
        return null;
    }
}
