using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Ipv4;

namespace EUeConformance.Steps.Syslog;

/// <summary>
/// The eUE's management events by syslog (EUE-PROV 6.1.6, pkt-eue-6, PKT-MEM1.5): BSD syslog (RFC 3164) over UDP
/// to port 514, facility local0, to the first of the syslog servers DHCP gave (option 7 in IPv4 mode,
/// CL_OPTION_SYSLOG_SERVERS in IPv6 mode) and to no other; after a renewal that changed them, to the new first
/// one (6.3.5). The events the scenarios provoke: the provisioning-complete event (eUE-24 / MTA-24) and the
/// time-of-day change event (6.3.2.3: the eCM's ToD changes because its time offset changed at a renewal).
/// </summary>
[Binding]
public sealed class ManagementEventSteps(Lab lab, ScenarioContext scenario)
{
    bool FromEue(EvidenceEvent e) =>
        e.Service == Traffic.Syslog && e.Direction == Direction.Received && EueDhcpv4Wire.EueAddresses(lab).Contains(e.Peer.Address);

    /// <summary>The syslog servers the eUE had been given when it sent <paramref name="message"/>.</summary>
    IReadOnlyList<IPAddress> GivenServers(EvidenceEvent message) =>
        EueDhcpv4Wire.LastGiven(lab, a => a.LogServers, r => r.CableLabs?.SyslogServers, message);

    /// <summary>PKT-MEM1.5 via 6.1.6 ¶2: RFC 3164 over UDP 514, PRI with facility local0, a timestamp and a hostname.</summary>
    IEnumerable<string> FormatProblems(EvidenceEvent e)
    {
        if (e.Error is not null) { yield return $"it does not decode as syslog: {e.Error}"; yield break; }
        var m = e.Message<SyslogMessage>();
        if (e.Local.Port != SyslogMessage.Port) yield return $"sent to port {e.Local.Port}, not 514";
        if (m.Priority is not { } p) yield return "no PRI part (RFC 3164 §4.1.1)";
        else if (p.Facility != SyslogFacility.Local0) yield return $"facility {(int)p.Facility} ({p.Facility}), not local0 (16)";
        if (m.Layout == Rfc3164Layout.MissingTimestamp) yield return "no valid TIMESTAMP (RFC 3164 §4.1.2)";
        if (m.Layout == Rfc3164Layout.MissingHostname) yield return "no HOSTNAME after the TIMESTAMP (RFC 3164 §4.1.2)";
    }

    IEnumerable<string> DestinationProblems(EvidenceEvent e)
    {
        var given = GivenServers(e);
        if (given.Count == 0) yield return "the eUE was given no syslog server, yet sent one";
        else if (!given[0].Equals(e.Local.Address))
            yield return $"sent to {e.Local.Address}; the first syslog server given is {given[0]} (of {EueDhcpv4Wire.Describe(given)})";
    }

    [Then(@"^the eUE sends a management event by syslog, facility local0, to the first syslog server it was given$")]
    public async Task ThenEventToFirstServer()
    {
        var e = await lab.AwaitAsync("a syslog message from the eUE", FromEue, lab.Boot);
        var problems = FormatProblems(e).Concat(DestinationProblems(e)).ToList();
        if (problems.Count > 0)
            throw lab.Fail("the eUE's management event breaks pkt-eue-6", expected: "RFC 3164 over UDP 514, facility local0, to the first given syslog server (6.1.6)",
                seen: string.Join("; ", problems), e);
        scenario["first-syslog"] = e;
        lab.Witness(e, $"management event to {e.Local.Address}: {e.Message<SyslogMessage>().MsgText}");
    }

    /// <summary>
    /// 6.1.6 ¶3: only the first server. Copies of one event leave together, so a short settling after the first one
    /// shows them; every syslog message of the eUE so far is judged.
    /// </summary>
    [Then(@"^no management event of the eUE goes to any other syslog server it was given$")]
    public async Task ThenNoOtherServer()
    {
        await lab.SettleAsync(TimeSpan.FromSeconds(5));
        var all = lab.Seen(FromEue);
        if (all.Count == 0) throw ScenarioContext.Inconclusive("the eUE sent no syslog message");
        foreach (var e in all)
            if (DestinationProblems(e).ToList() is { Count: > 0 } problems)
                throw lab.Fail("the eUE sent a management event to a syslog server other than the first one", expected: "events only to the first syslog server (6.1.6 ¶3)",
                    seen: string.Join("; ", problems), e);
        lab.Witness(all[^1], $"{all.Count} syslog message(s), all to {all[0].Local.Address}");
    }

