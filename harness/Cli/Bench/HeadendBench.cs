using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using OperatorHeadend = EUeConformance.Headend.Composition.Headend;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Interface;
using EUeConformance.Network.Netns;

namespace EUeConformance.Cli.Bench;

/// <summary>
/// The headend standing alone for a real device (ARCHITECTURE.md's lab-bench user): one fabric on real
/// sockets, the headend's host on it with its addresses, every server running from the provisioning
/// database, and the evidence written as it happens. On the netns fabric the bench also has a device
/// namespace on the same bridge (for firmware run in an emulator, or a client tool) and the NICs it was
/// told to plug in. Disposing stops the servers and takes down what the fabric set up.
/// </summary>
public sealed class HeadendBench : IAsyncDisposable
{
    /// <summary>The headend host's MAC where the fabric sets one (netns): locally administered.</summary>
    public static readonly PhysicalAddress HeadendMac = PhysicalAddress.Parse("02-00-00-00-00-01");

    HeadendBench(IFabric fabric, EvidenceLog log, EvidenceRecorder recorder, INetworkHost host, OperatorHeadend headend, string? deviceNamespace)
    {
        Fabric = fabric; Log = log; Recorder = recorder; Host = host; Headend = headend; DeviceNamespace = deviceNamespace;
    }

    public IFabric Fabric { get; }
    public EvidenceLog Log { get; }
    public EvidenceRecorder Recorder { get; }
    public INetworkHost Host { get; }
    public OperatorHeadend Headend { get; }

    /// <summary>Netns fabric: the namespace on the bench's bridge where a device (or a client) can be run.</summary>
    public string? DeviceNamespace { get; }

    /// <summary>Stands the bench up; <paramref name="onEvent"/> hears every evidence event as it is published (on the publisher's thread).</summary>
    public static async Task<HeadendBench> StartAsync(HeadendBenchOptions options, ProvisioningDatabase database, PhysicalAddress deviceMac,
        Action<EvidenceEvent> onEvent, CancellationToken cancellationToken)
    {
        IFabric fabric = options.Fabric switch
        {
            FabricKind.Interface => new InterfaceFabric(new InterfaceFabricOptions
            {
                Interfaces = [options.Interface!],
                Namespaces = options.InterfaceNamespace is { } ns ? new Dictionary<string, string> { [options.Interface!] = ns } : new Dictionary<string, string>(),
            }),
            FabricKind.Netns => new NetnsFabric(new NetnsFabricOptions()),
            _ => throw new ArgumentException($"a bench runs on the interface or netns fabric, not {options.Fabric}"),
        };
        EvidenceRecorder? recorder = null;
        try
        {
            var log = new EvidenceLog(fabric);
            log.Published += onEvent;
            recorder = new EvidenceRecorder(fabric, log, options.EvidenceDirectory);
            var link = fabric.CreateLink("bench");
            var addresses = options.Addresses.Count > 0 ? options.Addresses : DefaultAddresses(database);
            var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac, addresses) { InterfaceName = options.Interface }, cancellationToken);
            string? deviceNamespace = null;
            if (fabric is NetnsFabric netns)
            {
                // The device side: a namespace whose kernel does its own router discovery, as a device's would.
                var device = await netns.AddHostAsync(link, new HostOptions("device", deviceMac, []) { AutoLinkLocal = true },
                    new NetnsHostSettings { KernelRouterDiscovery = true }, cancellationToken);
                deviceNamespace = NetnsFabric.NamespaceOf(device);
                foreach (var nic in options.Attach) netns.Attach(link, nic, options.AttachNamespace);
            }
            var headend = await OperatorHeadend.StartAsync(fabric, host, database, log);
            return new HeadendBench(fabric, log, recorder, host, headend, deviceNamespace);
        }
        catch
        {
            recorder?.Dispose();
            await fabric.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The addresses the database's servers answer from: every DHCP server identity's IPv4 address with the
    /// IPv4 plan's prefix length, and the IPv6 resolvers inside the IPv6 plan's prefix (else prefix::1).
    /// </summary>
    public static IReadOnlyList<InterfaceAddress> DefaultAddresses(ProvisioningDatabase database)
    {
        var list = new List<InterfaceAddress>();
        if (database.Network.Ipv4 is { } v4)
            foreach (var a in new[] { database.EcmServer?.Ipv4 }.Concat(database.EueServers.Select(s => s.Ipv4)).OfType<IPAddress>().Distinct())
                list.Add(new InterfaceAddress(a, v4.PrefixLength));
        if (database.Network.Ipv6 is { } v6)
        {
            var inPrefix = database.Network.DnsServersV6.Where(a => SamePrefix(a, v6.Prefix, v6.PrefixLength)).ToList();
            if (inPrefix.Count == 0)
            {
                var bytes = v6.Prefix.GetAddressBytes();
                bytes[15] = 1;
                inPrefix.Add(new IPAddress(bytes));
            }
            list.AddRange(inPrefix.Distinct().Select(a => new InterfaceAddress(a, v6.PrefixLength)));
        }
        return list;
    }

    static bool SamePrefix(IPAddress a, IPAddress prefix, int length)
    {
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return false;
        var x = a.GetAddressBytes();
        var p = prefix.GetAddressBytes();
        for (int bit = 0; bit < length; bit++)
            if (((x[bit / 8] ^ p[bit / 8]) & (0x80 >> (bit % 8))) != 0) return false;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        try { await Headend.DisposeAsync(); }
        finally
        {
            await Fabric.DisposeAsync();
            Recorder.Dispose();
        }
    }
}
