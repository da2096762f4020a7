using System.CommandLine;
using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Cli.Bench;
using EUeConformance.Headend.Composition;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Fabric;
using EUeConformance.Runner.Input;

namespace EUeConformance.Cli.Commands;

/// <summary>
/// eue-conformance headend up: the headend alone, serving a real device on a bench for manual work
/// (ARCHITECTURE.md's vendor on a lab bench). It loads the device's profile (its eCM and eUE MACs) and
/// the provisioning database, serves on a NIC (interface fabric) or on a bridge of namespaces of its own
/// (netns fabric), prints one line per exchange as it happens, writes capture.pcap and events.jsonl,
/// and on Ctrl-C (or SIGTERM) stops its servers, takes its addresses and namespaces down, and exits 0.
/// </summary>
public static class HeadendCommand
{
    public const string SampleDatabase = "harness/Headend/Samples/lab-network.yaml";

    public static Command Create(CliConsole console)
    {
        var profile = new Option<string>("--profile") { Description = "the device's profile (YAML; its IXIT gives the eCM and eUE MACs), or 'simulated' for the reference profile", Required = true };
        var network = new Option<string?>("--network") { Description = $"the provisioning database (YAML; default: {SampleDatabase} of the suite)" };
        var fabric = new Option<string>("--fabric") { Description = "interface (a NIC cabled to the device) or netns (a bridge in namespaces of its own)", DefaultValueFactory = _ => "interface" };
        var nic = new Option<string?>("--interface") { Description = "interface fabric: the NIC to serve on" };
        var nicNamespace = new Option<string?>("--interface-netns") { Description = "interface fabric: the network namespace the NIC is in, when not this machine's own" };
        var attach = new Option<string[]>("--attach") { Description = "netns fabric: a NIC of this machine to plug into the bench's bridge (repeatable)" };
        var attachNamespace = new Option<string?>("--attach-netns") { Description = "netns fabric: the namespace the --attach NICs are in, when not this machine's own" };
        var address = new Option<string[]>("--address") { Description = "an address of the headend, e.g. 192.0.2.1/24 (repeatable; default: the database's server addresses)" };
        var evidence = new Option<string>("--evidence") { Description = "folder for capture.pcap and events.jsonl", DefaultValueFactory = _ => "headend-evidence" };

        var up = new Command("up", "Serve a real device on a bench until Ctrl-C, logging every exchange");
        foreach (var o in new Option[] { profile, network, fabric, nic, nicNamespace, attach, attachNamespace, address, evidence }) up.Add(o);
        up.SetAction(async (parse, cancellation) =>
        {
            var dut = BuiltInProfiles.Load(parse.GetValue(profile)!);
            string databasePath = parse.GetValue(network) ?? Path.Combine(SuitePaths.Root, SampleDatabase);
            var database = LoadDatabase(databasePath);
            var ecm = Mac(dut.Ixit.EcmMac, dut.Path, "ecm-mac");
            var eue = Mac(dut.Ixit.EueMac, dut.Path, "eue-mac");
            if (database.FindEcm(ecm) is null && database.FindEue(eue) is null)
                throw new InputError(databasePath, 0, 0, $"no device of the profile is in the database: neither the eCM {dut.Ixit.EcmMac} nor the eUE {dut.Ixit.EueMac}",
                    $"add them under 'devices:' (see {SampleDatabase}), or give the database that has them with --network");
            var options = BenchOptions(parse, fabric, nic, nicNamespace, attach, attachNamespace, address, evidence);

            var gate = new object();
            int events = 0;
            void Print(Network.Evidence.EvidenceEvent e)
            {
                lock (gate) { events++; console.Out.WriteLine(EvidenceLine.Of(e)); }
            }
            await using var bench = await HeadendBench.StartAsync(options, database, eue, Print, cancellation);
            lock (gate)
            {
                console.Out.WriteLine($"headend up on the {options.Fabric.ToString().ToLowerInvariant()} fabric" +
                    (options.Interface is { } n ? $", NIC {n}" : "") + ": " + string.Join(", ", bench.Host.Addresses.Select(a => a.ToString())));
                console.Out.WriteLine($"serving {dut.Name}: eCM {dut.Ixit.EcmMac}{(database.FindEcm(ecm) is null ? " (not in the database)" : "")}, " +
                    $"eUE {dut.Ixit.EueMac}{(database.FindEue(eue) is null ? " (not in the database)" : "")}; database {SuitePaths.Show(databasePath)}");
                var services = bench.Headend.Options.Services;
                console.Out.WriteLine("services: " + string.Join(", ", Enum.GetValues<HeadendServices>()
                    .Where(s => s is not (HeadendServices.None or HeadendServices.All) && services.HasFlag(s)).Select(s => s.ToString())));
                if (bench.DeviceNamespace is { } ns) console.Out.WriteLine($"device namespace: {ns} (run a device or a client there: ip netns exec {ns} …)");
                console.Out.WriteLine($"evidence: {SuitePaths.Show(Path.GetFullPath(options.EvidenceDirectory))} (capture.pcap, events.jsonl)");
                console.Out.WriteLine("Ctrl-C stops");
            }

            // Serve until the operator stops us; an actor that threw is a harness error and ends the run.
            var stopped = new TaskCompletionSource();
            using (cancellation.Register(() => stopped.TrySetResult()))
                await bench.Fabric.RunUntilAsync(stopped.Task, Timeout.InfiniteTimeSpan);
            lock (gate) console.Out.WriteLine($"stopping: {events} exchanges recorded in {SuitePaths.Show(Path.GetFullPath(options.EvidenceDirectory))}");
            return 0;
        });

        var command = new Command("headend", "The operator's servers on their own, for a real device on a bench");
        command.Add(up);
        return command;
    }

