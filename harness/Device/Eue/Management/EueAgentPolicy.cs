using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Management;

/// <summary>
/// How the eUE's SNMP agent presents its MIB and its management events (EUE-PROV 6.5: the SNMP requirements of
/// PKT-EUE-DATA and the PKT-MEM1.5 event mechanism with PKT-EUE-DATA's data model). Overridable: a mutant leaves
/// out the E-UE MIB arc, shows a credential it must hide, or keeps no local event log.
/// </summary>
public class EueAgentPolicy
{
    /// <summary>The subtrees the agent serves beside the standard ones (given: interfaces, the RFC 4682 MTA MIB, the CableLabs arc).</summary>
    public virtual IReadOnlyList<ObjectIdentifier> Subtrees(IReadOnlyList<ObjectIdentifier> standard) => standard;

    /// <summary>CL-PKTC-EUE-USER-MIB pktcEUEUsrIMPICredentials: a read always returns an empty string, for privacy.</summary>
    public virtual bool ConcealsOnRead(MibObject column) => column == MibNames.EueUser.PktcEUEUsrIMPICredentials;

    /// <summary>RFC 3416 §4.2.5: a SET writes only objects whose MAX-ACCESS allows it (read-write, read-create).</summary>
    public virtual bool Writable(MibObject obj) => obj.IsWritable;

    /// <summary>CL-PKTC-EUE-EVENT-MIB pktcEUEMEMVersion: the eUE MUST set it to "1.0".</summary>
    public virtual string MemVersion => "1.0";

    /// <summary>PKT-MEM1.5 / PKTC-EVENT-MIB: every event is recorded in the local log (reporting bit local(0) is on by default at every level).</summary>
    public virtual bool LogsEventsLocally => true;
}
