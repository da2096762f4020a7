using System.Net;
using System.Net.Sockets;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Headend.Servers.Dhcp4;
using EUeConformance.Headend.Servers.Dhcp6;
using EUeConformance.Headend.Servers.Dns;
using EUeConformance.Headend.Servers.Http;
using EUeConformance.Headend.Servers.Kdc;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Headend.Servers.Router;
using EUeConformance.Headend.Servers.Syslog;
using EUeConformance.Headend.Servers.Tftp;
using EUeConformance.Headend.Servers.Time;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Headend.Composition;

/// <summary>
/// The operator's network around the device under test (ARCHITECTURE.md, harness/Headend): every server
/// on one fabric host, answering from one <see cref="ProvisioningDatabase"/>, publishing to one evidence
/// sink. Each server's decision logic is exposed with its <see cref="OverrideSet"/> for the scenario to
/// script; <see cref="DisposeAsync"/> closes every socket and cancels every timer.
/// </summary>
public sealed class Headend : IAsyncDisposable
{
    readonly IFabric _fabric;
    readonly List<IAsyncDisposable> _running = [];

    Headend(IFabric fabric, INetworkHost host, ProvisioningDatabase database, IEvidenceSink evidence, HeadendOptions options)
    {
        _fabric = fabric;
        Host = host;
        Database = database;
        Options = options;
        Runtime = new ServerRuntime(host, fabric.Clock, evidence);
        Zones = new DnsZoneStore(database.Zones);
        Bindings = new EueBindings(fabric.Clock);
        EcmDhcpV4 = new EcmDhcp4Responder(database);
        EueDhcpV4 = new EueDhcp4Responder(database, Zones, Bindings);
        EcmDhcpV6 = new EcmDhcp6Responder(database);
        EueDhcpV6 = new EueDhcp6Responder(database, Zones, Bindings);
        Dns = new DnsResponder(Zones);
        Tftp = new TftpResponder(FileContent, options.TftpPolicy);
        Http = new HttpResponder(FileContent);
        TimeOfDay = new TodResponder(fabric.Clock);
    }

    public INetworkHost Host { get; }
    public ProvisioningDatabase Database { get; }
    public HeadendOptions Options { get; }
    public ServerRuntime Runtime { get; }
    public DnsZoneStore Zones { get; }
    /// <summary>The eUE 3-tuples (MAC, address, FQDN) the eUE DHCP servers bound, for the Provisioning Server (EUE-PROV 6.2.2).</summary>
    public EueBindings Bindings { get; }

    public EcmDhcp4Responder EcmDhcpV4 { get; }
    public EueDhcp4Responder EueDhcpV4 { get; }
    public EcmDhcp6Responder EcmDhcpV6 { get; }
    public EueDhcp6Responder EueDhcpV6 { get; }
    public DnsResponder Dns { get; }
    public TftpResponder Tftp { get; }
    public HttpResponder Http { get; }
    public TodResponder TimeOfDay { get; }
    public SyslogCollector? Syslog { get; private set; }
    public RouterAdvertiser? Router { get; private set; }
    /// <summary>Neighbour discovery on the link as evidence (service "nd"); null when the headend has no IPv6 address.</summary>
    public NeighborDiscoveryWatch? NeighborDiscovery { get; private set; }

    /// <summary>Neighbour discovery probes from the headend (who answers a Neighbor or Router Solicitation): EUE-PROV 6.3.2.1 ¶15.</summary>
    public NeighborProbe Neighbors => _neighbors ??= new NeighborProbe(Runtime);
    NeighborProbe? _neighbors;

    /// <summary>Runs <see cref="NeighborProbe.IsDefendedAsync"/> on the fabric's actor context.</summary>
    public Task<bool> ProbeNeighborAsync(IPAddress target, CancellationToken cancellationToken = default) =>
        _fabric.InvokeAsync<bool>(() => Neighbors.IsDefendedAsync(target, cancellationToken));

    /// <summary>Runs <see cref="NeighborProbe.SolicitRoutersAsync"/> on the fabric's actor context.</summary>
    public Task<IReadOnlyList<IPAddress>> SolicitRoutersAsync(TimeSpan listen, CancellationToken cancellationToken = default) =>
        _fabric.InvokeAsync<IReadOnlyList<IPAddress>>(() => Neighbors.SolicitRoutersAsync(listen, cancellationToken));

    /// <summary>The TLV 38 management stations, when <see cref="HeadendOptions.NotificationReceiverPorts"/> names ports; null otherwise.</summary>
    public NotificationCollector? NotificationReceivers { get; private set; }

    /// <summary>SEAT: comes with the Kerberos issue; null until registered with <see cref="Register(IKdc)"/>.</summary>
    public IKdc? Kdc { get; private set; }

    /// <summary>The SNMP entity: the headend's own <see cref="Servers.Provisioning.ProvisioningServer"/> when started with the others, or one registered with <see cref="Register(IProvisioningServer)"/>; null otherwise.</summary>
    public IProvisioningServer? ProvisioningServer { get; private set; }

    /// <summary>Every server's overrides, by evidence service name ("ecm-dhcpv4", "eue-dhcpv6", "dns", "tftp", "http", "tod", "ra", …).</summary>
    public IReadOnlyDictionary<string, OverrideSet> Overrides
    {
        get
        {
            var map = new Dictionary<string, OverrideSet>
            {
                [EcmDhcpV4.Service] = EcmDhcpV4.Overrides,
                [EueDhcpV4.Service] = EueDhcpV4.Overrides,
                [EcmDhcpV6.Service] = EcmDhcpV6.Overrides,
                [EueDhcpV6.Service] = EueDhcpV6.Overrides,
                ["dns"] = Dns.Overrides,
                ["tftp"] = Tftp.Overrides,
                ["http"] = Http.Overrides,
                ["tod"] = TimeOfDay.Overrides,
            };
            if (Router is not null) map["ra"] = Router.Overrides;
            if (Kdc is not null) map["kdc"] = Kdc.Overrides;
            if (ProvisioningServer is not null) map["prov-snmp"] = ProvisioningServer.Overrides;
            return map;
        }
    }