    static ProvisioningDatabase LoadDatabase(string path)
    {
        try { return ProvisioningDatabaseYaml.Load(path); }
        catch (DatabaseInputError e) { throw new InputError(e.File, e.Line, e.Column, e.Problem, e.Fix); }
        catch (DatabaseInputErrors e) { throw new InputErrors([.. e.Errors.Select(x => new InputError(x.File, x.Line, x.Column, x.Problem, x.Fix))]); }
    }

    static PhysicalAddress Mac(string text, string file, string key)
    {
        try { return PhysicalAddress.Parse(text.Replace(':', '-')); }
        catch (FormatException) { throw new InputError(file, 0, 0, $"ixit {key} '{text}' is not a MAC address", "write it as 00:10:95:00:00:02"); }
    }

    static HeadendBenchOptions BenchOptions(ParseResult parse, Option<string> fabric, Option<string?> nic, Option<string?> nicNamespace, Option<string[]> attach,
        Option<string?> attachNamespace, Option<string[]> address, Option<string> evidence)
    {
        var kind = parse.GetValue(fabric) switch
        {
            "interface" => FabricKind.Interface,
            "netns" => FabricKind.Netns,
            var other => throw new InputError("--fabric", 0, 0, $"'{other}' cannot serve a real device", "interface (a NIC of this machine) or netns (a bridge of namespaces, with --attach for a NIC)"),
        };
        var name = parse.GetValue(nic);
        if (kind == FabricKind.Interface && string.IsNullOrEmpty(name))
            throw new InputError("--interface", 0, 0, "the interface fabric serves on a NIC: name it", "e.g. --interface enp3s0 (the NIC cabled to the device)");
        var attached = parse.GetValue(attach) ?? [];
        if (kind == FabricKind.Interface && attached.Length > 0)
            throw new InputError("--attach", 0, 0, "--attach plugs NICs into the netns fabric's bridge", "use --fabric netns, or serve the NIC itself with --interface");
        var addresses = new List<InterfaceAddress>();
        foreach (var text in parse.GetValue(address) ?? [])
        {
            var parts = text.Split('/');
            if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var length)
                || length < 0 || length > (a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
                throw new InputError("--address", 0, 0, $"'{text}' is not an address with its prefix length", "e.g. --address 192.0.2.1/24 --address 2001:db8:1::1/64");
            addresses.Add(new InterfaceAddress(a, length));
        }
        return new HeadendBenchOptions(kind, name, parse.GetValue(nicNamespace), attached, parse.GetValue(attachNamespace), addresses, parse.GetValue(evidence)!);
    }
}
