using EUeConformance.Protocols.Dns;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>The flags of OPTION_FQDN (RFC 4704 §4.1: <c>| MBZ |N|O|S|</c>).</summary>
[Flags]
public enum FqdnFlags : byte
{
    None = 0,
    /// <summary>The server should perform (client) / performs (server) the AAAA RR updates.</summary>
    S = 0x01,
    /// <summary>The server has overridden the client's S bit; a client sets it to 0.</summary>
    O = 0x02,
    /// <summary>The server should not / shall not perform any DNS updates.</summary>
    N = 0x04,
    /// <summary>The reserved bits: senders clear them, receivers ignore them.</summary>
    Mbz = 0xF8,
}

/// <summary>Who sent an OPTION_FQDN, for the RFC 4704 flag rules.</summary>
public enum FqdnSender { Client, Server }

/// <summary>
/// OPTION_FQDN (RFC 4704): flags, then a domain name in DNS wire format that may be fully
/// qualified (ends with the root label), partial (no root label) or empty (RFC 4704 §4.2). The
/// eUE sends S=1, N=0, O=0 with an empty name in SOLICIT (EUE-PROV Table 5, eUE-1), and its last
/// known FQDN in RENEW/REBIND (EUE-PROV 6.3.5).
/// </summary>
public sealed record ClientFqdn(FqdnFlags Flags, string DomainName, bool IsFullyQualified)
{
    /// <summary>The OPTION_FQDN of the eUE-1 SOLICIT: S=1, N=0, O=0 and an empty domain name.</summary>
    public static ClientFqdn EueSolicit { get; } = new(FqdnFlags.S, "", false);

    public bool S => (Flags & FqdnFlags.S) != 0;
    public bool O => (Flags & FqdnFlags.O) != 0;
    public bool N => (Flags & FqdnFlags.N) != 0;
    /// <summary>The domain name field is empty (the client asks the server for a name).</summary>
    public bool IsEmpty => DomainName.Length == 0 && !IsFullyQualified;

    public static ClientFqdn FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(option, Dhcp6OptionCode.Fqdn);
        var s = option.Span;
        var name = s[1..];
        bool fullyQualified = DnsLabels.ValidateExact(name, option.DataOffset + 1, OptionValidator.Protocol, "dhcpv6.client_domain", allowPartial: true);
        return new ClientFqdn((FqdnFlags)s[0], DnsLabels.ToText(name), fullyQualified);
    }

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        w.WriteUInt8((byte)Flags);
        if (IsFullyQualified || DomainName.Length > 0) w.WriteDomainName(DomainName, IsFullyQualified);
        return new Dhcp6Option(Dhcp6OptionCode.Fqdn, w.ToArray());
    }

    /// <summary>
    /// The RFC 4704 §4.1 flag rules this option breaks for its sender, or an empty list: "If the N bit
    /// is 1, the S bit MUST be 0"; "A client MUST set [the O bit] to 0"; senders "MUST clear the MBZ
    /// bits". With <paramref name="clientFlags"/>, a server's O must be 1 exactly when its S differs
    /// from the client's ("A server MUST set this bit to 1 if the S bit in its reply to the client
    /// does not match the S bit received from the client").
    /// </summary>
    public IReadOnlyList<string> FlagViolations(FqdnSender sender, FqdnFlags? clientFlags = null)
    {
        var problems = new List<string>();
        if (N && S) problems.Add("RFC 4704 §4.1: N=1 requires S=0");
        if ((Flags & FqdnFlags.Mbz) != 0) problems.Add($"RFC 4704 §4.1: reserved (MBZ) bits set: 0x{(byte)(Flags & FqdnFlags.Mbz):X2}");
        if (sender == FqdnSender.Client && O) problems.Add("RFC 4704 §4.1: a client MUST set O to 0");
        if (sender == FqdnSender.Server && clientFlags is { } c)
        {
            bool overridden = ((c & FqdnFlags.S) != 0) != S;
            if (overridden && !O) problems.Add("RFC 4704 §4.1: the server changed S and MUST set O to 1");
            if (!overridden && O) problems.Add("RFC 4704 §4.1: O=1 but the server's S matches the client's");
        }
        return problems;
    }
}
