using System.Diagnostics;
using System.Globalization;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Netns;

/// <summary>
/// Real Linux network namespaces: each link is a bridge in a namespace of its own, each host a
/// namespace with one veth (<c>eth0</c>, the host's MAC) plugged into its link's bridge. Addresses
/// are configured with <c>ip address add</c>, IPv6 DAD is the kernel's, ports are the standard
/// ones (67/68, 546/547, 53, 69, 88, 161/162, 514, 37…), broadcast, multicast, link-local scope
/// and router discovery are real frames on a real bridge. Needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN).
/// </summary>
/// <remarks>
/// Real: the kernel's stack in every namespace, the veths and bridge, ARP/ND, DAD, SO_BROADCAST,
/// multicast joins, raw ICMPv6 for RS/RA, real programs run inside a host's namespace
/// (<see cref="StartProcess"/>). Synthesised: the evidence frames (from what our endpoints send
/// and receive, see <see cref="CaptureLedger"/>), so the kernel's own ND/ARP chatter is not in
/// them. Everything is created under a fresh <c>eue-n&lt;pid&gt;x&lt;hex&gt;</c> prefix and deleted on
/// disposal; namespaces of a crashed earlier run are swept when the next fabric starts.
/// </remarks>
public sealed class NetnsFabric : KernelFabric
{
    static readonly object s_liveGate = new();
    static readonly HashSet<NetnsFabric> s_live = [];
    static int s_exitHooked;

    readonly NetnsFabricOptions _options;
    readonly string _prefix = NetnsNames.NewPrefix();
    readonly object _gate = new();
    readonly List<NetnsLink> _links = [];
    readonly List<string> _namespaces = [];
    readonly List<Process> _processes = [];
    int _hosts;

