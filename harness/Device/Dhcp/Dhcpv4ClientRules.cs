using System.Net;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Dhcp;

/// <summary>
/// The RFC 2131 client rules the shared <see cref="Dhcpv4Client"/> applies, one instance for the eCM (EUE-PROV 6.3.1
/// Table 2, "as specified in DOCSIS") and one for the eUE in IPv4 mode (6.1.1 ¶3). The reference device uses them as
/// they are; a mutant overrides one to break one rule.
/// </summary>
public class Dhcpv4ClientRules
{
    /// <summary>RFC 2131 §4.1, §4.4.1: a client without an address broadcasts its DHCPDISCOVER.</summary>
    public virtual IPAddress DiscoverDestination => IPAddress.Broadcast;

    /// <summary>RFC 2131 §4.1, §4.4.1: a reply belongs to the exchange whose transaction id (and chaddr) it carries.</summary>
    public virtual bool BelongsToExchange(DhcpMessage reply, uint transactionId, byte[] mac) =>
        reply.Xid == transactionId && reply.ClientHardwareAddress.AsSpan().SequenceEqual(mac);

    /// <summary>RFC 2131 §3.1 step 5, §4.4.1: a DHCPNAK sends the client back to INIT.</summary>
    public virtual bool HonoursNak => true;

    /// <summary>RFC 2131 §4.4.1: REQUEST transmissions in SELECTING before the client gives up and starts over with DISCOVER.</summary>
    public virtual int RequestTransmissions => 4;

    /// <summary>RFC 2131 §4.4.1: in REQUESTING the client keeps the transaction id of the DISCOVER the OFFER answered.</summary>
    public virtual bool RequestKeepsTransaction => true;

    /// <summary>RFC 2131 §4.4.5: in RENEWING the REQUEST is unicast to the server that leased the address.</summary>
    public virtual bool RenewsByUnicast => true;

    /// <summary>
    /// RFC 2131 §4.1: each retransmission interval randomized by a uniform value in [-1 s, +1 s]. The eUE applies it
    /// (EUE-PROV 6.1.1); the eCM's client is deterministic by design, as every timer of DeviceTimers.
    /// </summary>
    public virtual bool RandomizesRetransmissions => true;
}
