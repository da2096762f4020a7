using System.CommandLine;
using System.Net.NetworkInformation;
using System.Runtime.InteropServices;
using EUeConformance.Device;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Interface;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Input;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Cli.Commands;

/// <summary>
/// eue-conformance reference-device: the reference E-UE as a program of its own, on two real interfaces (the
/// eCM's and the eUE's, each possibly in a network namespace). It is what the 'process' adapter starts to prove
/// itself, and a device for trying the headend by hand. Its log goes to standard output in DeviceLogLine form;
/// SIGHUP power-cycles it; SIGTERM or Ctrl-C ends it.
/// </summary>
public static class ReferenceDeviceCommand
{
    public static Command Create(CliConsole console)
    {
        var ecmInterface = new Option<string>("--ecm-interface") { Description = "the eCM's interface", Required = true };
        var eueInterface = new Option<string>("--eue-interface") { Description = "the eUE's interface", Required = true };
        var ecmNetns = new Option<string?>("--ecm-netns") { Description = "the network namespace the eCM's interface is in (default: this process's)" };
        var eueNetns = new Option<string?>("--eue-netns") { Description = "the network namespace the eUE's interface is in (default: this process's)" };
        var ecmMac = new Option<string?>("--ecm-mac") { Description = "the eCM's MAC (default: the profile's ixit.ecm-mac)" };
        var eueMac = new Option<string?>("--eue-mac") { Description = "the eUE's MAC (default: the profile's ixit.eue-mac)" };
        var mode = new Option<string>("--ecm-provisioning") { Description = "ipv4, ipv6, dual-ipv4 or dual-ipv6", DefaultValueFactory = _ => "ipv4" };
        var dut = new Option<string>("--dut") { Description = "the profile whose ICS the device follows ('simulated': the built-in one)", DefaultValueFactory = _ => "simulated" };
        var seed = new Option<int>("--seed") { Description = "seeds transaction ids", DefaultValueFactory = _ => 1 };

        var command = new Command("reference-device", "Run the reference E-UE as its own process on real interfaces");
        foreach (var o in new Option[] { ecmInterface, eueInterface, ecmNetns, eueNetns, ecmMac, eueMac, mode, dut, seed }) command.Add(o);
        command.SetAction(async (parse, stop) =>
        {
            var profile = BuiltInProfiles.Load(parse.GetValue(dut)!);
            Device.Ecm.EcmProvisioning provisioning;
            try { provisioning = ProcessDutAdapter.ParseMode(parse.GetValue(mode)!); }
            catch (ArgumentException bad) { throw new InputError("--ecm-provisioning", 0, 0, bad.Message, "one of: ipv4, ipv6, dual-ipv4, dual-ipv6"); }
            var options = DutFactories.ReferenceOptions(profile, parse.GetValue(seed));
            options = options with
            {
                EcmProvisioning = provisioning,
                Identity = options.Identity with
                {
                    EcmMac = parse.GetValue(ecmMac) is { } e ? PhysicalAddress.Parse(e.Replace(':', '-')) : options.Identity.EcmMac,
                    EueMac = parse.GetValue(eueMac) is { } u ? PhysicalAddress.Parse(u.Replace(':', '-')) : options.Identity.EueMac,
                },
            };
            string ecm = parse.GetValue(ecmInterface)!, eue = parse.GetValue(eueInterface)!;
            var namespaces = new Dictionary<string, string>();
            if (parse.GetValue(ecmNetns) is { Length: > 0 } en) namespaces[ecm] = en;
            if (parse.GetValue(eueNetns) is { Length: > 0 } un) namespaces[eue] = un;

            await using var fabric = new InterfaceFabric(new InterfaceFabricOptions { Interfaces = [ecm, eue], Namespaces = namespaces, Seed = parse.GetValue(seed) });
            var link = fabric.CreateLink("hfc");
            await using var adapter = new ReferenceDutAdapter(options);
            var output = console.Out;
            adapter.LogWritten += entry => { lock (output) { output.WriteLine(DeviceLogLine.Format(entry)); output.Flush(); } };
            await adapter.AttachAsync(fabric, link, new DiscardEvidence(), stop);
            using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
            {
                c.Cancel = true;
                _ = adapter.ResetAsync(DutResetKind.PowerCycle);
            });
            await adapter.PowerOnAsync(stop);
            try { await Task.Delay(Timeout.InfiniteTimeSpan, stop); }
            catch (OperationCanceledException) { }
            await adapter.PowerOffAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary>The device's own process keeps no evidence: the suite's headend does.</summary>
    sealed class DiscardEvidence : IEvidenceSink
    {
        public EvidenceEvent Publish(EvidenceDraft draft) => new(0, DateTimeOffset.UnixEpoch, draft.Service, draft.Direction, draft.Local, draft.Peer,
            draft.Protocol, draft.Kind, draft.Fields, draft.Message, draft.Error, draft.Raw);
    }
}
