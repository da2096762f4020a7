using System.Net;
using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Headend.Database;

/// <summary>
/// One DHCP server as a client tells it apart from another: its DHCPv4 server identifier (option 54),
/// its DHCPv6 DUID (OPTION_SERVERID) and its DSS_ID. EUE-PROV 6.3.2.2: the eUE accepts an OFFER only
/// from a server whose identifier is the primary or secondary address of option 122 (or CL_OPTION_CCC),
/// and an ADVERTISE only from a server whose DSS_ID (CL_OPTION_CCCV6 sub-option 1) is one of the
/// eCM-provided ones; so a headend that plays "a second server" needs a second identity.
/// </summary>
/// <param name="Name">How scenarios and the database refer to it, e.g. "primary", "rogue".</param>
/// <param name="Ipv4">The server identifier and source address of its DHCPv4 replies; null if it does not speak DHCPv4.</param>
/// <param name="Duid">Its DHCPv6 server DUID.</param>
/// <param name="DssId">EUE-PROV 6.4.1.4: what it puts in CL_OPTION_CCCV6 sub-option 1 of ADVERTISE/REPLY to the eUE.</param>
public sealed record DhcpServerIdentity(string Name, IPAddress? Ipv4, Duid Duid, DssId DssId)
{
    /// <summary>An identity whose DUID is a DUID-LL of <paramref name="mac"/> and whose DSS_ID is its name in ASCII.</summary>
    public static DhcpServerIdentity Create(string name, IPAddress? ipv4, ReadOnlySpan<byte> mac) =>
        new(name, ipv4, Duid.Ll(Duid.HardwareTypeEthernet, mac), DssId.FromAscii(name));

    public override string ToString() => $"{Name} ({Ipv4?.ToString() ?? "no IPv4"}, DSS_ID {DssId})";
}
