using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// EUE-PROV 6.3.5, DHCPv6: the eUE's renewal (RENEW at T1, REBIND at T2, RFC 3315 §18.1.3-4) and what it does
/// with what changed in the REPLY: a new address restarts eUE-1, new DNS and syslog servers are used for what
/// comes next, everything else is ignored; RENEW and REBIND carry the FQDN it has.
/// </summary>
[Binding]
public sealed class RenewalSteps(Lab lab, EueIpv6Wire wire, ScenarioContext scenario)
{
    public const string FileHeldBack = "renewal.file-held-back";
    const string RenewalReply = "renewal.reply";

    static Dhcp6Message M(EvidenceEvent e) => EueIpv6Wire.Dhcp(e);

    static bool IsRenewal(EvidenceEvent e) => EueIpv6Wire.FromEue("RENEW")(e) || EueIpv6Wire.FromEue("REBIND")(e);

    /// <summary>By T2 the client has at least begun to REBIND (RFC 3315 §18.1.4); the lease starts after DAD, and RTs carry ±10 %.</summary>
    static TimeSpan RenewalBound(EvidenceEvent reply)
    {
        var ia = M(reply).IaNa;
        double t2 = ia is { T2: > 0 } ? ia.T2 : 0.8 * (ia?.Addresses.FirstOrDefault()?.PreferredLifetime ?? 3600);
        return TimeSpan.FromSeconds(t2 * (1 + Rand)) + RetransTimer + TimeSpan.FromSeconds(1);
    }

