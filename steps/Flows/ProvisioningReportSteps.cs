using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Flows.FlowWire;

namespace EUeConformance.Steps.Flows;

/// <summary>
/// The end of the flow (Table 5 eUE-24, eUE-25): the syslog "provisioning complete" event with the pass/fail result when a
/// syslog server is configured, then the final SNMP INFORM to the entity of CL_OPTION_CCCV6 sub-option 3 (122.3 in IPv4
/// mode) carrying the provisioning state; an INFORM nobody acknowledges stops provisioning.
/// </summary>
[Binding]
public sealed class ProvisioningReportSteps(FlowWire wire, Lab lab)
{
    async Task<EvidenceEvent> FileRequestAsync()
    {
        var lease = await wire.LeaseAsync();
        return await lab.AwaitAsync("the eUE's configuration file request",
            e => Traffic.EueFileRequest(e) || e.Service == Traffic.Http && e.Direction == Direction.Received && e.Error is null, lab.Boot, After(lease));
    }

    async Task<EvidenceEvent> StatusInformAsync(EvidenceEvent after) =>
        await lab.AwaitAsync("the eUE's final INFORM (eUE-25)", e => IsStatusReport(e) || e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Received && e.Error is not null,
            lab.Boot, After(after), missingFails: true, protocol: "snmp");

    /// <summary>The moment the file step ended: the Configuration Server's last DATA of the transfer (or the request, for HTTP).</summary>
    EvidenceEvent FileStepEnd(EvidenceEvent request, EvidenceEvent before) =>
        lab.Seen(e => IsData(e) && e.Sequence < before.Sequence, After(request)).LastOrDefault() ?? request;

    [Then(@"^the eUE sends its syslog server a provisioning-complete event that says (pass|fail)$")]
    public async Task ThenSyslogEvent(string outcome)
    {
        var request = await FileRequestAsync();
        var e = await lab.AwaitAsync("the eUE's provisioning-complete syslog event (eUE-24)", IsProvisioningCompleteEvent, lab.Boot, After(request), missingFails: true, protocol: "syslog");
        var text = e.Message<Protocols.Syslog.SyslogMessage>().MsgText;
        bool says = outcome == "pass"
            ? text.Contains("pass", StringComparison.OrdinalIgnoreCase) && !text.Contains("fail", StringComparison.OrdinalIgnoreCase)
            : text.Contains("fail", StringComparison.OrdinalIgnoreCase);
        if (!says) throw lab.Fail($"the provisioning-complete event does not give the {outcome} result", $"a {outcome} result in the event", text, e);
        lab.Witness(e, $"provisioning-complete event: {text}");
    }

    [Then(@"^the eUE sends the provisioning-complete event after the file and before its final INFORM$")]
    public async Task ThenSyslogBeforeInform()
    {
        var request = await FileRequestAsync();
        var inform = await StatusInformAsync(request);
        var events = lab.Seen(IsProvisioningCompleteEvent, After(request));
        if (events.Count == 0 || events[0].Sequence > inform.Sequence)
            throw lab.Fail("the final INFORM came before the provisioning-complete syslog event", "the syslog event (eUE-24), then the INFORM (eUE-25)",
                events.Count == 0 ? "no syslog event before the INFORM" : $"event #{events[0].Sequence} after the INFORM #{inform.Sequence}", inform);
        var end = FileStepEnd(request, events[0]);
        lab.Witness(events[0], $"the syslog event after the file step (#{end.Sequence}) and before the INFORM #{inform.Sequence}");
    }

    [Then(@"^the eUE sends its final INFORM right after the file, with no syslog event$")]
    public async Task ThenInformWithoutSyslog()
    {
        var request = await FileRequestAsync();
        var inform = await StatusInformAsync(request);
        var end = FileStepEnd(request, inform);
        var syslog = lab.Seen(e => e.Service == Traffic.Syslog && e.Direction == Direction.Received, After(request));
        if (syslog.Count > 0) throw lab.Fail("the eUE sent a syslog event although no syslog server was configured", "no syslog", syslog[0].Kind, syslog[0]);
        lab.Witness(inform, $"the final INFORM after the file step (#{end.Sequence})");
    }

