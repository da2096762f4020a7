namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// How an option's (or sub-option's) value is laid out, in the vocabulary of Kea's option
/// definitions (empty, uint8, uint16, uint32, int32, ipv4-address, string, fqdn, binary, record),
/// plus the few CableLabs/RFC layouts that are not expressible as a record.
/// </summary>
public enum OptionFormat
{
    /// <summary>No value (length 0).</summary>
    Empty,
    /// <summary>One byte, 0 = false, 1 = true.</summary>
    Boolean,
    UInt8,
    UInt16,
    UInt32,
    Int32,
    Ipv4Address,
    /// <summary>NVT ASCII text (RFC 2132 §2: a trailing NUL is tolerated on receipt).</summary>
    String,
    /// <summary>RFC 1035 §3.1 labels ending with the root label, no compression (RFC 3495 §5).</summary>
    Fqdn,
    /// <summary>Opaque bytes.</summary>
    Binary,
    /// <summary>A fixed sequence of the fields in <see cref="OptionDefinition.RecordFields"/>.</summary>
    Record,
    /// <summary>Sub-options of the space <see cref="OptionDefinition.Encapsulates"/>.</summary>
    Encapsulated,
    /// <summary>RFC 3495 §5.2: a type byte (0 = FQDN, 1 = IPv4 address) then the address.</summary>
    TypedAddress,
    /// <summary>RFC 2132 §9.14 client identifier; type 255 is RFC 4361 (IAID + DUID).</summary>
    ClientIdentifier,
    /// <summary>RFC 3925 §3: repeated enterprise(4) data-len(1) vendor-class data.</summary>
    ViVendorClass,
    /// <summary>RFC 3925 §4: repeated enterprise(4) data-len(1) sub-options; 4491's are <see cref="OptionSpaces.CableLabsV4"/>.</summary>
    ViVendorSpecific,
}
