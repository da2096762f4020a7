namespace EUeConformance.Protocols.Dns;

/// <summary>
/// RR TYPE / QTYPE codes (IANA "Resource Record (RR) TYPEs"). Any 16-bit value is valid on the wire:
/// a code this enum does not name is kept as a number and its RDATA byte for byte (RFC 3597).
/// </summary>
public enum DnsType : ushort
{
    A = 1,          // RFC 1035 §3.4.1
    Ns = 2,         // RFC 1035 §3.3.11
    Cname = 5,      // RFC 1035 §3.3.1
    Soa = 6,        // RFC 1035 §3.3.13
    Ptr = 12,       // RFC 1035 §3.3.12
    Mx = 15,        // RFC 1035 §3.3.9
    Txt = 16,       // RFC 1035 §3.3.14
    Aaaa = 28,      // RFC 3596 §2.1
    Srv = 33,       // RFC 2782
    Naptr = 35,     // RFC 2915 / RFC 3403
    Opt = 41,       // RFC 6891 §6.1.1
    Ixfr = 251,     // RFC 1995 (QTYPE)
    Axfr = 252,     // RFC 1035 §3.2.3 (QTYPE)
    Any = 255,      // RFC 1035 §3.2.3 "*" (QTYPE; RFC 2136 §2.5.3 in updates)
}

/// <summary>CLASS / QCLASS codes. For OPT the CLASS field is the requestor's UDP payload size instead (RFC 6891 §6.1.2).</summary>
public enum DnsClass : ushort
{
    In = 1,         // RFC 1035 §3.2.4
    Ch = 3,
    Hs = 4,
    None = 254,     // RFC 2136 §2.4.3 / §2.5.4
    Any = 255,      // RFC 1035 §3.2.5; RFC 2136 §2.4.1 / §2.5.2
}

/// <summary>Header OPCODE, 4 bits (RFC 1035 §4.1.1; NOTIFY RFC 1996; UPDATE RFC 2136 §1).</summary>
public enum DnsOpcode : byte
{
    Query = 0,
    InverseQuery = 1,
    Status = 2,
    Notify = 4,
    Update = 5,
}

/// <summary>Header RCODE, the low 4 bits (RFC 1035 §4.1.1; 6..10 from RFC 2136 §2.2). With EDNS the OPT TTL holds 8 more bits (RFC 6891 §6.1.3).</summary>
public enum DnsRcode : byte
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,      // NXDOMAIN
    NotImplemented = 4,
    Refused = 5,
    YxDomain = 6,       // RFC 2136: a name exists that ought not to
    YxRrSet = 7,        // RFC 2136: an RRset exists that ought not to
    NxRrSet = 8,        // RFC 2136: an RRset that ought to exist does not
    NotAuth = 9,        // RFC 2136: server not authoritative for the zone
    NotZone = 10,       // RFC 2136: a name is not within the zone
}
