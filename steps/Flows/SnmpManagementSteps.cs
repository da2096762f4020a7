using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Flows.FlowWire;

namespace EUeConformance.Steps.Flows;

/// <summary>
/// What the operator does over SNMP once the E-UE is up, and what it reads back: incremental provisioning of the eUE
/// (6.3.6), the P-CSCF the configuration file gave (6.6.2), the eCM's DOCSIS software download on an SNMP trigger
/// (6.2.1, RFC 4639 docsDevSoftware) and the eSAFE's service interruption impact the eCM reports for the eUE (6.6.3,
/// eDOCSIS ESAFE-MIB). Requests go from the Provisioning Server's SNMP entity with the operator's community.
/// </summary>
[Binding]
public sealed class SnmpManagementSteps(FlowWire wire, Lab lab, ScenarioContext scenario)
{
    const string ProvisionedKey = "flows.provisioned";

    /// <summary>The end of the flow: the final INFORM when the flow has one, else the file request and a pause for it to be processed.</summary>
    [When(@"^the eUE has finished provisioning$")]
    public async Task WhenProvisioned()
    {
        await lab.PowerOnAsync();
        var lease = await wire.LeaseAsync();
        var request = await lab.AwaitAsync("the eUE's configuration file request",
            e => Traffic.EueFileRequest(e) || e.Service == Traffic.Http && e.Direction == Direction.Received && e.Error is null, lab.Boot, After(lease));
        var report = await lab.Evidence.WaitForAsync(IsStatusReport, TimeSpan.FromSeconds(30), After(request), scenario.Cancellation);
        if (report is null) await lab.SettleAsync(TimeSpan.FromSeconds(10));
        scenario[ProvisionedKey] = report ?? request;
    }

    async Task<(IPAddress Agent, EvidenceEvent Done)> ProvisionedAsync()
    {
        if (!scenario.TryGetValue<EvidenceEvent>(ProvisionedKey, out var done)) { await WhenProvisioned(); done = scenario.Get<EvidenceEvent>(ProvisionedKey); }
        return (LeasedAddress(await wire.LeaseAsync()), done);
    }

    // ---------------------------------------------------------------- 6.3.6 incremental provisioning

    [Then(@"^the Provisioning Server adds a P-CSCF row over SNMP and reads it back$")]
    public async Task ThenCreatesRow()
    {
        var (agent, _) = await ProvisionedAsync();
        var address = IsV6(agent) ? IPAddress.Parse("2001:db8:1::51") : IPAddress.Parse("192.0.2.51");
        var row = FlowSetupSteps.PcscfRow(2, address, rowStatus: 4);
        var set = await wire.SetAsync(agent, "a new P-CSCF row (createAndGo)", [.. row]);
        if (set.ErrorStatus != SnmpErrorStatus.NoError)
            throw lab.Fail("the eUE refused to create a P-CSCF row over SNMP after provisioning", "noError", $"{set.ErrorStatus.Describe()} at varbind {set.ErrorIndex}");
        var get = await wire.GetAsync(agent, "the new row", MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(2), MibNames.EueDev.PktcEUEDevPCSCFRowStatus.InstanceId(2));
        if (get.VarBinds[0].Value.IsException || !get.VarBinds[0].Value.Bytes.SequenceEqual(address.GetAddressBytes()))
            throw lab.Fail("the P-CSCF row created over SNMP does not read back", $"pktcEUEDevPCSCFAddr.2 = {address}", Describe(get.VarBinds));
        if (get.VarBinds[1].Value.IsException || get.VarBinds[1].Value.ToInt32() != 1)
            throw lab.Fail("the P-CSCF row created with createAndGo is not active", "pktcEUEDevPCSCFRowStatus.2 = active(1)", Describe(get.VarBinds));
        scenario.Log($"created and read back: {Describe(get.VarBinds)}");
    }

    [Then(@"^the Provisioning Server removes that row over SNMP and it is gone$")]
    public async Task ThenDestroysRow()
    {
        var (agent, _) = await ProvisionedAsync();
        var set = await wire.SetAsync(agent, "the row's destruction", new VarBind(MibNames.EueDev.PktcEUEDevPCSCFRowStatus.InstanceId(2), SnmpValue.Integer(6)));
        if (set.ErrorStatus != SnmpErrorStatus.NoError)
            throw lab.Fail("the eUE refused to destroy a P-CSCF row over SNMP", "noError", $"{set.ErrorStatus.Describe()} at varbind {set.ErrorIndex}");
        var get = await wire.GetAsync(agent, "the destroyed row", MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(2));
        if (!get.VarBinds[0].Value.IsException)
            throw lab.Fail("the destroyed P-CSCF row still reads back", "noSuchInstance", Describe(get.VarBinds));
        scenario.Log("destroyed: pktcEUEDevPCSCFAddr.2 is noSuchInstance");
    }