    /// <summary>Clears every server's overrides and counters (between scenarios sharing a headend).</summary>
    public void ClearOverrides()
    {
        foreach (var set in Overrides.Values) set.Clear();
    }

    /// <summary>Starts the servers <paramref name="options"/> names on <paramref name="host"/>, on the fabric's actor context.</summary>
    public static async Task<Headend> StartAsync(IFabric fabric, INetworkHost host, ProvisioningDatabase database, IEvidenceSink evidence, HeadendOptions? options = null)
    {
        var headend = new Headend(fabric, host, database, evidence, options ?? new HeadendOptions());
        await fabric.InvokeAsync(() => { headend.StartServers(); return Task.CompletedTask; });
        return headend;
    }

    public Task Register(IKdc kdc) => _fabric.InvokeAsync(() =>
    {
        Kdc = kdc;
        kdc.Start(Runtime, Database);
        _running.Add(kdc);
        return Task.CompletedTask;
    });

    /// <summary>Puts <paramref name="server"/> in the SNMP entity's seat (stop the built-in one first: leave ProvisioningServer out of <see cref="HeadendOptions.Services"/>).</summary>
    public Task Register(IProvisioningServer server) => _fabric.InvokeAsync(() =>
    {
        ProvisioningServer = server;
        server.Start(Runtime, Database);
        _running.Add(server);
        return Task.CompletedTask;
    });

    byte[]? FileContent(string name) => Database.FindFile(name)?.Content;

    bool HasV4 => Host.Addresses.Any(a => a.Address.AddressFamily == AddressFamily.InterNetwork);
    bool HasV6 => Host.Addresses.Any(a => a.Address.AddressFamily == AddressFamily.InterNetworkV6);

    /// <summary>The wildcard addresses to bind a service on: IPv4 and IPv6 as the host has them.</summary>
    IEnumerable<IPAddress> Families()
    {
        if (HasV4) yield return IPAddress.Any;
        if (HasV6) yield return IPAddress.IPv6Any;
    }

    void StartServers()
    {
        var s = Options.Services;
        if (s.HasFlag(HeadendServices.Dhcp4) && HasV4) Run(new Dhcp4Server(Runtime, [EcmDhcpV4, EueDhcpV4]), x => x.Start());
        if (s.HasFlag(HeadendServices.Dhcp6) && HasV6) Run(new Dhcp6Server(Runtime, [EcmDhcpV6, EueDhcpV6]), x => x.Start());
        foreach (var any in Families())
        {
            if (s.HasFlag(HeadendServices.Dns)) Run(new DnsServer(Runtime, Dns, any), x => x.Start());
            if (s.HasFlag(HeadendServices.Tftp)) Run(new TftpServer(Runtime, Tftp, any), x => x.Start());
            if (s.HasFlag(HeadendServices.Http)) Run(new HttpConfigServer(Runtime, Http, any, Options.HttpPort), x => x.Start());
            if (s.HasFlag(HeadendServices.TimeOfDay)) Run(new TodServer(Runtime, TimeOfDay, any), x => x.Start(Options.TimeOverTcp));
        }
        if (s.HasFlag(HeadendServices.Syslog))
        {
            // One collector keeps one ordered list, whatever the family the messages come over.
            foreach (var any in Families())
            {
                var collector = new SyslogCollector(Runtime, any);
                Run(collector, x => x.Start());
                Syslog ??= collector;
                if (collector != Syslog) SyslogSiblings.Add(collector);
            }
        }
        if (HasV6)
        {
            NeighborDiscovery = new NeighborDiscoveryWatch(_fabric, Runtime);
            Run(NeighborDiscovery, x => x.Start());
        }
        if (s.HasFlag(HeadendServices.RouterAdvertiser) && Database.Network.Ipv6 is { } plan && HasV6)
        {
            Router = new RouterAdvertiser(Runtime, plan);
            Run(Router, x => x.Start());
        }
        if (s.HasFlag(HeadendServices.ProvisioningServer))
        {
            var server = new ProvisioningServer(Bindings, Options.Seed);
            Run(server, x => x.Start(Runtime, Database));
            ProvisioningServer = server;
        }
        if (Options.NotificationReceiverPorts.Count > 0)
        {
            NotificationReceivers = new NotificationCollector(Runtime, Options.NotificationReceiverPorts);
            Run(NotificationReceivers, x => x.Start());
        }
    }

    /// <summary>Collectors on the other address family (their messages are in <see cref="SyslogMessages"/>).</summary>
    List<SyslogCollector> SyslogSiblings { get; } = [];

    /// <summary>Every syslog message received on any family, in arrival order per family.</summary>
    public IReadOnlyList<(IPEndPoint From, Protocols.Syslog.SyslogMessage Message)> SyslogMessages =>
        Syslog is null ? [] : [.. Syslog.Messages, .. SyslogSiblings.SelectMany(c => c.Messages)];

    void Run<T>(T server, Action<T> start) where T : IAsyncDisposable
    {
        start(server);
        _running.Add(server);
    }

    public async ValueTask DisposeAsync()
    {
        await _fabric.InvokeAsync(async () =>
        {
            for (int i = _running.Count - 1; i >= 0; i--) await _running[i].DisposeAsync();
            _running.Clear();
        });
    }
}
