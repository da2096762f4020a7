using System.Net;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Management;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Mutants;

/// <summary>Mutants of the eUE's management (6.5): TLV 38 notification receivers, its SNMP agent, its management events.</summary>
public static class ManagementMutants
{
    static Mutant Rules(string name, string description, string[] targets, ConfigFileRules rules, params string[] blast) =>
        new(name, description, targets, o => o with { Behaviour = o.Behaviour with { ConfigFileRules = rules } }) { BlastRadius = blast };

    static Mutant Agent(string name, string description, string[] targets, EueAgentPolicy policy, params string[] blast) =>
        new(name, description, targets, o => o with { Behaviour = o.Behaviour with { Agent = policy } }) { BlastRadius = blast };

    // ---- TLV 38

    public static readonly Mutant Ipv4ReceiverInIpv6Mode = Rules("tlv38-38.1-in-ipv6-mode",
        "takes the notification receiver's address from 38.1 whatever the mode (violates 6.5: in IPv6 mode 38.8 counts and 38.1 is ignored)",
        ["EUE-PROV-6.5-03", "EUE-PROV-6.5-06", "EUE-PROV-T6-TLV38-01a"], new FixedReceiverAddress(ipv6: false));

    public static readonly Mutant Ipv6ReceiverInIpv4Mode = Rules("tlv38-38.8-in-ipv4-mode",
        "takes the notification receiver's address from 38.8 when there is one, whatever the mode (violates 6.5: in IPv4 mode 38.8 is ignored)",
        ["EUE-PROV-6.5-05", "EUE-PROV-T6-TLV38-01a"], new FixedReceiverAddress(ipv6: true));

    public static readonly Mutant ReceiverTypeIgnored = Rules("tlv38-type-ignored",
        "sends an SNMPv2c INFORM to every TLV 38 receiver whatever its 38.3 asks for (violates 6.5 ¶7: PKT-PROV1.5 TLV-38)",
        ["EUE-PROV-6.5-03", "EUE-PROV-6.5-04", "EUE-PROV-T6-TLV38-01a", "EUE-PROV-6.4.2-01"], new AlwaysInform());

    public static readonly Mutant ReceiverRetriesIgnored = Rules("tlv38-retries-ignored",
        "retries an unanswered INFORM the default 3 times whatever 38.5 says (violates 6.5 ¶7: PKT-PROV1.5 TLV-38)",
        ["EUE-PROV-6.5-04", "EUE-PROV-T6-TLV38-01a"], new DefaultRetries());

    public static readonly Mutant ReceiverPortIgnored = Rules("tlv38-port-ignored",
        "sends TLV 38 notifications to UDP 162 whatever 38.2 says (violates 6.5 ¶7: PKT-PROV1.5 TLV-38)",
        ["EUE-PROV-6.5-03", "EUE-PROV-6.5-04", "EUE-PROV-6.5-05", "EUE-PROV-6.5-06", "EUE-PROV-T6-TLV38-01a", "EUE-PROV-6.4.2-01"], new Port162());

    // ---- the SNMP agent (PKT-EUE-DATA)

    public static readonly Mutant EueMibsNotServed = Agent("eue-mibs-not-served",
        "its agent serves the MTA and event MIBs but not the E-UE MIB modules under 1.3.6.1.4.1.4491.2.2.10 (violates 6.5 ¶2: PKT-EUE-DATA)",
        ["EUE-PROV-6.5-01"], new WithoutEueArc(),
        "EUE-PROV-T6-TLV11-01a", "EUE-PROV-T6-TLV64-01a", "EUE-PROV-T6-TLV43-01a", "EUE-PROV-6.4.2-0*", "EUE-PROV-6.4.2.1-01", "EUE-PROV-6.5-02");

    public static readonly Mutant CredentialsReadable = Agent("impi-credentials-readable",
        "shows pktcEUEUsrIMPICredentials to a GET (violates 6.5 ¶2: CL-PKTC-EUE-USER-MIB, a read always returns an empty string)",
        ["EUE-PROV-6.5-01"], new ShowsCredentials());

    public static readonly Mutant ReadOnlyWritable = Agent("read-only-objects-writable",
        "lets a SET write objects the MIB makes read-only (violates 6.5 ¶2: PKT-EUE-DATA's agent, RFC 3416 §4.2.5 notWritable)",
        ["EUE-PROV-6.5-01"], new WritesAnything());

    // ---- management events (PKT-MEM1.5, PKT-EUE-DATA)

    public static readonly Mutant MemVersionWrong = Agent("mem-version-1.5",
        "reports pktcEUEMEMVersion \"1.5\" (violates 6.5 ¶3: CL-PKTC-EUE-EVENT-MIB says \"1.0\")",
        ["EUE-PROV-6.5-02"], new OtherMemVersion());

    public static readonly Mutant NoLocalEventLog = Agent("no-local-event-log",
        "keeps no local event log: pktcDevEventLogTable stays empty (violates 6.5 ¶3: PKT-MEM1.5 local reporting, PKTC-EVENT-MIB's mandatory event group)",
        ["EUE-PROV-6.5-02"], new NoLog());

    sealed class FixedReceiverAddress(bool ipv6) : ConfigFileRules
    {
        public override IPAddress? ReceiverAddress(NotificationReceiver r, IpAddressingMode mode) => ipv6 ? r.Ipv6Address ?? r.Ipv4Address : r.Ipv4Address;
    }

    sealed class AlwaysInform : ConfigFileRules
    {
        public override NotificationReceiverType ReceiverType(NotificationReceiver r) => NotificationReceiverType.SnmpV2cInform;
    }

    sealed class DefaultRetries : ConfigFileRules
    {
        public override int ReceiverRetries(NotificationReceiver r) => NotificationReceiver.DefaultRetries;
    }

    sealed class Port162 : ConfigFileRules
    {
        public override int ReceiverPort(NotificationReceiver r) => NotificationReceiver.DefaultUdpPort;
    }

    sealed class WithoutEueArc : EueAgentPolicy
    {
        static readonly ObjectIdentifier CableLabs = ObjectIdentifier.Parse("1.3.6.1.4.1.4491");
        public override IReadOnlyList<ObjectIdentifier> Subtrees(IReadOnlyList<ObjectIdentifier> standard) =>
            [.. standard.Where(s => !s.Equals(CableLabs)), ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.1"), ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.3")];
    }

    sealed class ShowsCredentials : EueAgentPolicy
    {
        public override bool ConcealsOnRead(MibObject column) => false;
    }

    sealed class WritesAnything : EueAgentPolicy
    {
        public override bool Writable(MibObject obj) => true;
    }

    sealed class OtherMemVersion : EueAgentPolicy
    {
        public override string MemVersion => "1.5";
    }

    sealed class NoLog : EueAgentPolicy
    {
        public override bool LogsEventsLocally => false;
    }
}
