using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Flows;

/// <summary>
/// The Basic and Hybrid flows after DHCP as the headend sees them (pkt-eue-4: SNMP with the Provisioning Server;
/// pkt-eue-5: the Configuration Server; pkt-eue-6: syslog): the eUE's lease, its enrollment and status INFORMs,
/// the eUE-19 SET and its answer, its DNS lookups, file requests and syslog events, in order. SNMP requests of the
/// scenario's own (incremental provisioning, the eCM's objects) go out through the Provisioning Server's command
/// generator, on the fabric's actor context. Scenario-scoped; every wait names its bound.
/// </summary>
public sealed class FlowWire(Lab lab)
{
    public Lab Lab => lab;

    // ---------------------------------------------------------------- the lease (end of eUE-4 / MTA-4)

    /// <summary>The eUE's lease: the first DHCPv6 REPLY or DHCPv4 ACK the headend sent it.</summary>
    public Task<EvidenceEvent> LeaseAsync() =>
        lab.AwaitAsync("the eUE's lease (DHCPv6 REPLY or DHCPv4 ACK)", IsLease, lab.Boot);

    public static bool IsLease(EvidenceEvent e) =>
        e.Direction == Direction.Sent && (e.Service == Traffic.EueDhcpv6 && e.Kind == "REPLY" || e.Service == Traffic.EueDhcpv4 && e.Kind == "ACK");

    /// <summary>Table 5 "restart with eUE-1": a SOLICIT (IPv6) or DISCOVER (IPv4) from the eUE.</summary>
    public static bool IsNewStart(EvidenceEvent e) =>
        e.Direction == Direction.Received && e.Error is null && (e.Service == Traffic.EueDhcpv6 && e.Kind == "SOLICIT" || e.Service == Traffic.EueDhcpv4 && e.Kind == "DISCOVER");

    public static EvidenceCursor After(EvidenceEvent e) => new(e.Sequence);

    // ---------------------------------------------------------------- pkt-eue-4

    public static bool IsInformFromEue(EvidenceEvent e) =>
        e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Received && e.Message is ProvisioningNotification;

    public static bool IsEnrollment(EvidenceEvent e) => IsInformFromEue(e) && ((ProvisioningNotification)e.Message!).IsEnrollment;
    public static bool IsStatusReport(EvidenceEvent e) => IsInformFromEue(e) && ((ProvisioningNotification)e.Message!).IsStatus;

    public static bool IsSet(EvidenceEvent e) => e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Sent && e.Kind == "SetRequest";

    /// <summary>The eUE's Response to the eUE-19 SET (its request-id answers the SET's).</summary>
    public async Task<(EvidenceEvent Set, EvidenceEvent Response)> SetAnsweredAsync(TimeSpan within)
    {
        var set = await lab.AwaitAsync("the Provisioning Server's eUE-19 SET", IsSet, within);
        int id = ((Pdu)set.Message!).RequestId;
        var response = await lab.AwaitAsync("the eUE's Response to the eUE-19 SET",
            e => e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Received && e.Message is Pdu { Type: PduType.Response } p && p.RequestId == id,
            within, After(set), missingFails: true, protocol: "snmp");
        return (set, response);
    }

    /// <summary>The provisioning state a status INFORM reports (pktcMtaDevProvisioningState of either MTA MIB), or null.</summary>
    public static int? ReportedState(EvidenceEvent e) =>
        e.Message is ProvisioningNotification { Mib: { } mib } n ? mib.StateIn(n.Pdu.VarBinds) : null;

    // ---------------------------------------------------------------- pkt-eue-2 and pkt-eue-5

