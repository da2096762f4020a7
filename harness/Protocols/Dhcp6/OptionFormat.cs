namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// How an option's data is laid out, in the manner of Kea's option-def types. Scalars and addresses
/// may be arrays; <see cref="Record"/> is a fixed header (<see cref="OptionDefinition.RecordFields"/>)
/// followed by a tail (<see cref="OptionDefinition.Tail"/>) or by options of an encapsulated space.
/// </summary>
public enum OptionFormat
{
    /// <summary>No data (OPTION_RAPID_COMMIT, OPTION_RECONF_ACCEPT).</summary>
    Empty,
    UInt8,
    UInt16,
    UInt32,
    Int32,
    UInt64,
    Ipv4Address,
    Ipv6Address,
    /// <summary>Octets shown as text; any length.</summary>
    String,
    /// <summary>Opaque octets; any length.</summary>
    Binary,
    /// <summary>RFC 1035 §3.1 domain name(s), uncompressed (RFC 3315 §8), fully qualified.</summary>
    Fqdn,
    /// <summary>Fixed fields, then a tail or encapsulated options.</summary>
    Record,
    /// <summary>RFC 3315 §9 DUID.</summary>
    Duid,
    /// <summary>RFC 4704 flags and a possibly partial or empty domain name.</summary>
    ClientFqdn,
    /// <summary>RFC 3315 §22.16: enterprise(4), then length(2)-prefixed data items.</summary>
    VendorClass,
    /// <summary>RFC 3315 §22.17: enterprise(4), then options in the enterprise's space.</summary>
    VendorOpts,
    /// <summary>OPTION_RELAY_MSG: a whole DHCPv6 message.</summary>
    DhcpMessage,
    /// <summary>CL_OPTION_CCCV6 sub-option 3: type(1), then an FQDN (type 0) or an IPv6 address (type 1).</summary>
    ProvSnmpEntity,
    /// <summary>CL_OPTION_MODEM_CAPABILITIES: TLV 5 sub-TLVs, type(1) length(1) value.</summary>
    CapabilityTlvs,
}
