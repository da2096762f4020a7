namespace EUeConformance.Protocols.Dns;

/// <summary>How one RDATA field is laid out on the wire.</summary>
public enum RdataFieldFormat
{
    UInt16,
    UInt32,
    /// <summary>4 octets (RFC 1035 §3.4.1).</summary>
    Ipv4Address,
    /// <summary>16 octets (RFC 3596 §2.2).</summary>
    Ipv6Address,
    /// <summary>A domain name the encoder may compress: only in the RFC 1035 types, RFC 3597 §4 ("MUST NOT compress domain names embedded in the RDATA of types that are class-specific or not well-known").</summary>
    CompressibleName,
    /// <summary>
    /// A domain name written out in full (SRV target, RFC 2782; NAPTR replacement, RFC 2915 §2: "Unless and until
    /// permitted by future standards action, name compression is not to be used for this field"). The decoder still
    /// follows a pointer here: RFC 3597 §4 asks receivers to decompress SRV and NAPTR, as RFC 2052 once mandated it.
    /// </summary>
    Name,
    /// <summary>One length octet and that many octets (RFC 1035 §3.3).</summary>
    CharacterString,
    /// <summary>One or more character-strings filling the rest of the RDATA (TXT, RFC 1035 §3.3.14).</summary>
    CharacterStrings,
    /// <summary>Zero or more {OPTION-CODE, OPTION-LENGTH, OPTION-DATA} filling the rest of the RDATA (RFC 6891 §6.1.2).</summary>
    EdnsOptions,
}

/// <summary>One RDATA field: its name in C# casing, its format, and Wireshark's field name (used in <see cref="Wire.ParseError"/>s).</summary>
public sealed record RdataField(string Name, RdataFieldFormat Format, string WiresharkField);

/// <summary>An RR type the codec decodes field by field; a type without a definition keeps its RDATA as opaque octets (RFC 3597).</summary>
public sealed record DnsTypeDefinition(DnsType Type, string Mnemonic, string Reference, IReadOnlyList<RdataField> Fields);

/// <summary>The RR types known to the codec, as data (in the manner of Kea's option definitions).</summary>
public static class DnsTypeDefinitions
{
    static RdataField F(string name, RdataFieldFormat format, string wireshark) => new(name, format, wireshark);

    public static IReadOnlyList<DnsTypeDefinition> All { get; } =
    [
        new(DnsType.A, "A", "RFC 1035 §3.4.1", [F("Address", RdataFieldFormat.Ipv4Address, "dns.a")]),
        new(DnsType.Ns, "NS", "RFC 1035 §3.3.11", [F("NameServer", RdataFieldFormat.CompressibleName, "dns.ns")]),
        new(DnsType.Cname, "CNAME", "RFC 1035 §3.3.1", [F("CanonicalName", RdataFieldFormat.CompressibleName, "dns.cname")]),
        new(DnsType.Soa, "SOA", "RFC 1035 §3.3.13",
        [
            F("PrimaryServer", RdataFieldFormat.CompressibleName, "dns.soa.mname"),
            F("ResponsibleMailbox", RdataFieldFormat.CompressibleName, "dns.soa.rname"),
            F("Serial", RdataFieldFormat.UInt32, "dns.soa.serial_number"),
            F("Refresh", RdataFieldFormat.UInt32, "dns.soa.refresh_interval"),
            F("Retry", RdataFieldFormat.UInt32, "dns.soa.retry_interval"),
            F("Expire", RdataFieldFormat.UInt32, "dns.soa.expire_limit"),
            F("Minimum", RdataFieldFormat.UInt32, "dns.soa.minimum_ttl"),
        ]),
        new(DnsType.Ptr, "PTR", "RFC 1035 §3.3.12", [F("DomainName", RdataFieldFormat.CompressibleName, "dns.ptr.domain_name")]),
        new(DnsType.Mx, "MX", "RFC 1035 §3.3.9",
        [
            F("Preference", RdataFieldFormat.UInt16, "dns.mx.preference"),
            F("Exchange", RdataFieldFormat.CompressibleName, "dns.mx.mail_exchange"),
        ]),
        new(DnsType.Txt, "TXT", "RFC 1035 §3.3.14", [F("Strings", RdataFieldFormat.CharacterStrings, "dns.txt")]),
        new(DnsType.Aaaa, "AAAA", "RFC 3596 §2.2", [F("Address", RdataFieldFormat.Ipv6Address, "dns.aaaa")]),
        // RFC 2782: "name compression is not to be used for this field" (Target).
        new(DnsType.Srv, "SRV", "RFC 2782",
        [
            F("Priority", RdataFieldFormat.UInt16, "dns.srv.priority"),
            F("Weight", RdataFieldFormat.UInt16, "dns.srv.weight"),
            F("Port", RdataFieldFormat.UInt16, "dns.srv.port"),
            F("Target", RdataFieldFormat.Name, "dns.srv.target"),
        ]),
        // RFC 2915 §2 (and RFC 3403 §4.1): Replacement is never compressed.
        new(DnsType.Naptr, "NAPTR", "RFC 2915 §2",
        [
            F("Order", RdataFieldFormat.UInt16, "dns.naptr.order"),
            F("Preference", RdataFieldFormat.UInt16, "dns.naptr.preference"),
            F("Flags", RdataFieldFormat.CharacterString, "dns.naptr.flags"),
            F("Services", RdataFieldFormat.CharacterString, "dns.naptr.service"),
            F("Regexp", RdataFieldFormat.CharacterString, "dns.naptr.regex"),
            F("Replacement", RdataFieldFormat.Name, "dns.naptr.replacement"),
        ]),
        new(DnsType.Opt, "OPT", "RFC 6891 §6.1.2", [F("Options", RdataFieldFormat.EdnsOptions, "dns.opt")]),
    ];

    static readonly Dictionary<DnsType, DnsTypeDefinition> ByType = All.ToDictionary(d => d.Type);

    public static DnsTypeDefinition? Find(DnsType type) => ByType.GetValueOrDefault(type);

    /// <summary>The mnemonic ("AAAA"), or RFC 3597's "TYPEnnn" for a type without a definition.</summary>
    public static string Mnemonic(DnsType type) => type switch
    {
        DnsType.Any => "ANY",
        DnsType.Axfr => "AXFR",
        DnsType.Ixfr => "IXFR",
        _ => Find(type)?.Mnemonic ?? $"TYPE{(ushort)type}",
    };
}