    [Then(@"^the Provisioning Server turns the eUE's services (off|on) with pktcMtaDevEnabled and reads it back$")]
    public async Task ThenEnabled(string state)
    {
        var (agent, _) = await ProvisionedAsync();
        var value = SnmpValue.TruthValue(state == "on");
        var oid = MibNames.IetfMta.PktcMtaDevEnabled.InstanceId(0);
        var set = await wire.SetAsync(agent, $"pktcMtaDevEnabled {state}", new VarBind(oid, value));
        if (set.ErrorStatus != SnmpErrorStatus.NoError)
            throw lab.Fail("the eUE refused the SET of pktcMtaDevEnabled after provisioning", "noError", $"{set.ErrorStatus.Describe()} at varbind {set.ErrorIndex}");
        var get = await wire.GetAsync(agent, "pktcMtaDevEnabled", oid);
        if (get.VarBinds[0].Value.IsException || get.VarBinds[0].Value.ToInt32() != value.ToInt32())
            throw lab.Fail("pktcMtaDevEnabled does not read back as SET", $"{(state == "on" ? "true(1)" : "false(2)")}", Describe(get.VarBinds));
        scenario.Log($"pktcMtaDevEnabled {state}: read back {get.VarBinds[0].Value}");
    }

    [Then(@"^the eUE took those changes without starting over$")]
    public async Task ThenNoRestart()
    {
        var (_, done) = await ProvisionedAsync();
        await lab.SettleAsync(TimeSpan.FromSeconds(30));
        var restart = lab.Seen(e => IsNewStart(e) || Traffic.EueFileRequest(e), After(done));
        if (restart.Count > 0)
            throw lab.Fail("the eUE re-initialized (or fetched its file again) for an incremental change", "the changes taken in place", restart[0].Kind, restart[0]);
        lab.Witness(done, "provisioning complete here; no new DHCP start or file request after the SETs");
    }

    // ---------------------------------------------------------------- 6.6.2 P-CSCF

    [Then(@"^the eUE's P-CSCF table holds the configuration file's P-CSCF and no other$")]
    public async Task ThenPcscfFromFile()
    {
        var (agent, done) = await ProvisionedAsync();
        var expected = IsV6(agent) ? FlowSetupSteps.PcscfV6 : FlowSetupSteps.PcscfV4;
        var column = MibNames.EueDev.PktcEUEDevPCSCFAddr.Id;
        var seen = new List<VarBind>();
        var cursor = column;
        for (int i = 0; i < 16; i++)
        {
            var r = await wire.RequestAsync(agent, Pdu.Request(PduType.GetNextRequest, 0, cursor))
                ?? throw lab.Fail("the eUE's agent did not answer a GETNEXT of its P-CSCF table", "a Response", "no answer");
            var vb = r.VarBinds[0];
            if (vb.Value.IsException || !vb.Name.StartsWith(column)) break;
            seen.Add(vb);
            cursor = vb.Name;
        }
        if (seen.Count == 0)
            throw lab.Fail("the eUE's P-CSCF table is empty although its configuration file named one", $"a row with {expected}", "no row", done);
        var addresses = seen.Select(v => v.Value.Bytes.Length is 4 or 16 ? new IPAddress(v.Value.Bytes).ToString() : Convert.ToHexString(v.Value.Bytes)).ToList();
        if (!addresses.Contains(expected.ToString()))
            throw lab.Fail("the eUE's P-CSCF table does not hold the configuration file's P-CSCF", expected.ToString(), string.Join(", ", addresses), done);
        var strangers = addresses.Where(a => a != expected.ToString()).ToList();
        if (strangers.Count > 0)
            throw lab.Fail("the eUE holds a P-CSCF that did not come from its configuration file", $"only {expected}", string.Join(", ", addresses), done);
        scenario.Log($"P-CSCF table: {string.Join(", ", addresses)}");
    }

    /// <summary>6.6.2: method I of PKT-24.229 (the DHCP SIP server options: DHCPv6 21/22, DHCPv4 120) is not used: the eUE does not ask for them.</summary>
    [Then(@"^the eUE does not ask its DHCP servers for the SIP server options$")]
    public async Task ThenNoSipOptions()
    {
        var lease = await wire.LeaseAsync();
        foreach (var e in lab.Seen(e => e.Direction == Direction.Received && e.Error is null && e.Sequence < lease.Sequence
                     && (e.Service == Traffic.EueDhcpv6 || e.Service == Traffic.EueDhcpv4)))
        {
            switch (e.Message)
            {
                case Dhcp6Message m when m.OptionRequest is { } oro && oro.Any(o => o is 21 or 22):
                    throw lab.Fail($"the eUE's {e.Kind} asks for the SIP server options (PKT-24.229 method I)", "no option 21 or 22 in OPTION_ORO", string.Join(", ", oro), e);
                case DhcpMessage m when m.ParameterRequestList is { } prl && prl.Contains((byte)120):
                    throw lab.Fail($"the eUE's {e.Kind} asks for the SIP server option (PKT-24.229 method I)", "no option 120 in option 55", string.Join(", ", prl), e);
            }
        }
        lab.Witness(lease, "no SIP server option requested in the eUE's DHCP exchange");
    }

    // ---------------------------------------------------------------- 6.2.1 bullet 2: DOCSIS software download