    public NetnsFabric(NetnsFabricOptions? options = null) : base(FabricKind.Netns, (options ?? new()).Seed, options?.Clock)
    {
        _options = options ?? new();
        EnsureAvailable();
        NetnsNames.SweepStale();
        lock (s_liveGate) s_live.Add(this);
        if (Interlocked.Exchange(ref s_exitHooked, 1) == 0)
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                // A run stopped without disposing its fabrics still leaves no namespace behind.
                List<NetnsFabric> live;
                lock (s_liveGate) live = [.. s_live];
                foreach (var f in live) f.RemoveNamespaces();
            };
    }

    /// <summary>The metric of each host's on-link default routes (IPv4 and IPv6): below any route the kernel learns.</summary>
    const int OnLinkMetric = 65000;

    /// <summary>The prefix of every namespace of this fabric, e.g. <c>eue-n4242x1f3a</c>.</summary>
    public string Prefix => _prefix;

    /// <summary>Throws, saying what is missing, when namespaces cannot be made here (not root, no iproute2).</summary>
    public static void EnsureAvailable()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the netns fabric needs Linux network namespaces");
        if (LibC.geteuid() != 0)
            throw new UnauthorizedAccessException("the netns fabric needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN to create namespaces and veths); run the tests as root, as CI does");
        if (!File.Exists(IpCommand.Path)) throw new InvalidOperationException($"the netns fabric needs iproute2 ({IpCommand.Path}); apt-get install iproute2");
    }

    public override ILink CreateLink(string name)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        string ns;
        lock (_gate)
        {
            if (_links.Any(l => l.Name == name)) throw new ArgumentException($"a link named '{name}' exists already", nameof(name));
            ns = $"{_prefix}-l{_links.Count + 1}";
            _namespaces.Add(ns);
        }
        var link = NetnsLink.Create(name, ns);
        lock (_gate) _links.Add(link);
        return link;
    }

    public override Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default) =>
        AddHostAsync(link, options, new NetnsHostSettings(), cancellationToken);

    /// <summary>Attaches a host whose kernel settings differ from the fabric's (e.g. a real client that relies on the kernel's router discovery).</summary>
    public async Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, NetnsHostSettings settings, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (link is not NetnsLink l || !_links.Contains(l)) throw new ArgumentException("the link does not belong to this fabric", nameof(link));
        if (Hosts.Any(h => h.Name == options.Name)) throw new ArgumentException($"a host named '{options.Name}' is already attached", nameof(options));
        string ns = $"{_prefix}-h{Interlocked.Increment(ref _hosts)}";
        lock (_gate) _namespaces.Add(ns);
        string port = $"p{l.NextPort()}";
        IpCommand.Run(null, "netns", "add", ns);
        IpCommand.Batch(l.Namespace, [$"link add {port} type veth peer name {Interface} netns {ns}", $"link set {port} master {NetnsLink.Bridge}", $"link set {port} up"]);
        var thread = new NamespaceThread(ns);
        try
        {
            bool kernelRd = settings.KernelRouterDiscovery ?? _options.KernelRouterDiscovery;
            thread.Run(() => ConfigureKernel(Interface, options.AutoLinkLocal, kernelRd));
            IpCommand.Batch(ns, [$"link set {Interface} address {MacText(options)}", "link set lo up", $"link set {Interface} up",
                // The link is the boundary, as on the other fabrics: every address a host of the link has is reached on
                // the link, whatever its subnet or prefix (an eUE leased an address in another prefix than the headend's
                // still reaches it, as through the router its RA names, which is the headend). A lowest-priority on-link
                // default route each; the kernel's own (RA-learned, for real clients) come first.
                $"route add 0.0.0.0/0 dev {Interface} metric {OnLinkMetric}", $"route add ::/0 dev {Interface} metric {OnLinkMetric}"]);
        }
        catch
        {
            thread.Dispose();
            throw;
        }
        var host = await KernelHost.AttachAsync(this, l, options.Name, thread, Interface, options.Addresses, options.AutoLinkLocal, _options.Host, cancellationToken);
        Register(host);
        return host;
    }

    /// <summary>
    /// Plugs an existing interface of this machine into <paramref name="link"/>'s bridge: a NIC cabled to a
    /// real device on a bench, so the device shares the link with the fabric's hosts. The interface is moved
    /// from <paramref name="fromNamespace"/> (null: the machine's own) into the link's namespace; when the
    /// fabric is disposed and that namespace deleted, a physical NIC returns to the machine's namespace
    /// (a veth end is deleted with it).
    /// </summary>
    public void Attach(ILink link, string interfaceName, string? fromNamespace = null)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (link is not NetnsLink l || !_links.Contains(l)) throw new ArgumentException("the link does not belong to this fabric", nameof(link));
        IpCommand.Run(fromNamespace, "link", "set", "dev", interfaceName, "netns", l.Namespace);
        IpCommand.Batch(l.Namespace, [$"link set dev {interfaceName} master {NetnsLink.Bridge}", $"link set dev {interfaceName} up"]);
    }

    /// <summary>Every host's one interface is called eth0 inside its namespace.</summary>
    public const string Interface = "eth0";

    /// <summary>
    /// A port for a program that runs its own network stack user (a device under test started as a separate
    /// process, e.g. the reference E-UE or firmware in an emulator): a fresh namespace with one veth called
    /// <paramref name="interfaceName"/>, carrying <paramref name="mac"/>, plugged into <paramref name="link"/>'s
    /// bridge and configured as every host's is (DAD, RetransTimer, an EUI-64 link-local address or none), but
    /// with no host of this fabric on it: the program binds the interface itself (e.g. through an interface fabric
    /// given the namespace). Removed with the fabric.
    /// </summary>
    public NetnsPort AddPort(ILink link, string interfaceName, System.Net.NetworkInformation.PhysicalAddress mac, bool autoLinkLocal)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (link is not NetnsLink l || !_links.Contains(l)) throw new ArgumentException("the link does not belong to this fabric", nameof(link));
        string ns = $"{_prefix}-h{Interlocked.Increment(ref _hosts)}";
        lock (_gate) _namespaces.Add(ns);
        string port = $"p{l.NextPort()}";
        IpCommand.Run(null, "netns", "add", ns);
        IpCommand.Batch(l.Namespace, [$"link add {port} type veth peer name {interfaceName} netns {ns}", $"link set {port} master {NetnsLink.Bridge}", $"link set {port} up"]);
        using (var thread = new NamespaceThread(ns)) thread.Run(() => ConfigureKernel(interfaceName, autoLinkLocal, _options.KernelRouterDiscovery));
        string macText = string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        IpCommand.Batch(ns, [$"link set {interfaceName} address {macText}", "link set lo up", $"link set {interfaceName} up"]);
        return new NetnsPort(ns, interfaceName, mac);
    }

    /// <summary>
    /// Written through /proc/sys/net from inside the namespace, before the interface comes up:
    /// RFC 4862 DAD with one probe (accept_dad, dad_transmits) after no random delay
    /// (router_solicitation_delay = 0 removes the up-to-1 s MAX_RTR_SOLICITATION_DELAY wait),
    /// RetransTimer from the options, an EUI-64 link-local or none (addr_gen_mode), and the
    /// kernel's own router discovery on or off.
    /// </summary>
    void ConfigureKernel(string interfaceName, bool autoLinkLocal, bool kernelRouterDiscovery)
    {
        string conf = "/proc/sys/net/ipv6/conf/" + interfaceName + "/";
        Write(conf + "accept_dad", "1");
        Write(conf + "dad_transmits", "1");
        Write(conf + "router_solicitation_delay", "0");
        Write(conf + "addr_gen_mode", autoLinkLocal ? "0" : "1");
        Write(conf + "accept_ra", kernelRouterDiscovery ? "1" : "0");
        Write(conf + "autoconf", kernelRouterDiscovery ? "1" : "0");
        Write("/proc/sys/net/ipv6/neigh/" + interfaceName + "/retrans_time_ms", ((int)_options.RetransTimer.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
    }

    static void Write(string path, string value) => File.WriteAllText(path, value);

    static string MacText(HostOptions options) =>
        string.Join(':', options.Mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>The namespace a host of this fabric lives in (for <c>ip netns exec</c>).</summary>
    public static string NamespaceOf(INetworkHost host) =>
        (host as KernelHost)?.Namespace ?? throw new ArgumentException($"{host.Name} is not a host of a netns fabric", nameof(host));

    /// <summary>
    /// Starts a program inside <paramref name="host"/>'s namespace (<c>ip netns exec</c>), with its
    /// output redirected, for interop with real clients and servers. The caller owns it and ends it
    /// by its PID (Process.Kill); whatever is still running in the fabric's namespaces when it is
    /// disposed (the program, or a daemon it detached) is ended then.
    /// </summary>
    public Process StartProcess(INetworkHost host, string fileName, params string[] arguments)
    {
        var process = NetnsProcess.Start(NamespaceOf(host), fileName, arguments);
        lock (_gate) _processes.Add(process);
        return process;
    }

    /// <summary>Runs a program inside <paramref name="host"/>'s namespace to completion, bounded by <paramref name="timeout"/>.</summary>
    public async Task<NetnsProcess.Result> RunProcessAsync(INetworkHost host, TimeSpan timeout, string fileName, params string[] arguments)
    {
        using var process = StartProcess(host, fileName, arguments);
        return await NetnsProcess.WaitAsync(process, timeout, Clock);
    }

    protected override ValueTask RemoveNetworkAsync()
    {
        List<Process> processes;
        lock (_gate) { processes = [.. _processes]; _processes.Clear(); }
        foreach (var p in processes) NetnsProcess.EndIfRunning(p);
        List<string> namespaces;
        lock (_gate) namespaces = [.. _namespaces];
        foreach (var ns in namespaces) NetnsProcess.EndAllIn(ns);
        RemoveNamespaces();
        lock (s_liveGate) s_live.Remove(this);
        return ValueTask.CompletedTask;
    }

    void RemoveNamespaces()
    {
        List<string> namespaces;
        lock (_gate) { namespaces = [.. _namespaces]; _namespaces.Clear(); }
        NetnsNames.Delete(namespaces);
    }
}