    [When(@"^the eUE renews its lease$")]
    public async Task WhenRenews()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        scenario["first.reply"] = reply;
        var renew = await lab.AwaitAsync("RENEW or REBIND from the eUE", IsRenewal, RenewalBound(reply), EvidenceCursor.After(reply), protocol: "dhcpv6");
        uint xid = M(renew).TransactionId;
        var answer = await lab.AwaitAsync("headend's REPLY to the renewal", e => EueIpv6Wire.ToEue("REPLY")(e) && M(e).TransactionId == xid, lab.Boot, EvidenceCursor.After(renew));
        scenario[RenewalReply] = answer;
        if (scenario[FileHeldBack] is true) lab.Headend.Tftp.Overrides.Clear();
        lab.Witness(renew, $"the eUE's {renew.Kind}");
        lab.Witness(answer, "the REPLY to it");
    }

    EvidenceEvent Renewed() => scenario.Get<EvidenceEvent>(RenewalReply);
    EvidenceEvent FirstReply() => scenario.Get<EvidenceEvent>("first.reply");

    [Then(@"^the eUE solicits again after the renewal$")]
    public async Task ThenSolicitsAgain()
    {
        var renewed = Renewed();
        var solicit = await wire.AwaitAsync("SOLICIT", EvidenceCursor.After(renewed), lab.Profile.Ixit.Timeouts.Step, missingFails: true,
            what: "SOLICIT after the renewal REPLY changed the eUE's address");
        lab.Witness(renewed, $"the renewal REPLY with {wire.LeasedAddress(renewed)}");
        lab.Witness(solicit, "eUE-1 again");
    }

    [Then(@"^for (\d+) seconds after the renewal the eUE does not solicit$")]
    public async Task ThenNoReinit(int seconds)
    {
        var renewed = Renewed();
        await wire.AwaitSilenceAsync("a SOLICIT, reinitialising, after a renewal that called for none", EueIpv6Wire.FromEue("SOLICIT"),
            EvidenceCursor.After(renewed), renewed.At + TimeSpan.FromSeconds(seconds), protocol: "dhcpv6");
        lab.Witness(renewed, $"the renewal REPLY; no SOLICIT in the {seconds} s after");
    }

    async Task<EvidenceEvent> NextAfterRenewalAsync(string what, Func<EvidenceEvent, bool> match, string protocol)
    {
        var ecm = EueTraffic.EcmAddresses(lab);
        return await lab.AwaitAsync(what, e => match(e) && !EueTraffic.FromAny(e, ecm), lab.Boot, EvidenceCursor.After(Renewed()), protocol: protocol);
    }

    [Then(@"^the eUE's next DNS query goes to (\S+)$")]
    public async Task ThenDnsTo(string address)
    {
        var expected = IPAddress.Parse(address);
        var query = await NextAfterRenewalAsync("DNS query from the eUE after the renewal", Traffic.From(Traffic.Dns, "QUERY"), "dns");
        if (!Same(query.Local.Address, expected))
            throw lab.Fail("the eUE's DNS query after the renewal goes to the old server", expected: expected.ToString(), seen: query.Local.Address.ToString(), query);
        lab.Witness(query, $"DNS query {query.Fields.GetValueOrDefault("dns.qry.name")} to {expected}");
    }

    [Then(@"^the eUE's next syslog message goes to (\S+)$")]
    public async Task ThenSyslogTo(string address)
    {
        var expected = IPAddress.Parse(address);
        var message = await NextAfterRenewalAsync("syslog message from the eUE after the renewal", Traffic.From(Traffic.Syslog, "MSG"), "syslog");
        if (!Same(message.Local.Address, expected))
            throw lab.Fail("the eUE's syslog message after the renewal goes to the old server", expected: expected.ToString(), seen: message.Local.Address.ToString(), message);
        lab.Witness(message, $"syslog to {expected}");
    }

    [Then(@"^the eUE still fetches the configuration file its first REPLY named, from the server that REPLY named$")]
    public async Task ThenSameFile()
    {
        var cl = M(FirstReply()).CableLabs ?? throw ScenarioContext.Inconclusive("the first REPLY carries no CableLabs options");
        var rrq = await NextAfterRenewalAsync("configuration file request from the eUE after the renewal", Traffic.EueFileRequest, "tftp");
        foreach (var e in lab.Seen(Traffic.EueFileRequest))
        {
            var file = e.Fields.GetValueOrDefault("tftp.source_file")?.TrimStart('/');
            if (file != cl.ConfigFileName)
                throw lab.Fail("the eUE asks for the file the renewal named", expected: cl.ConfigFileName ?? "", seen: file ?? "(none)", e);
            if (!(cl.TftpServers ?? []).Any(s => Same(s, e.Local.Address)))
                throw lab.Fail("the eUE asks the TFTP server the renewal named", expected: string.Join(", ", cl.TftpServers ?? []), seen: e.Local.Address.ToString(), e);
        }
        lab.Witness(rrq, $"RRQ {cl.ConfigFileName} after the renewal, to {rrq.Local.Address}");
    }

    [Then(@"^the eUE still looks up the provisioning server its first REPLY named$")]
    public async Task ThenSameEntity()
    {
        var fqdn = M(FirstReply()).CableLabs?.Cccv6?.ProvSnmpEntity?.Fqdn?.TrimEnd('.')
            ?? throw ScenarioContext.Inconclusive("the first REPLY names the provisioning server by no FQDN");
        var query = await NextAfterRenewalAsync("DNS query from the eUE after the renewal", Traffic.From(Traffic.Dns, "QUERY"), "dns");
        var name = query.Fields.GetValueOrDefault("dns.qry.name")?.TrimEnd('.');
        if (!string.Equals(name, fqdn, StringComparison.OrdinalIgnoreCase))
            throw lab.Fail("after the renewal the eUE looks up another name than the provisioning server of its first REPLY", expected: fqdn, seen: name ?? "(none)", query);
        lab.Witness(query, $"the provisioning server {fqdn} still");
    }

    [Then(@"^the eUE's next RENEW or REBIND carries the FQDN its first REPLY gave$")]
    public async Task ThenNextRenewalFqdn()
    {
        var renewed = Renewed();
        var next = await lab.AwaitAsync("next RENEW or REBIND from the eUE", IsRenewal, RenewalBound(renewed), EvidenceCursor.After(renewed), protocol: "dhcpv6");
        CheckFqdn(next, FirstReply(), renewed);
    }

    [Then(@"^the eUE's (RENEW|REBIND) carries the FQDN its REPLY gave$")]
    public async Task ThenRenewalFqdn(string kind)
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        var e = await lab.AwaitAsync($"{kind} from the eUE", EueIpv6Wire.FromEue(kind), RenewalBound(reply), EvidenceCursor.After(reply), protocol: "dhcpv6");
        CheckFqdn(e, reply, null);
    }

    /// <summary>6.3.5 ¶11: the eUE's last known FQDN, i.e. the one the server gave at initialisation (a changed one in a renewal is ignored, ¶10).</summary>
    void CheckFqdn(EvidenceEvent message, EvidenceEvent given, EvidenceEvent? renewal)
    {
        var expected = M(given).ClientFqdn?.DomainName.TrimEnd('.') ?? throw ScenarioContext.Inconclusive("the REPLY gave the eUE no FQDN");
        var sent = M(message).ClientFqdn ?? throw lab.Fail($"the {message.Kind} carries no OPTION_FQDN", expected: $"OPTION_FQDN with {expected}", seen: "absent", message);
        var name = sent.DomainName.TrimEnd('.');
        if (name.Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            lab.Witness(message, $"{message.Kind} with OPTION_FQDN {name}");
            return;
        }
        var newer = renewal is null ? null : M(renewal).ClientFqdn?.DomainName.TrimEnd('.');
        if (newer is not null && name.Equals(newer, StringComparison.OrdinalIgnoreCase))
        {
            // The catalog reads "last known" as the initialisation FQDN; the renewal's is a defensible reading: a warning, not a failure.
            scenario.Log($"warning: the {message.Kind} carries the FQDN of the renewal REPLY ({newer}), not the one of initialisation ({expected})");
            scenario.AddEvidence("note", "FQDN reading", $"the eUE sent {newer}, the FQDN of the renewal REPLY; 6.3.5 ¶10 says a changed FQDN is ignored, ¶11 says the last known one is sent");
            lab.Witness(message, $"{message.Kind} with the renewal's FQDN {name} (warning)");
            return;
        }
        throw lab.Fail($"the {message.Kind} does not carry the eUE's FQDN", expected: expected, seen: name.Length == 0 ? "an empty name" : name, message);
    }
}