    [Given(@"^the headend's TFTP server holds the software image ([\w.-]+)$")]
    public void GivenImage(string name) =>
        lab.Plan.DatabaseEdits.Add(db => db.AddFile(Headend.Database.ConfigFileEntry.FromBytes(name, [.. Enumerable.Range(0, 3000).Select(i => (byte)i)])));

    [When(@"^the operator triggers a software download of ([\w.-]+) from the headend over SNMP$")]
    public async Task WhenTriggered(string file)
    {
        await ProvisionedAsync();
        var ecm = wire.EcmAddress;
        var server = IsV6(ecm) ? LabAddresses.HeadendV6 : LabAddresses.HeadendV4;
        // The eCM may start its download before its Response to the SET reaches the headend (on a real fabric it does,
        // at times): what it sends is looked for from before the SET, not from after the answer.
        var before = lab.Evidence.Cursor;
        // RFC 4639: server address (type, address), file name, transport, then docsDevSwAdminStatus = upgradeFromMgt(1).
        var set = await wire.SetAsync(ecm, "the software download trigger",
            new VarBind(MibNames.DocsCableDevice.DocsDevSwServerAddressType.InstanceId(0), SnmpValue.Integer(IsV6(server) ? 2 : 1)),
            new VarBind(MibNames.DocsCableDevice.DocsDevSwServerAddress.InstanceId(0), SnmpValue.OctetString(server.GetAddressBytes())),
            new VarBind(MibNames.DocsCableDevice.DocsDevSwFilename.InstanceId(0), SnmpValue.OctetString(file)),
            new VarBind(MibNames.DocsCableDevice.DocsDevSwAdminStatus.InstanceId(0), SnmpValue.Integer(1)));
        if (set.ErrorStatus != SnmpErrorStatus.NoError)
            throw lab.Fail("the eCM refused the SNMP software download trigger (RFC 4639 docsDevSoftware)", "noError", $"{set.ErrorStatus.Describe()} at varbind {set.ErrorIndex}");
        scenario["flows.sw.trigger"] = before;
    }

    [Then(@"^the eCM requests ([\w.-]+) by TFTP from the headend$")]
    public async Task ThenImageRequested(string file)
    {
        var from = scenario.Get<EvidenceCursor>("flows.sw.trigger");
        var rrq = await lab.AwaitAsync($"the eCM's TFTP read request for {file}", ReadRequestFor(file), lab.Boot, from, missingFails: true, protocol: "tftp");
        if (!Ipv6.Ipv6Facts.Same(rrq.Peer.Address, wire.EcmAddress))
            throw lab.Fail("the image was requested from another address than the eCM's", wire.EcmAddress.ToString(), rrq.Peer.Address.ToString(), rrq);
        lab.Witness(rrq, $"the eCM's read request for {file}");
    }

    [Then(@"^the eCM reports the download in docsDevSwOperStatus$")]
    public async Task ThenOperStatus()
    {
        await lab.SettleAsync(TimeSpan.FromSeconds(30));
        var get = await wire.GetAsync(wire.EcmAddress, "docsDevSwOperStatus", MibNames.DocsCableDevice.DocsDevSwOperStatus.InstanceId(0));
        var v = get.VarBinds[0].Value;
        // inProgress(1), completeFromMgt(3) or failed(4) (a test image fails code verification on a real eCM): anything but no answer, other(5) or completeFromProvisioning(2).
        if (v.IsException || v.ToInt32() is not (1 or 3 or 4))
            throw lab.Fail("docsDevSwOperStatus does not reflect the download the operator started", "inProgress(1), completeFromMgt(3) or failed(4)", Describe(get.VarBinds));
        scenario.Log($"docsDevSwOperStatus {v}");
    }

    // ---------------------------------------------------------------- 6.6.3 service interruption impact

    /// <summary>
    /// eDOCSIS ESAFE-MIB esafeDevServiceIntImpact for the eUE's eSAFE (ifIndex 16). With a provisioned voice service, an
    /// interruption of the eCM's data service interrupts it: the highest impact across the eUE's services is significant(1).
    /// </summary>
    [Then(@"^the eCM reports a significant service interruption impact for the eUE$")]
    public async Task ThenImpact()
    {
        var (_, done) = await ProvisionedAsync();
        var get = await wire.GetAsync(wire.EcmAddress, "esafeDevServiceIntImpact.16", MibNames.Esafe.EsafeDevServiceIntImpact.InstanceId(MibNames.Esafe.PacketCableIfIndex));
        var v = get.VarBinds[0].Value;
        if (v.IsException)
            throw lab.Fail("the eCM reports no service interruption impact for the eUE's eSAFE", "esafeDevServiceIntImpact.16", Describe(get.VarBinds), done);
        if (v.ToInt32() != 1)
            throw lab.Fail("the impact reported for the eUE is not the highest of its services (its provisioned voice service needs the data service)",
                "significant(1)", Describe(get.VarBinds), done);
        scenario.Log($"esafeDevServiceIntImpact.16 = {v}");
    }
}
