using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Ipv4;

namespace EUeConformance.Steps.Dns;

/// <summary>
/// The eUE as a DNS client (EUE-PROV 6.1.2, pkt-eue-2): well-formed RFC 1035 queries, sent only to the DNS
/// servers DHCP gave it (option 6 in IPv4 mode, option 23 in IPv6 mode: 6.1.2 ¶2, as a renewal may have
/// changed them: 6.3.5), A queries in IPv4 mode and AAAA queries in IPv6 mode (RFC 3596), for the names it
/// was given, e.g. the provisioning server's FQDN (option 122 sub-option 3, CL_OPTION_CCCV6 sub-option 3).
/// </summary>
[Binding]
public sealed class DnsClientSteps(Lab lab)
{
    bool FromEue(EvidenceEvent e) =>
        Traffic.From(Traffic.Dns, "QUERY")(e) && EueDhcpv4Wire.EueAddresses(lab).Contains(e.Peer.Address);

    /// <summary>The DNS servers the eUE had been given when it sent <paramref name="query"/>: the last ACK's option 6, the last REPLY's option 23.</summary>
    IReadOnlyList<IPAddress> GivenServers(EvidenceEvent query) =>
        EueDhcpv4Wire.LastGiven(lab, a => a.DomainNameServers, r => r.DnsServers, query);

    /// <summary>The provisioning server's FQDN the eUE was last given (122.3 or CCCV6.3), or null when it was an address.</summary>
    string? ProvisioningServerFqdn()
    {
        var reply = lab.Seen(e => e.Direction == Direction.Sent
            && ((e.Service == Traffic.EueDhcpv4 && e.Message is DhcpMessage { MessageType: DhcpMessageType.Ack } a && !a.YiAddr.Equals(IPAddress.Any))
                || (e.Service == Traffic.EueDhcpv6 && e.Message is Dhcp6Message { Type: Dhcp6MessageType.Reply }))).LastOrDefault();
        return reply?.Message switch
        {
            DhcpMessage a => a.ClientConfiguration?.ProvisioningServer?.Fqdn,
            Dhcp6Message r => r.CableLabs?.Cccv6?.ProvSnmpEntity?.Fqdn,
            _ => null,
        };
    }

    /// <summary>RFC 1035 §4.1: a standard query with one question of class IN, for <paramref name="type"/>.</summary>
    IEnumerable<string> QueryProblems(EvidenceEvent e)
    {
        var m = e.Message<DnsMessage>();
        if (m.Opcode != DnsOpcode.Query) yield return $"opcode {m.Opcode}, not QUERY";
        if (m.Questions.Count != 1) yield return $"{m.Questions.Count} questions, not one";
        else if (m.Questions[0].Class != DnsClass.In) yield return $"class {m.Questions[0].Class}, not IN";
        if (m.Answers.Count > 0 || m.Authorities.Count > 0) yield return "answer or authority records in a query";
        if (e.Local.Port != DnsPort) yield return $"sent to port {e.Local.Port}, not 53";
        var given = GivenServers(e);
        if (!given.Contains(e.Local.Address)) yield return $"sent to {e.Local.Address}, which is not among the DNS servers DHCP gave ({EueDhcpv4Wire.Describe(given)})";
    }

    const int DnsPort = 53;

    [Then(@"^the eUE resolves the provisioning server's FQDN with an? (A|AAAA) query to (?:a|the) DNS server it was given(?: within (\d+) s of its DHCP lease)?$")]
    public async Task ThenResolvesProvisioningServer(string type, int? seconds)
    {
        var wanted = type == "A" ? DnsType.A : DnsType.Aaaa;
        bool ForTheName(EvidenceEvent e) => FromEue(e) && ProvisioningServerFqdn() is { } fqdn && e.Message<DnsMessage>().Questions is [var q]
            && q.Name.EqualsIgnoreCase(DnsName.Parse(fqdn));
        var bound = lab.Boot;
        EvidenceEvent? lease = null;
        if (seconds is { } s)
        {
            // The bound runs from the reply that gave the eUE its address and resolvers.
            lease = await lab.AwaitAsync("the eUE's DHCP lease", e => e.Direction == Direction.Sent
                && ((e.Service == Traffic.EueDhcpv4 && e.Message is DhcpMessage { MessageType: DhcpMessageType.Ack } a && !a.YiAddr.Equals(IPAddress.Any))
                    || (e.Service == Traffic.EueDhcpv6 && e.Message is Dhcp6Message { Type: Dhcp6MessageType.Reply })), lab.Boot);
            bound = TimeSpan.FromSeconds(s) - (lab.Network.Fabric.Clock.GetUtcNow() - lease.At);
        }
        EvidenceEvent query;
        try
        {
            query = await lab.AwaitAsync($"{type} query from the eUE for the provisioning server's FQDN",
                e => ForTheName(e) && e.Message<DnsMessage>().Questions[0].Type == wanted, bound, missingFails: lease is not null, protocol: "dns");
        }
        catch (Exception x) when (x is not ConformanceFailure && lab.Seen(ForTheName).FirstOrDefault() is { } other)
        {
            // RFC 3596 / 6.1.2: the mode decides the record type; a query for the name of another type is the device's fault.
            throw lab.Fail($"the eUE looked the name up for {DnsTypeDefinitions.Mnemonic(other.Message<DnsMessage>().Questions[0].Type)} records",
                expected: $"an {type} query ({(wanted == DnsType.Aaaa ? "IPv6 mode, RFC 3596" : "IPv4 mode")})", seen: other.Message<DnsMessage>().Questions[0].ToString(), other);
        }
        var problems = QueryProblems(query).ToList();
        if (problems.Count > 0)
            throw lab.Fail("the eUE's DNS query breaks pkt-eue-2", expected: "an RFC 1035 §4.1 standard query, one IN question, to a DNS server DHCP gave (6.1.2)", seen: string.Join("; ", problems), query);
        lab.Witness(query, $"{type} query for {query.Message<DnsMessage>().Questions[0].Name} to {query.Local.Address}");
    }

    /// <summary>6.1.2 ¶2: queries go to the servers DHCP gave, and (RFC 3596 in IPv6 mode) ask for the address type of the mode.</summary>
    [Then(@"^every DNS query of the eUE is a well-formed (A|AAAA) query to a DNS server it was given at that time$")]
    public void ThenEveryQuery(string type)
    {
        var wanted = type == "A" ? DnsType.A : DnsType.Aaaa;
        var queries = lab.Seen(FromEue);
        if (queries.Count == 0) throw ScenarioContext.Inconclusive("the eUE sent no DNS query");
        foreach (var q in queries)
        {
            var problems = QueryProblems(q).ToList();
            if (q.Message<DnsMessage>().Questions is [var question] && question.Type != wanted)
                problems.Add($"it asks for {DnsTypeDefinitions.Mnemonic(question.Type)} records");
            if (problems.Count > 0)
                throw lab.Fail("a DNS query of the eUE breaks the pkt-eue-2 rules", expected: $"{type} queries (RFC 1035 §4.1{(wanted == DnsType.Aaaa ? ", RFC 3596" : "")}) to the DHCP-given servers",
                    seen: string.Join("; ", problems), q);
        }
        lab.Witness(queries[^1], $"{queries.Count} DNS queries of the eUE, all to given servers");
    }
}