    public static bool IsQueryFor(EvidenceEvent e, string name) =>
        e.Service == Traffic.Dns && e.Direction == Direction.Received && e.Message is DnsMessage { IsResponse: false } q
        && q.Questions.Any(x => x.Name.ToString().TrimEnd('.').Equals(name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    public static DnsType? QueryType(EvidenceEvent e) => e.Message is DnsMessage q ? q.Questions.FirstOrDefault()?.Type : null;

    public static bool IsAnswerFor(EvidenceEvent e, string name) =>
        e.Service == Traffic.Dns && e.Direction == Direction.Sent && e.Message is DnsMessage { IsResponse: true } r
        && r.Questions.Any(x => x.Name.ToString().TrimEnd('.').Equals(name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The eUE's TFTP read request for <paramref name="file"/>.</summary>
    public static Func<EvidenceEvent, bool> ReadRequestFor(string file) =>
        e => Traffic.From(Traffic.Tftp, "RRQ")(e) && e.Message<TftpReadRequest>().Filename.TrimStart('/') == file.TrimStart('/');

    /// <summary>An HTTP request of the eUE for <paramref name="path"/>.</summary>
    public static Func<EvidenceEvent, bool> HttpRequestFor(string path) =>
        e => e.Service == Traffic.Http && e.Direction == Direction.Received && e.Error is null && e.Message is Protocols.Http.HttpRequest r
             && r.Path.TrimStart('/') == path.TrimStart('/');

    /// <summary>The last DATA the Configuration Server sent for the transfer the read request started (the file received).</summary>
    public static bool IsData(EvidenceEvent e) => e.Service == Traffic.Tftp && e.Direction == Direction.Sent && e.Kind == "DATA";

    public static bool IsProvisioningCompleteEvent(EvidenceEvent e) =>
        e.Service == Traffic.Syslog && e.Direction == Direction.Received && e.Error is null && e.Message is Protocols.Syslog.SyslogMessage m
        && m.MsgText.Contains("provisioning complete", StringComparison.OrdinalIgnoreCase);

    public static bool IsKerberos(EvidenceEvent e) =>
        e.Direction == Direction.Received && (e.Service == "kdc" || e.Service == Traffic.Dns && e.Message is DnsMessage q
            && q.Questions.Any(x => x.Type == DnsType.Srv && x.Name.ToString().StartsWith("_kerberos", StringComparison.OrdinalIgnoreCase)));

    // ---------------------------------------------------------------- the eUE's and the eCM's addresses

    /// <summary>The address the eUE's lease gave it (its SNMP agent answers there, 6.2.1.2).</summary>
    public static IPAddress LeasedAddress(EvidenceEvent lease) => lease.Message switch
    {
        Dhcp6Message m when m.IaNa?.Addresses.FirstOrDefault() is { } a => a.Address,
        DhcpMessage m => m.YiAddr,
        _ => throw new InvalidOperationException($"evidence #{lease.Sequence} is not a lease"),
    };

    public IPAddress EcmAddress => lab.Plan.EcmProvisioning.Primary == Device.Options.IpAddressingMode.Ipv4 ? LabAddresses.EcmV4 : LabAddresses.EcmV6;

    // ---------------------------------------------------------------- SNMP of the scenario's own

    public ProvisioningServer Server => lab.Headend.ProvisioningServer as ProvisioningServer
        ?? throw ScenarioContext.Inconclusive("the headend's own Provisioning Server is not running: the scenario's SNMP requests need its command generator");

    /// <summary>The community the Provisioning Server uses for its SNMPv2c requests (IXIT of the Hybrid flow).</summary>
    public string Community => lab.Headend.Database.Provisioning.Community;

    /// <summary>One request to <paramref name="agent"/> (UDP 161), SNMPv2c with <paramref name="community"/>; null when it timed out.</summary>
    public async Task<SnmpResponse?> RequestAsync(IPAddress agent, Pdu pdu, string? community = null)
    {
        var server = Server;
        var target = SnmpTarget.V2c(new IPEndPoint(agent, lab.Headend.Database.Provisioning.AgentPort), community ?? Community)
            with { Timeout = TimeSpan.FromSeconds(5), Retries = 2 };
        try
        {
            return await lab.Network.Fabric.InvokeAsync<SnmpResponse>(() => server.Requester.RequestAsync(target, pdu, lab.Scenario.Cancellation));
        }
        catch (SnmpTimeoutException) { return null; }
    }

    public async Task<SnmpResponse> GetAsync(IPAddress agent, string what, params ObjectIdentifier[] names)
    {
        var r = await RequestAsync(agent, Pdu.Request(PduType.GetRequest, 0, names));
        return r ?? throw lab.Fail($"the agent at {agent} did not answer a GET of {what}", expected: "a Response", seen: "no answer after 3 tries of 5 s");
    }

    public async Task<SnmpResponse> SetAsync(IPAddress agent, string what, params VarBind[] varBinds)
    {
        var r = await RequestAsync(agent, new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0, varBinds));
        return r ?? throw lab.Fail($"the agent at {agent} did not answer the SET of {what}", expected: "a Response", seen: "no answer after 3 tries of 5 s");
    }

    public static string Describe(IReadOnlyList<VarBind> varBinds) =>
        string.Join(", ", varBinds.Select(v => $"{Protocols.Snmp.Mibs.MibNames.Describe(v.Name)} = {v.Value}"));

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static bool IsV6(IPAddress a) => a.AddressFamily == AddressFamily.InterNetworkV6;
}