    [Then(@"^the eUE reports provisioning complete with an INFORM to the Provisioning Server$")]
    public async Task ThenStatusInform()
    {
        var lease = await wire.LeaseAsync();
        var request = await FileRequestAsync();
        var inform = await StatusInformAsync(request);
        var n = inform.Message<ProvisioningNotification>();
        if (!n.IsInform) throw lab.Fail("the provisioning-complete notification is not an INFORM", "InformRequest", inform.Kind, inform);
        var expected = IsV6(LeasedAddress(lease)) ? LabAddresses.HeadendV6 : LabAddresses.HeadendV4;
        if (!Ipv6.Ipv6Facts.Same(inform.Local.Address, expected))
            throw lab.Fail("the final INFORM went to another address than the Provisioning Server's", expected.ToString(), inform.Local.Address.ToString(), inform);
        lab.Witness(inform, $"final INFORM ({n.TrapOid}) to {inform.Local.Address}");
    }

    /// <summary>eUE-25 with TLV 38: the receivers of the file get their INFORM too, and the Provisioning Server still gets its own.</summary>
    [Then(@"^the eUE sends a final INFORM to the TLV 38 receiver and another to the Provisioning Server$")]
    public async Task ThenTwoInforms()
    {
        var request = await FileRequestAsync();
        await StatusInformAsync(request);
        await lab.SettleAsync(TimeSpan.FromSeconds(60));
        var informs = lab.Seen(e => IsStatusReport(e) && e.Message<ProvisioningNotification>().IsInform, After(request));
        var distinct = informs.Select(e => (e.Peer.ToString(), ((Pdu)e.Message<ProvisioningNotification>().Pdu).RequestId)).Distinct().Count();
        if (distinct < 2)
            throw lab.Fail("the eUE sent one final INFORM where its TLV 38 receiver and the Provisioning Server each need one", "two distinct INFORMs (TLV 38, CCCV6.3)",
                $"{distinct} distinct INFORM(s)", informs.FirstOrDefault());
        lab.Witness(informs[^1], $"{distinct} distinct final INFORMs at the headend");
    }

    [Then(@"^the eUE's final INFORM reports the provisioning state (pass|failConfigFileError)$")]
    public async Task ThenReportedState(string state)
    {
        var request = await FileRequestAsync();
        var inform = await StatusInformAsync(request);
        int expected = state == "pass" ? 1 : 3;
        var seen = ReportedState(inform);
        if (seen != expected)
            throw lab.Fail("the final INFORM does not carry the provisioning state", $"pktcMtaDevProvisioningState {state} ({expected})", seen?.ToString() ?? "no provisioning state varbind", inform);
        lab.Witness(inform, $"pktcMtaDevProvisioningState {seen}");
    }

    /// <summary>eUE-25 on failure: the eUE retries the INFORM as SNMP does, then stops: no new DHCP start (the eCM has not re-initialized it).</summary>
    [Then(@"^the eUE stops provisioning without starting over for (\d+) minutes$")]
    public async Task ThenStops(int minutes)
    {
        var request = await FileRequestAsync();
        var inform = await StatusInformAsync(request);
        await lab.SettleAsync(TimeSpan.FromMinutes(minutes));
        var restart = lab.Seen(IsNewStart, After(inform));
        if (restart.Count > 0)
            throw lab.Fail("the eUE started over after its final INFORM went unacknowledged", "provisioning stopped (manual action or an eCM re-initialization needed)", $"a new {restart[0].Kind}", restart[0]);
        var tries = lab.Seen(IsStatusReport, After(request)).Count;
        lab.Witness(inform, $"the unacknowledged INFORM ({tries} transmission(s)); no restart for {minutes} min");
    }
}
