using System.Net;
using System.Text;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Sockets;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// What is particular to the netns fabric: real namespaces with real ports, where real programs
/// (socat, rdisc6, the kernel's own router discovery) are the peers our endpoints are proven
/// against, and nothing is left behind. Needs root (CI runs as root) and the Debian packages
/// socat and ndisc6, which scripts/test installs.
/// </summary>
public sealed class NetnsFabricTests : IAsyncLifetime
{
    static readonly IPAddress Server = IPAddress.Parse("192.0.2.1");
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    NetnsFabric _fabric = null!;

    public Task InitializeAsync()
    {
        _fabric = new NetnsFabric();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    Task<INetworkHost> Host(ILink link, string name, int n, params string[] cidrs) =>
        _fabric.AddHostAsync(link, new HostOptions(name, new([0x02, 0, 0, 0, 0, (byte)n]), cidrs.Select(Cidr).ToList()));

    static InterfaceAddress Cidr(string text) => new(IPAddress.Parse(text.Split('/')[0]), int.Parse(text.Split('/')[1]));

    static string Tool(string path, string package)
    {
        File.Exists(path).Should().BeTrue($"{path} is needed: apt-get install {package} (scripts/test installs it)");
        return path;
    }

    [Fact]
    public async Task A_server_on_port_67_hears_a_real_DHCP_style_broadcast_sent_by_socat_from_a_host_without_an_address()
    {
        var link = _fabric.CreateLink("cable");
        var headend = await Host(link, "headend", 1, "192.0.2.1/24");
        var device = await Host(link, "device", 2);
        var inbox = new DatagramInbox(headend.OpenUdp(new IPEndPoint(IPAddress.Any, 67)));
        var frames = new List<CapturedFrame>();
        _fabric.FrameCaptured += f => { lock (frames) frames.Add(f); };

        using var socat = _fabric.StartProcess(device, Tool("/usr/bin/socat", "socat"), "-u", "STDIN",
            "UDP4-DATAGRAM:255.255.255.255:67,broadcast,so-bindtodevice=eth0,bind=0.0.0.0:68");
        await socat.StandardInput.WriteAsync("DHCPDISCOVER");
        socat.StandardInput.Close();
        var ended = await NetnsProcess.WaitAsync(socat, Patience, _fabric.Clock);

        ended.ExitCode.Should().Be(0, ended.Stderr);
        (await _fabric.RunUntilAsync(inbox.First, Patience)).Should().BeTrue();
        var d = inbox.Received.Single();
        d.Destination.Should().Be(new IPEndPoint(IPAddress.Broadcast, 67));
        d.Source.Should().Be(new IPEndPoint(IPAddress.Any, 68));
        Encoding.ASCII.GetString(d.Payload.Span).Should().Be("DHCPDISCOVER");
        lock (frames)
            frames.Should().ContainSingle("socat is not one of our endpoints, so its datagram is recorded on arrival")
                .Which.Frame.AsSpan(0, 6).ToArray().Should().Equal([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    }

    [Fact]
    public async Task Duplicate_address_detection_is_the_kernels_and_leaves_no_failed_address_behind()
    {
        var link = _fabric.CreateLink("lan");
        var owner = await Host(link, "owner", 1, "2001:db8::5/64");
        var latecomer = await Host(link, "latecomer", 2);

        var outcome = await latecomer.AssignAddressAsync(Cidr("2001:db8::5/64"));

        outcome.Should().Be(AddressAssignment.Duplicate);
        InterfaceState.Addresses(NetnsFabric.NamespaceOf(latecomer), NetnsFabric.Interface).Select(a => a.Address)
            .Should().NotContain(IPAddress.Parse("2001:db8::5"), "a dadfailed address is removed, not left tentative");
        InterfaceState.Addresses(NetnsFabric.NamespaceOf(owner), NetnsFabric.Interface)
            .Should().Contain(a => a.Address.Equals(IPAddress.Parse("2001:db8::5")) && !a.Tentative && !a.DadFailed);
    }

    [Fact]
    public async Task Our_router_advertisement_with_the_M_bit_is_read_as_managed_by_rdisc6_a_real_client()
    {
        var link = _fabric.CreateLink("lan");
        var router = await Host(link, "router", 1);
        var device = await Host(link, "device", 2);
        router.NeighborDiscovery.RouterSolicitationReceived = solicitor => router.NeighborDiscovery.SendRouterAdvertisement(
            new RouterAdvertisement(Managed: true, Other: true, TimeSpan.FromMinutes(30), [Cidr("2001:db8:1::/64")]), solicitor);

        // rdisc6 solicits, then checks what it gets like a host must (hop limit 255, RFC 4861 §6.1.2).
        var run = await _fabric.RunProcessAsync(device, Patience, Tool("/usr/bin/rdisc6", "ndisc6"), "-1", "-r", "3", "-w", "1000", NetnsFabric.Interface);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Stdout.Should().MatchRegex(@"Stateful address conf\.\s*:\s*Yes").And.MatchRegex(@"Stateful other conf\.\s*:\s*Yes")
            .And.Contain("2001:db8:1::/64").And.MatchRegex(@"Router lifetime\s*:\s*1800");
    }

    [Fact]
    public async Task A_kernel_doing_its_own_router_discovery_solicits_our_router_and_forms_its_address_from_our_prefix()
    {
        var link = _fabric.CreateLink("lan");
        var router = await Host(link, "router", 1);
        var solicited = new TaskCompletionSource<IPAddress>(TaskCreationOptions.RunContinuationsAsynchronously);
        router.NeighborDiscovery.RouterSolicitationReceived = solicitor =>
        {
            solicited.TrySetResult(solicitor);
            // M clear: the prefix is autonomous, so the kernel forms its own address (RFC 4862 §5.5.3).
            router.NeighborDiscovery.SendRouterAdvertisement(new RouterAdvertisement(Managed: false, Other: false, TimeSpan.FromMinutes(30), [Cidr("2001:db8:2::/64")]));
        };

        var device = await _fabric.AddHostAsync(link, new HostOptions("device", new([0x02, 0, 0, 0, 0, 2]), []), new NetnsHostSettings { KernelRouterDiscovery = true });

        (await _fabric.RunUntilAsync(solicited.Task, Patience)).Should().BeTrue("the kernel solicits a router once its link-local address passed DAD");
        var deviceLinkLocal = device.Addresses.Single(a => a.Address.IsIPv6LinkLocal).Address;
        (await solicited.Task).Should().Be(new IPAddress(deviceLinkLocal.GetAddressBytes(), router.InterfaceIndex));
        var slaac = IPAddress.Parse("2001:db8:2::ff:fe00:2"); // 02:00:00:00:00:02 in modified EUI-64
        using var limit = new CancellationTokenSource(Patience, _fabric.Clock);
        var formed = Poll(() => InterfaceState.Addresses(NetnsFabric.NamespaceOf(device), NetnsFabric.Interface).Any(a => a.Address.Equals(slaac)), limit.Token);
        (await _fabric.RunUntilAsync(formed, Patience)).Should().BeTrue("the device's kernel accepted our advertisement and formed {0}", slaac);
    }

    [Fact]
    public async Task The_kernel_settings_are_written_inside_the_host_namespace()
    {
        var device = await Host(_fabric.CreateLink("lan"), "device", 2);

        var run = await _fabric.RunProcessAsync(device, Patience, "/usr/sbin/sysctl", "-n",
            "net.ipv6.conf.eth0.accept_ra", "net.ipv6.conf.eth0.autoconf", "net.ipv6.neigh.eth0.retrans_time_ms", "net.ipv6.conf.eth0.router_solicitation_delay");

        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("0", "0", "100", "0");
    }

    [Fact]
    public async Task A_socket_is_created_inside_its_host_namespace_on_the_standard_port_and_bound_to_eth0()
    {
        var headend = await Host(_fabric.CreateLink("lan"), "headend", 1, "192.0.2.1/24");
        using var dhcp = headend.OpenUdp(new IPEndPoint(IPAddress.Any, 67));

        var inside = await _fabric.RunProcessAsync(headend, Patience, "/usr/bin/ss", "-H", "-u", "-l", "-n");

        inside.Stdout.Should().Contain("0.0.0.0%eth0:67");
        File.ReadAllText("/proc/net/udp").Should().NotContain(":0043 ", "nothing of ours listens on port 67 (0x43) in the test process's own namespace");
    }

    [Fact]
    public async Task Disposing_the_fabric_removes_its_namespaces_and_ends_the_programs_it_started()
    {
        var fabric = new NetnsFabric();
        var host = await fabric.AddHostAsync(fabric.CreateLink("lan"), new HostOptions("host", new([2, 0, 0, 0, 0, 1]), []));
        var sleeper = fabric.StartProcess(host, "/usr/bin/sleep", "60");

        await fabric.DisposeAsync();

        sleeper.HasExited.Should().BeTrue();
        IpCommand.Run(null, "netns", "list").Should().NotContain(fabric.Prefix);
    }

    [Fact]
    public async Task A_program_is_waited_for_until_it_exits_even_when_a_daemon_it_detached_keeps_its_output_open_and_the_daemon_ends_with_the_fabric()
    {
        var fabric = new NetnsFabric();
        var host = await fabric.AddHostAsync(fabric.CreateLink("lan"), new HostOptions("client", new([2, 0, 0, 0, 0, 2]), []));
        var started = fabric.Clock.GetTimestamp();

        // Like dhcpcd, whose proxies detach and keep the pipe: the shell ends, the daemon stays.
        var run = await fabric.RunProcessAsync(host, Patience, "/bin/sh", "-c", "setsid sleep 60 & echo started");

        run.Should().Be(new NetnsProcess.Result(0, "started\n", "", TimedOut: false));
        fabric.Clock.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(5));
        var daemons = IpCommand.Run(null, "netns", "pids", NetnsFabric.NamespaceOf(host)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        daemons.Should().NotBeEmpty();
        await fabric.DisposeAsync();
        daemons.Should().OnlyContain(pid => !Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "),
            "what runs in a namespace of ours was started by us and ends with the fabric");
    }

    [Fact]
    public void The_sweep_removes_a_namespace_left_by_a_dead_run_and_nothing_else()
    {
        int dead = DeadPid();
        string stale = $"eue-n{dead}x0000-h1";
        string live = $"{NetnsNames.NewPrefix()}-h1";
        string foreign = $"eue-foreign{Environment.ProcessId}";
        foreach (var ns in new[] { stale, live, foreign }) IpCommand.Run(null, "netns", "add", ns);
        try
        {
            NetnsNames.SweepStale().Should().Contain(stale);

            var left = IpCommand.Run(null, "netns", "list");
            left.Should().NotContain(stale).And.Contain(live).And.Contain(foreign);
        }
        finally
        {
            NetnsNames.Delete([stale, live, foreign]);
        }
    }

    static int DeadPid()
    {
        int max = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim());
        for (int pid = max - 1; pid > 1; pid--)
            if (!Directory.Exists($"/proc/{pid}")) return pid;
        throw new InvalidOperationException("no unused PID");
    }

    async Task Poll(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition()) await Task.Delay(TimeSpan.FromMilliseconds(20), _fabric.Clock, cancellationToken);
    }
}
