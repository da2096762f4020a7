using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// One DHCPv4 server's decisions (eCM or eUE side). Both listen on the same UDP port 67 of the headend,
/// so the socket belongs to <see cref="Dhcp4Server"/>, which asks each responder whether a client is
/// its own (the database knows eCM and eUE MACs apart).
/// </summary>
public interface IDhcp4Responder
{
    /// <summary>The evidence service name, "ecm-dhcpv4" or "eue-dhcpv4".</summary>
    string Service { get; }
    OverrideSet Overrides { get; }
    bool Serves(DhcpMessage request);
    Decision<DhcpMessage> Decide(DhcpMessage request, Dhcp4Context context);
}
