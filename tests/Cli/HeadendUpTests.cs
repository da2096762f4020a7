using System.Net;
using EUeConformance.Cli;
using EUeConformance.Cli.Commands;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Sockets;
using EUeConformance.Tests.Headend.Interop;
using EUeConformance.Tests.Network.Real;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Cli;

/// <summary>
/// 'eue-conformance headend up' end to end, in-process, with a real client playing the device on the
/// bench: ISC dhclient in a namespace of its own, on the other end of a lab bridge (interface fabric) or
/// in the bench's device namespace (netns fabric). The client's lease is checked, the CLI's log lines,
/// the evidence files, and that Ctrl-C (the cancellation the CLI gets from SIGINT) stops it cleanly.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class HeadendUpTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    static readonly string Database = Path.Combine(Repo.Root, HeadendCommand.SampleDatabase);

    /// <summary>The CLI running in the background: what it printed so far, and a Ctrl-C.</summary>
    sealed class Running(Task<int> exit, StringWriter output, StringWriter error, CancellationTokenSource interrupt)
    {
        public Task<int> Exit => exit;
        public string Output { get { lock (output) return output.ToString(); } }
        public string Error { get { lock (error) return error.ToString(); } }

        public static Running Start(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var interrupt = new CancellationTokenSource();
            var exit = Task.Run(() => Program.RunAsync(new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), args, Interactive: false),
                args, cancellation: interrupt.Token));
            return new Running(exit, output, error, interrupt);
        }

        /// <summary>Waits until the CLI printed <paramref name="text"/> (or ended).</summary>
        public async Task WaitForAsync(string text)
        {
            var until = DateTimeOffset.UtcNow + Bound;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (exit.IsCompleted || DateTimeOffset.UtcNow > until)
                    throw new TimeoutException($"the CLI did not print '{text}'; it printed:\n{Output}\n{Error}" + (exit.IsCompleted ? $"\nexit {exit.Result}" : ""));
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            }
        }

        public async Task<int> CtrlCAsync()
        {
            await interrupt.CancelAsync();
            return await exit.WaitAsync(Bound, TimeProvider.System);
        }
    }

    /// <summary>dhclient -4 in <paramref name="ns"/> on <paramref name="nic"/>, to its first lease; its -sf script's environment.</summary>
    static async Task<IReadOnlyDictionary<string, string>> LeaseAsync(string ns, string nic)
    {
        var dhclient = NetnsHeadend.Tool("/usr/sbin/dhclient", "isc-dhcp-client");
        var dir = Repo.TempDir();
        var env = Path.Combine(dir, "env");
        var hook = Path.Combine(dir, "hook.sh");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\ncase \"$reason\" in BOUND) env > \"{env}.tmp\" && mv \"{env}.tmp\" \"{env}\";; esac\nexit 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var conf = Path.Combine(dir, "dhclient.conf");
        await File.WriteAllTextAsync(conf, "request subnet-mask, routers, domain-name-servers, log-servers;\n");
        using var client = NetnsProcess.Start(ns, dhclient, "-4", "-d", "-1", "-cf", conf, "-sf", hook, "-lf", Path.Combine(dir, "leases"), "-pf", Path.Combine(dir, "pid"), nic);
        try
        {
            var until = DateTimeOffset.UtcNow + Bound;
            while (!File.Exists(env) && DateTimeOffset.UtcNow < until && !client.HasExited) await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            File.Exists(env).Should().BeTrue("dhclient got a lease from the bench's headend");
            return NetnsHeadend.Env(await File.ReadAllTextAsync(env));
        }
        finally { NetnsProcess.EndIfRunning(client); }
    }

    [Fact]
    public async Task On_a_lab_NIC_it_serves_the_device_logs_each_exchange_writes_the_evidence_and_stops_on_Ctrl_C()
    {
        using var lab = new VethLab(interfaces: 2);
        string headendNs = lab.Namespaces["eue-lab0"], deviceNs = lab.Namespaces["eue-lab1"];
        IpCommand.Batch(deviceNs, ["link set dev eue-lab1 down", $"link set dev eue-lab1 address {string.Join(':', EueMac.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))}", "link set dev eue-lab1 up"]);
        var evidence = Repo.TempDir();
        var cli = Running.Start("headend", "up", "--profile", "simulated", "--network", Database, "--interface", "eue-lab0", "--interface-netns", headendNs, "--evidence", evidence);
        await cli.WaitForAsync("Ctrl-C stops");
        cli.Output.Should().Contain("headend up on the interface fabric, NIC eue-lab0: 192.0.2.1/24, 192.0.2.2/24, 2001:db8:1::1/64");
        InterfaceState.Addresses(headendNs, "eue-lab0").Select(a => a.Address).Should().Contain(IPAddress.Parse("192.0.2.1"));

        var lease = await LeaseAsync(deviceNs, "eue-lab1");
        lease["new_ip_address"].Should().Be(EueV4.ToString());
        lease["new_domain_name_servers"].Should().Be(HeadendV4.ToString());
        await cli.WaitForAsync("→ ACK");

        (await cli.CtrlCAsync()).Should().Be(0, cli.Output + cli.Error);
        cli.Output.Should().MatchRegex(@"eue-dhcpv4\s+← DISCOVER\s+from 0\.0\.0\.0:68").And.MatchRegex(@"eue-dhcpv4\s+→ OFFER\s+to .*as server 'primary'")
            .And.Contain("stopping: ");
        var events = await File.ReadAllLinesAsync(Path.Combine(evidence, EvidenceRecorder.EventsFile));
        events.Should().Contain(l => l.Contains("\"kind\":\"ACK\"") && l.Contains("\"service\":\"eue-dhcpv4\""));
        new FileInfo(Path.Combine(evidence, EvidenceRecorder.CaptureFile)).Length.Should().BeGreaterThan(24, "frames after the pcap header");
        InterfaceState.Addresses(headendNs, "eue-lab0").Select(a => a.Address).Should().NotContain(IPAddress.Parse("192.0.2.1"), "Ctrl-C took the headend's addresses off the NIC");
    }

    [Fact]
    public async Task On_the_netns_fabric_a_client_in_the_device_namespace_is_served_and_the_namespaces_go_on_Ctrl_C()
    {
        var evidence = Repo.TempDir();
        var cli = Running.Start("headend", "up", "--profile", "simulated", "--network", Database, "--fabric", "netns", "--evidence", evidence);
        await cli.WaitForAsync("Ctrl-C stops");
        var ns = cli.Output.Split('\n').Single(l => l.StartsWith("device namespace: ", StringComparison.Ordinal)).Split(' ')[2];

        var lease = await LeaseAsync(ns, NetnsFabric.Interface);
        lease["new_ip_address"].Should().Be(EueV4.ToString());

        (await cli.CtrlCAsync()).Should().Be(0, cli.Output + cli.Error);
        IpCommand.Run(null, "netns", "list").Should().NotContain(ns, "the bench's namespaces are deleted when it stops");
    }

    [Fact]
    public async Task A_profile_whose_devices_the_database_does_not_know_is_refused_with_the_fix()
    {
        var dir = Repo.TempDir();
        var profile = Path.Combine(dir, "other.yaml");
        await File.WriteAllTextAsync(profile, (await File.ReadAllTextAsync(Repo.ReferenceProfile))
            .Replace("ecm-mac: 00:10:95:00:00:01", "ecm-mac: 00:10:95:00:00:71").Replace("eue-mac: 00:10:95:00:00:02", "eue-mac: 00:10:95:00:00:72"));

        var (code, _, error) = await CliHarness.Run(["headend", "up", "--profile", profile, "--network", Database, "--interface", "eue-nosuch"]);

        code.Should().Be(2);
        error.Should().Contain("neither the eCM 00:10:95:00:00:71 nor the eUE 00:10:95:00:00:72").And.Contain("fix:");
    }

    [Fact]
    public async Task The_interface_fabric_needs_a_NIC()
    {
        var (code, _, error) = await CliHarness.Run(["headend", "up", "--profile", "simulated", "--network", Database]);

        code.Should().Be(2);
        error.Should().Contain("--interface").And.Contain("fix:");
    }
}
