using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue.Ipv4;

/// <summary>
/// Which DHCPv4 OFFERs an eUE in IPv4 mode accepts (EUE-PROV 6.3.2.2; PKT-PROV1.5 MTA-2): only from a
/// server whose identifier is the primary or secondary eUE DHCPv4 server the eCM relayed (255.255.255.255:
/// any server), and only an OFFER carrying option 122 with the provisioning server (3) and realm (6).
/// Among acceptable OFFERs the primary server's wins. Overridable for mutants.
/// </summary>
public class OfferAcceptance
{
    public virtual bool Accepts(DhcpMessage offer, EueProvisioningOptions fromEcm, out string reason)
    {
        var server = offer.GetOption(DhcpOptionCode.ServerIdentifier) is { Length: 4 } s ? s.AsAddress() : null;
        // EUE-PROV 6.3.2.2: the server identifier must be the primary or secondary relayed by the eCM; 255.255.255.255 means any.
        bool any = IPAddress.Broadcast.Equals(fromEcm.Dhcpv4Primary);
        if (!any && (server is null || !(server.Equals(fromEcm.Dhcpv4Primary) || server.Equals(fromEcm.Dhcpv4Secondary))))
        {
            reason = $"server {server?.ToString() ?? "(no option 54)"} is not an eUE DHCPv4 server the eCM named";
            return false;
        }
        // PKT-PROV1.5 MTA-2: the OFFER names the provisioning server and the realm in option 122.
        ClientConfiguration? ccc;
        try { ccc = offer.ClientConfiguration; }
        catch (EUeConformance.Protocols.Wire.ParseError e) { reason = $"option 122 malformed: {e.Problem}"; return false; }
        if (ccc?.ProvisioningServer is null || ccc.KerberosRealm is null)
        {
            reason = "no option 122 with sub-options 3 and 6";
            return false;
        }
        reason = "acceptable";
        return true;
    }

    /// <summary>6.1.1 (RFC 2131 §4.4.1): where the ACK differs from the OFFER, the eUE configures itself from the ACK.</summary>
    public virtual DhcpMessage ConfiguresFrom(DhcpMessage offer, DhcpMessage ack) => ack;

    public virtual DhcpMessage? Choose(IReadOnlyList<DhcpMessage> offers, EueProvisioningOptions fromEcm, Action<string> note)
    {
        var acceptable = new List<DhcpMessage>();
        foreach (var offer in offers)
        {
            if (Accepts(offer, fromEcm, out var reason)) acceptable.Add(offer);
            else note($"OFFER {offer.YiAddr} rejected: {reason}");
        }
        return acceptable.FirstOrDefault(o => Equals(o.GetOption(DhcpOptionCode.ServerIdentifier)?.AsAddress(), fromEcm.Dhcpv4Primary))
            ?? acceptable.FirstOrDefault();
    }
}
