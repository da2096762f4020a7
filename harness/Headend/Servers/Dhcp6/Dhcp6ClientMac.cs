using System.Net.NetworkInformation;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// Which device a DHCPv6 client is: the database is keyed by MAC, DHCPv6 by DUID. The MAC is taken from
/// the first of: CL_OPTION_DEVICE_ID (EUE-PROV Table 5: the eUE MAC), a DUID-LL/LLT link-layer address
/// of 6 octets, and the frame's source MAC when the client is on-link.
/// </summary>
public static class Dhcp6ClientMac
{
    public static PhysicalAddress? Of(Dhcp6Message client, PhysicalAddress? sourceMac)
    {
        try
        {
            if (client.CableLabs?.DeviceId is { Length: 6 } id) return new PhysicalAddress(id.ToArray());
        }
        catch (ParseError) { }
        try
        {
            if (client.ClientId?.LinkLayerAddress is { Length: 6 } ll) return new PhysicalAddress(ll.ToArray());
        }
        catch (ParseError) { }
        return sourceMac;
    }
}
