using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// The base of the fabrics whose hosts are real kernel interfaces (netns: a veth in a namespace;
/// interface: a lab NIC): addresses, DAD and delivery are the kernel's; the evidence is synthesised
/// from the endpoints' own traffic with the <see cref="CaptureLedger"/> keeping each datagram once.
/// </summary>
public abstract class KernelFabric : RealFabric
{
    readonly object _gate = new();
    readonly List<KernelHost> _hosts = [];

    protected KernelFabric(FabricKind kind, int seed, TimeProvider? clock = null) : base(kind, seed, clock)
    {
        Ledger = new CaptureLedger(Clock);
        Tcp = new TcpCaptureBook(Capture, Clock);
    }

    internal CaptureLedger Ledger { get; }
    internal TcpCaptureBook Tcp { get; }

    protected IReadOnlyList<KernelHost> Hosts { get { lock (_gate) return [.. _hosts]; } }

    protected void Register(KernelHost host)
    {
        lock (_gate)
        {
            if (_hosts.Any(h => h.Name == host.Name)) throw new ArgumentException($"a host named '{host.Name}' is already attached");
            _hosts.Add(host);
        }
    }

    internal void Unregister(KernelHost host)
    {
        lock (_gate) _hosts.Remove(host);
    }

    /// <summary>The MAC of the fabric's host that has <paramref name="address"/>, for frames and <see cref="Datagram.SourceMac"/>.</summary>
    internal PhysicalAddress? MacOf(IPAddress address)
    {
        var plain = new IPAddress(address.GetAddressBytes());
        lock (_gate) return _hosts.FirstOrDefault(h => h.Addresses.Any(a => new IPAddress(a.Address.GetAddressBytes()).Equals(plain)))?.Mac;
    }

    /// <summary>Whether a host of this fabric has <paramref name="address"/> and a UDP socket on <paramref name="port"/> there: a unicast to it is received.</summary>
    internal bool ReceivesUdp(IPAddress address, int port)
    {
        var plain = new IPAddress(address.GetAddressBytes());
        lock (_gate) return _hosts.Any(h => h.Addresses.Any(a => new IPAddress(a.Address.GetAddressBytes()).Equals(plain)) && h.ListensUdp(plain, port));
    }

    protected override async ValueTask DisposeNetworkAsync()
    {
        try
        {
            foreach (var host in Hosts) await host.DisposeAsync();
        }
        finally
        {
            // Whatever a host's disposal did, the namespaces go: nothing is left behind.
            await RemoveNetworkAsync();
        }
    }

    /// <summary>Removes what the fabric created around its hosts (namespaces, bridges); nothing for a lab's own NICs.</summary>
    protected abstract ValueTask RemoveNetworkAsync();
}