    // ---- after a renewal (6.3.5 ¶5) ----

    /// <summary>
    /// EUE-PROV 6.3.2.3 ¶9-11: when the eCM's time of day changes (here: another time offset at the eCM's next renewal,
    /// option 2 in DHCPv4, CL_OPTION_TIME_OFFSET in DHCPv6, whichever the eCM's primary mode uses), the eUE takes the
    /// new time and raises a management event. Waits for the eCM's renewal and the reply that carries the new offset.
    /// </summary>
    [When(@"^the eCM's time offset changes at its next lease renewal$")]
    public async Task WhenEcmTimeOffsetChanges()
    {
        byte[] offset = [0x00, 0x00, 0x0E, 0x10];
        var from = lab.Evidence.Cursor;
        if (lab.Plan.EcmProvisioning.Primary == Device.Options.IpAddressingMode.Ipv4)
        {
            var lease = TimeSpan.FromSeconds(lab.Headend.Database.Network.Ipv4?.LeaseTime ?? 3600);
            var change = new SetOption(MessageSelector.Sent("ACK"), OptionPath.Parse("2"), offset);
            lab.Headend.EcmDhcpV4.Overrides.Add(change);
            try
            {
                await lab.AwaitAsync("the eCM's renewal ACK with the new time offset",
                    e => e.Service == Traffic.EcmDhcpv4 && e.Direction == Direction.Sent && e.Message is DhcpMessage { MessageType: DhcpMessageType.Ack } m && !m.CiAddr.Equals(IPAddress.Any),
                    lease, from: from);
            }
            finally { lab.Headend.EcmDhcpV4.Overrides.Remove(change); }
        }
        else
        {
            var lifetime = TimeSpan.FromSeconds(lab.Headend.Database.Network.Ipv6?.ValidLifetime ?? 7200);
            var change = new SetOption(MessageSelector.Sent("REPLY"), OptionPath.Parse("17.38"), offset);
            lab.Headend.EcmDhcpV6.Overrides.Add(change);
            try
            {
                var renew = await lab.AwaitAsync("the eCM's DHCPv6 RENEW or REBIND",
                    e => e.Service == Traffic.EcmDhcpv6 && e.Direction == Direction.Received && e.Kind is "RENEW" or "REBIND", lifetime, from: from);
                uint xid = renew.Message<Dhcp6Message>().TransactionId;
                await lab.AwaitAsync("the REPLY to the eCM's renewal with the new time offset",
                    e => e.Service == Traffic.EcmDhcpv6 && e.Direction == Direction.Sent && e.Message is Dhcp6Message r && r.TransactionId == xid,
                    lab.Profile.Ixit.Timeouts.Step, from: new EvidenceCursor(renew.Sequence));
            }
            finally { lab.Headend.EcmDhcpV6.Overrides.Remove(change); }
        }
        scenario["tod-change"] = lab.Evidence.Cursor;
    }

    /// <summary>6.3.5 ¶5: the new option 7 is used for every later management event, without reinitializing.</summary>
    [Then(@"^the eUE's next management event goes to (.+) and none to the syslog servers it had before$")]
    public async Task ThenNextEventToNewServer(string server)
    {
        var expected = EueDhcpv4ServerSteps.Address(server);
        var renewal = scenario.Get<EvidenceEvent>(Dhcpv4RenewalSteps.RenewalAckKey);
        var e = await lab.AwaitAsync("a syslog message from the eUE after the renewal", FromEue, lab.Profile.Ixit.Timeouts.Step,
            from: scenario.TryGetValue<EvidenceCursor>("tod-change", out var c) ? c : new EvidenceCursor(renewal.Sequence));
        var after = lab.Seen(x => FromEue(x) && x.Sequence > renewal.Sequence);
        foreach (var x in after)
        {
            if (!x.Local.Address.Equals(expected))
                throw lab.Fail("after the renewal the eUE sent a management event elsewhere than to the new syslog server",
                    expected: $"{expected}, the first option 7 server of the renewal ACK (6.3.5 ¶5)", seen: $"sent to {x.Local.Address}", x);
            if (FormatProblems(x).ToList() is { Count: > 0 } problems)
                throw lab.Fail("the eUE's management event breaks pkt-eue-6", expected: "RFC 3164, facility local0", seen: string.Join("; ", problems), x);
        }
        lab.Witness(e, $"management event after the renewal, to {e.Local.Address}");
    }
}
