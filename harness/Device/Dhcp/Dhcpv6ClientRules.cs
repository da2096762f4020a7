using System.Net;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Dhcp;

/// <summary>
/// The RFC 3315 client rules the shared <see cref="Dhcpv6Client"/> applies, one instance for the eCM (EUE-PROV 6.3.1
/// Table 3, "as specified in DOCSIS") and one for the eUE in IPv6 mode (6.1.1 ¶4, Table 5 eUE-1 to eUE-4). The
/// reference device uses them as they are; a mutant overrides one to break one rule.
/// </summary>
public class Dhcpv6ClientRules
{
    /// <summary>RFC 3315 §13, §17.1.1, §18.1.1: client messages go to All_DHCP_Relay_Agents_and_Servers.</summary>
    public virtual IPAddress Destination => Dhcpv6Client.AllDhcpRelayAgentsAndServers;

    /// <summary>
    /// RFC 3315 §18.1.1 (EUE-PROV Table 5 eUE-3): the REQUEST goes to All_DHCP_Relay_Agents_and_Servers like the rest;
    /// a mutant unicasts it to the address the chosen ADVERTISE came from.
    /// </summary>
    public virtual IPAddress RequestDestination(IPAddress advertisedFrom) => Destination;

    /// <summary>RFC 3315 §15.1, §15.3: a reply belongs to the exchange whose transaction id it carries.</summary>
    public virtual bool BelongsToExchange(Dhcp6Message reply, uint transactionId) => reply.TransactionId == transactionId;

    /// <summary>
    /// RFC 3315 §17.1.2 (EUE-PROV Table 5 eUE-3): the client collects ADVERTISEs until the first RT of the SOLICIT has
    /// passed before it chooses; false chooses on the first ADVERTISE that arrives.
    /// </summary>
    public virtual bool CollectsAdvertisesForFirstRt => true;

    /// <summary>
    /// EUE-PROV Table 5 eUE-3 on failure: a SOLICIT round that brought no usable ADVERTISE is followed by a new SOLICIT
    /// (eUE-1); a mutant gives up and waits.
    /// </summary>
    public virtual bool SolicitsAgainWithoutUsableAdvertise => true;

    /// <summary>RFC 3315 §15.1: the REQUEST opens a new exchange with a new transaction id.</summary>
    public virtual bool NewTransactionForRequest => true;

    /// <summary>RFC 3315 §22.9: the elapsed time the client reports, in hundredths of a second since the exchange began.</summary>
    public virtual ushort ReportedElapsed(ushort actual) => actual;

    /// <summary>EUE-PROV 6.3.4.3 ¶1: the eUE does not use Rapid Commit, so a REPLY to its SOLICIT is no answer.</summary>
    public virtual bool AcceptsRapidCommitReply => false;

    /// <summary>EUE-PROV Table 5 eUE-4, RFC 3315 §18.1.7: after a DECLINE the client starts over with SOLICIT.</summary>
    public virtual bool RestartsAfterDecline => true;
}
