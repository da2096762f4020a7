using EUeConformance.Protocols.Snmp;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// The TLV types of the eUE configuration file (EUE-PROV 6.4.2 Table 6, which defers to PKT-PROV1.5
/// §9.1 for 11, 43, 64 and 254 and defines 38 in EUE-PROV 6.5 / PKT-PROV1.5 §11).
/// PKT-PROV1.5 was read as PKT-SP-PROV1.5-C01-191120, text extracted in the public repository
/// awksedgreep/bindocsis (specs/packetcable_specs/PKT-SP-PROV1.5-C01-191120.txt, commit 0ef6170).
/// </summary>
public static class ConfigTlvType
{
    /// <summary>SNMP MIB Object: one VarBind, 1-byte length (EUE-PROV Table 6; PKT-PROV1.5 §9.1).</summary>
    public const byte SnmpMibObject = 11;
    /// <summary>SNMP Notification Receiver: sub-TLVs with 1-byte lengths (PKT-PROV1.5 §11; 38.8 from EUE-PROV 6.5).</summary>
    public const byte NotificationReceiver = 38;
    /// <summary>Vendor Specific: DOCSIS-style sub-TLVs, 43.8 = vendor ID (PKT-PROV1.5 §9.1 defers to DOCSIS).</summary>
    public const byte VendorSpecific = 43;
    /// <summary>SNMP MIB Object with a 2-byte length: PKT-PROV1.5 §9.1 makes it mandatory above 254 bytes.</summary>
    public const byte SnmpMibObjectLong = 64;
    /// <summary>eUE Start of File (value 0x01) / eUE End of File (value 0xFF) (EUE-PROV Table 6, 6.4.2.1).</summary>
    public const byte FileDelimiter = 254;

    public const byte StartOfFileValue = 0x01;
    public const byte EndOfFileValue = 0xFF;

    /// <summary>
    /// Size of the length field of a top-level TLV. PKT-PROV1.5 §9.1: 64 has two bytes; an unrecognised
    /// TLV (other than 11, 38, 43, 64, 254) is skipped "assuming the length field ... is 2 bytes".
    /// </summary>
    public static int LengthFieldSize(byte type) => type switch
    {
        SnmpMibObject or NotificationReceiver or VendorSpecific or FileDelimiter => 1,
        _ => 2,
    };

    public static bool IsKnown(byte type) => type is SnmpMibObject or NotificationReceiver or VendorSpecific or SnmpMibObjectLong or FileDelimiter;
}

/// <summary>Sub-TLV codes of TLV 38 (PKT-PROV1.5 §11.1; 38.8 from EUE-PROV 6.5).</summary>
public static class NotificationReceiverSubType
{
    public const byte Ipv4Address = 1;
    public const byte UdpPort = 2;
    public const byte Type = 3;
    public const byte Timeout = 4;
    public const byte Retries = 5;
    public const byte FilterOid = 6;
    public const byte SecurityName = 7;
    public const byte Ipv6Address = 8;
}

/// <summary>Sub-TLV codes of TLV 43 that this codec knows (DOCSIS 43.8; the rest are vendor-defined).</summary>
public static class VendorSpecificSubType
{
    public const byte VendorId = 8;
}

/// <summary>
/// Field names for <see cref="Wire.ParseError"/> and problems. Wireshark's DOCSIS TLV dissector
/// (docsis_tlv, which also decodes MTA files except TLV 64) names 11 docsis_tlv.snmp_obj, 38
/// docsis_tlv.snmpv3ntfy and 43.8 docsis_tlv.vendorid; the SNMP dissector names a VarBind's parts
/// snmp.name and snmp.value.*. The rest follow the same pattern.
/// </summary>
public static class ConfigFileFields
{
    public const string Protocol = "eue-config";
    public const string Type = "docsis_tlv.type";
    public const string Length = "docsis_tlv.length";
    public const string Delimiter = "docsis_tlv.mta_cfg_delimiter";
    public const string SnmpObject = "docsis_tlv.snmp_obj";
    public const string VarBindName = "snmp.name";
    public const string VarBindValue = "snmp.value";
    public const string NotificationReceiver = "docsis_tlv.snmpv3ntfy";
    public const string NotificationReceiverSubType = "docsis_tlv.snmpv3ntfy.type";
    public const string NotificationReceiverSubLength = "docsis_tlv.snmpv3ntfy.length";
    public const string VendorSpecific = "docsis_tlv.vendor_spec";
    public const string VendorSubType = "docsis_tlv.vendor_spec.type";
    public const string VendorSubLength = "docsis_tlv.vendor_spec.length";
    public const string VendorId = "docsis_tlv.vendorid";
    public const string Trailer = "docsis_tlv.trailer";
    public const string Ciphertext = "eue-config.ciphertext";

    /// <summary>How TLV 11/64 VarBinds are read: errors name this protocol and docsis_tlv.snmp_obj; SMIv2 values without exceptions; lengths as RFC 3417 §8 allows them.</summary>
    public static VarBindContext VarBinds { get; } = new(Protocol, SnmpObject, SnmpValueSet.V2, MinimalLengths: false);
}
