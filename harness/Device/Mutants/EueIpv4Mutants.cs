using System.Net;
using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Syslog;
using static EUeConformance.Device.Mutants.Deviations;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Mutants of the eUE in IPv4 mode and of what both modes share (EUE-PROV 6.1.1 ¶3 pkt-eue-1, 6.1.2 pkt-eue-2, 6.1.6
/// pkt-eue-6, 6.3.3, 6.3.5 renewals, 6.4.1.1, 6.6.1 and Annex A capabilities; features/pkt-eue-1-dhcpv4,
/// eue-ipv4-provisioning, post-initialization-dhcpv4, dhcpv6-post-initialization, eue-capabilities, pkt-eue-2-dns,
/// pkt-eue-6-syslog, eue-dhcp-server-options).
/// </summary>
public static class EueIpv4Mutants
{
    // ---------------------------------------------------------------- 6.1.1 ¶3: RFC 2131

    public static readonly Mutant NotRandomized = new("eue-dhcpv4-backoff-not-randomized",
        "the eUE retransmits its DHCPv4 messages at exactly 4, 8, 16… s, without the randomization RFC 2131 §4.1 asks for (violates 6.1.1 ¶3) (6.2.1.2-06 may change with it: the pkt-eue-1 scenarios also stand for that umbrella of the eUE's interfaces)",
        Ids("6.1.1-01a"),
        o => o.Behave(b => b with { EueDhcpv4Rules = new Deterministic() }))
    { BlastRadius = Ids("6.2.1.2-06") };

    public static readonly Mutant IgnoresNak = new("eue-ignores-nak",
        "the eUE ignores a DHCPNAK and keeps retransmitting its DHCPREQUEST (violates 6.1.1 ¶3, RFC 2131 §4.4.1) (6.2.1.2-06 may change with it: the pkt-eue-1 scenarios also stand for that umbrella of the eUE's interfaces)",
        Ids("6.1.1-01a", "6.3.3-02"),
        o => o.Behave(b => b with { EueDhcpv4Rules = new DeafToNak() }))
    { BlastRadius = Ids("6.2.1.2-06") };

    public static readonly Mutant AcceptsForeignTransaction = new("eue-dhcpv4-accepts-foreign-transaction-id",
        "the eUE takes an OFFER whatever its transaction id (violates 6.1.1 ¶3, RFC 2131 §4.4.1) (6.2.1.2-06 may change with it: the pkt-eue-1 scenarios also stand for that umbrella of the eUE's interfaces)",
        Ids("6.1.1-01a"),
        o => o.Behave(b => b with { EueDhcpv4Rules = new AnyTransaction() }))
    { BlastRadius = Ids("6.2.1.2-06") };

    public static readonly Mutant ConfiguresFromOffer = new("eue-configures-from-offer",
        "the eUE configures its DNS and syslog servers from the OFFER where the ACK names others (violates 6.1.1 ¶3, RFC 2131 §4.4.1)",
        Ids("6.1.1-01a", "6.1.2-01a", "6.1.6-02"),
        o => o.Behave(b => b with { OfferAcceptance = new OfferWins() }));

    public static readonly Mutant RenewsByBroadcast = new("eue-renews-by-broadcast",
        "the eUE broadcasts its renewal REQUESTs from T1 instead of unicasting them to its server (violates 6.1.1 ¶3, RFC 2131 §4.4.5) (6.2.1.2-06 may change with it: the pkt-eue-1 scenarios also stand for that umbrella of the eUE's interfaces)",
        Ids("6.1.1-01a"),
        o => o.Behave(b => b with { EueDhcpv4Rules = new BroadcastRenewal() }))
    { BlastRadius = Ids("6.2.1.2-06") };

    // ---------------------------------------------------------------- 6.3.3: RFC 4361 client identifier

    public static readonly Mutant HardwareClientIdentifier = new("client-identifier-hardware-type",
        "the eUE's option 61 is the RFC 2132 hardware form (type 1 and its MAC) instead of RFC 4361's type 255, IAID and DUID (violates 6.3.3)",
        Ids("6.3.3-02"),
        o => o.Behave(b => b with { EueDhcpv4Options = new HardwareClientId() }));

    // ---------------------------------------------------------------- 6.6.1, Annex A: capabilities

    /// <summary>Issue 8: "capability 5.1 = 1".</summary>
    public static readonly Mutant CapabilityVersion1 = new("capability-5-1-is-1",
        "the eUE reports PacketCable version 1 (TLV 5.1 = 1) instead of 2 in option 60 and CL_OPTION_MODEM_CAPABILITIES (violates Annex A.2); blast radius: the other capability checks (6.6.1-01a, A.1-01, A.2-02) read the same option 60 / capabilities",
        Ids("A.2-01"),
        o => Capabilities(o, tlvs => [.. tlvs.Select(t => t.Type == EueCapability.PacketCableVersion ? (t.Type, new byte[] { 1 }) : t)]))
    { BlastRadius = Ids("6.6.1-01a", "A.1-01", "A.2-02") };

    public static readonly Mutant NoCapability526 = new("capability-5-26-missing",
        "the eUE leaves TLV 5.26 (Certificate Bootstrapping support) out of its capabilities (violates Annex A.2); blast radius: the other capability checks (6.6.1-01a, A.1-01, A.2-01) read the same option 60 / capabilities",
        Ids("A.2-02"),
        o => Capabilities(o, tlvs => [.. tlvs.Where(t => t.Type != EueCapability.CertificateBootstrappingSupport)]))
    { BlastRadius = Ids("6.6.1-01a", "A.1-01", "A.2-01") };

    public static readonly Mutant NoCapability54 = new("capability-5-4-missing",
        "the eUE leaves TLV 5.4 (HTTP file download support) out of its capabilities (violates Annex A.1); blast radius: the other capability checks (6.6.1-01a, A.2-01, A.2-02) read the same option 60 / capabilities",
        Ids("A.1-01"),
        o => Capabilities(o, tlvs => [.. tlvs.Where(t => t.Type != EueCapability.HttpDownloadFileAccessMethodSupport)]))
    { BlastRadius = Ids("6.6.1-01a", "A.2-01", "A.2-02") };

    public static readonly Mutant Option60Pktc15 = new("option-60-pktc1-5",
        "in IPv4 mode the eUE's option 60 begins \"pktc1.5:\" instead of \"pktc2.0:\" (violates 6.6.1 bullet 1); blast radius: the other capability checks (A.1-01, A.2-01, A.2-02) read the same option 60",
        Ids("6.6.1-01a"),
        o => o.Behave(b => b with { EueDhcpv4Options = new Option60(caps => new DeviceCapabilities(DeviceCapabilities.MtaPrefix15, caps.ForOption60().Capabilities)) }))
    { BlastRadius = Ids("A.1-01", "A.2-01", "A.2-02") };

    // ---------------------------------------------------------------- 6.1.2: DNS

    public static readonly Mutant DnsFirstServerOnly = new("dns-first-server-only",
        "the eUE asks only the first DNS server DHCP gave and never the next one when the first is silent (violates 6.1.2)",
        Ids("6.1.2-01a"),
        o => o.Behave(b => b with { Dns = new FirstDnsServer() }));

    // ---------------------------------------------------------------- 6.1.6: syslog

    /// <summary>Issue 8: "using the second syslog server".</summary>
    public static readonly Mutant SecondSyslogServer = new("syslog-second-server",
        "given several syslog servers the eUE sends its management events to the second one instead of the first (violates 6.1.6 ¶3); blast radius: the renewal scenario with new syslog servers (6.3.5-03b) sees the events go to the second one",
        Ids("6.1.6-02"),
        o => o.Behave(b => b with { Syslog = new SecondServer() }))
    { BlastRadius = Ids("6.3.5-03b") };

    public static readonly Mutant SyslogFacilityUser = new("syslog-facility-user",
        "the eUE sends its management events with syslog facility user (1) instead of local0 (violates 6.1.6, PKT-MEM1.5); blast radius: the other syslog scenarios (6.1.1-01a, 6.1.6-02, 6.3.5-03b) judge the same messages",
        Ids("6.1.6-01a"),
        o => o.Behave(b => b with { Syslog = new UserFacility() }))
    { BlastRadius = Ids("6.1.1-01a", "6.1.6-02", "6.3.5-03b") };

    // ---------------------------------------------------------------- 6.4.1.1: option 122 on the eUE side

    public static readonly Mutant ProvisioningServerFromDomain = new("provisioning-server-from-domain-name",
        "in IPv4 mode the eUE ignores option 122 sub-option 3 and looks for its provisioning server as prov.<its domain> (violates 6.4.1.1)",
        Ids("6.4.1.1-01b"),
        o => o.Behave(b => b with { EueConfiguration = new ProvisioningServerGuessed() }));

    // ---------------------------------------------------------------- 6.3.5: renewals (both modes)

    public static readonly Mutant RenewalKeepsAddress = new("renewal-ignores-new-address",
        "when a renewal's ACK / REPLY gives another address the eUE goes on with the old one instead of starting over at eUE-1 (violates 6.3.5 ¶3, ¶8)",
        Ids("6.3.5-01", "6.3.5-05"),
        o => o.Behave(b => b with { Renewal = new AddressChangeIgnored() }));

    /// <summary>Issue 8: "ignoring a changed DNS server on renewal".</summary>
    public static readonly Mutant RenewalIgnoresDns = new("renewal-ignores-new-dns-servers",
        "the eUE keeps using its old DNS servers after a renewal named new ones (violates 6.3.5 ¶5, ¶9)",
        Ids("6.3.5-03a", "6.3.5-06a"),
        o => o.Behave(b => b with { Renewal = new DnsChangeIgnored() }));

    public static readonly Mutant RenewalIgnoresSyslog = new("renewal-ignores-new-syslog-servers",
        "the eUE keeps sending its events to its old syslog servers after a renewal named new ones (violates 6.3.5 ¶5, ¶9); blast radius: 6.1.6-02 shares the renewal scenario of 6.3.5-03b",
        Ids("6.3.5-03b", "6.3.5-06b"),
        o => o.Behave(b => b with { Renewal = new SyslogChangeIgnored() }))
    { BlastRadius = Ids("6.1.6-02") };

    /// <summary>Issue 8: "reinitializing on a changed hostname".</summary>
    public static readonly Mutant RenewalReinitializesOnName = new("renewal-reinitializes-on-new-host-name",
        "the eUE starts over at eUE-1 when a renewal changes its host name / FQDN, which it must ignore (violates 6.3.5 ¶6, ¶10)",
        Ids("6.3.5-04", "6.3.5-07"),
        o => o.Behave(b => b with { Renewal = new NameChangeReinitializes() }));

    public static readonly Mutant RenewWithoutFqdn = new("renew-without-fqdn",
        "the eUE's RENEW and REBIND carry an empty OPTION_FQDN instead of the last FQDN it was given (violates 6.3.5 ¶11); blast radius: 6.3.5-07 watches the same RENEW",
        Ids("6.3.5-08"),
        o => o.Behave(b => b with { Renewal = new EmptyRenewalFqdn() }))
    { BlastRadius = Ids("6.3.5-07") };

    // ---------------------------------------------------------------- the mutants' policies

    /// <summary>The capability TLVs as the eUE reports them, changed, in option 60 and in CL_OPTION_MODEM_CAPABILITIES alike.</summary>
    static ReferenceDeviceOptions Capabilities(ReferenceDeviceOptions o, Func<IReadOnlyList<(byte Type, byte[] Value)>, IReadOnlyList<(byte Type, byte[] Value)>> change) =>
        o.Behave(b => b with
        {
            EueDhcpv4Options = new Option60(caps => new DeviceCapabilities(DeviceCapabilities.EuePrefix, new SubOptionList(change(caps.Tlvs()).Select(t => new SubOption(t.Type, t.Value))))),
            EueSolicit = new ModemCapabilitiesEdit(caps => new ModemCapabilities([.. change(caps.Tlvs()).Select(t => new CapabilityTlv(t.Type, t.Value))])),
        });

    sealed class Deterministic : Dhcpv4ClientRules
    {
        public override bool RandomizesRetransmissions => false;
    }

    sealed class DeafToNak : Dhcpv4ClientRules
    {
        public override bool HonoursNak => false;
    }

    sealed class AnyTransaction : Dhcpv4ClientRules
    {
        public override bool BelongsToExchange(DhcpMessage reply, uint transactionId, byte[] mac) => base.BelongsToExchange(reply, reply.Xid, mac);
    }

    sealed class BroadcastRenewal : Dhcpv4ClientRules
    {
        public override bool RenewsByUnicast => false;
    }

    sealed class OfferWins : OfferAcceptance
    {
        public override DhcpMessage ConfiguresFrom(DhcpMessage offer, DhcpMessage ack) => offer;
    }

    /// <summary>Option 61 rebuilt from the eCM's MAC (used by <see cref="EueIpv6Mutants.EcmMacInDuid"/>).</summary>
    internal sealed class EcmMacClientIdentifier : EueDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(DeviceIdentity identity, EueCapabilities capabilities) =>
            [.. base.Build(identity, capabilities).Select(o => o.Code == DhcpOptionCode.ClientIdentifier
                ? ClientIdentifier.Rfc4361(EueDuid.Iaid, EueDuid.For(identity.EcmMac)).ToOption() : o)];
    }

    sealed class HardwareClientId : EueDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(DeviceIdentity identity, EueCapabilities capabilities) =>
            [.. base.Build(identity, capabilities).Select(o => o.Code == DhcpOptionCode.ClientIdentifier
                ? ClientIdentifier.FromHardwareAddress(1, identity.EueMac.GetAddressBytes()).ToOption() : o)];
    }

    sealed class Option60(Func<EueCapabilities, DeviceCapabilities> capabilities) : EueDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(DeviceIdentity identity, EueCapabilities caps) =>
            [.. base.Build(identity, caps).Select(o => o.Code == DhcpOptionCode.VendorClassIdentifier ? capabilities(caps).ToOption() : o)];
    }

    sealed class ModemCapabilitiesEdit(Func<EueCapabilities, ModemCapabilities> capabilities) : EueSolicitBuilder
    {
        public override EueSolicitParameters Parameters(DeviceIdentity identity, EueCapabilities caps, Duid duid, uint transactionId, ushort elapsed) =>
            base.Parameters(identity, caps, duid, transactionId, elapsed) with { ModemCapabilities = capabilities(caps) };
    }

    sealed class FirstDnsServer : DnsClientPolicy
    {
        public override IReadOnlyList<IPAddress> Servers(IReadOnlyList<IPAddress> given) => [.. given.Take(1)];
    }

    sealed class SecondServer : SyslogPolicy
    {
        public override IPAddress? Server(IReadOnlyList<IPAddress> servers) => servers.Count > 1 ? servers[1] : base.Server(servers);
    }

    sealed class UserFacility : SyslogPolicy
    {
        public override SyslogPriority Priority(SyslogSeverity level) => new(SyslogFacility.User, level);
    }

    sealed class ProvisioningServerGuessed : EueConfigurationPolicy
    {
        public override EueIpConfiguration Configure(EueIpConfiguration fromReply) =>
            fromReply is { Mode: IpAddressingMode.Ipv4, Fqdn: { } fqdn } && fqdn.IndexOf('.') is > 0 and var dot
                ? fromReply with { ProvisioningServer = new ProvisioningServerLocation("prov." + fqdn[(dot + 1)..], null) }
                : fromReply;
    }

    sealed class AddressChangeIgnored : RenewalPolicy
    {
        public override RenewalDecision Decide(EueIpConfiguration current, EueIpConfiguration renewed) =>
            base.Decide(current, renewed with { Address = current.Address });
    }

    sealed class DnsChangeIgnored : RenewalPolicy
    {
        public override RenewalDecision Decide(EueIpConfiguration current, EueIpConfiguration renewed) =>
            base.Decide(current, renewed with { DnsServers = current.DnsServers });
    }

    sealed class SyslogChangeIgnored : RenewalPolicy
    {
        public override RenewalDecision Decide(EueIpConfiguration current, EueIpConfiguration renewed) =>
            base.Decide(current, renewed with { SyslogServers = current.SyslogServers });
    }

    sealed class NameChangeReinitializes : RenewalPolicy
    {
        public override RenewalDecision Decide(EueIpConfiguration current, EueIpConfiguration renewed) =>
            current.Fqdn != renewed.Fqdn ? new(RenewalAction.Reinitialize, ["host name"], renewed) : base.Decide(current, renewed);
    }

    sealed class EmptyRenewalFqdn : RenewalPolicy
    {
        public override ClientFqdn RenewalFqdn(string? lastKnownFqdn) => base.RenewalFqdn(null);
    }
}
