using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Simulation;

/// <summary>A UDP endpoint of a simulated host; what it sends goes through <see cref="UdpDelivery"/>.</summary>
internal sealed class SimulatedUdpSocket(SimulatedHost host, IPEndPoint local) : IDatagramSocket
{
    readonly List<IPAddress> _groups = [];

    public IPEndPoint LocalEndPoint { get; } = local;

    public Action<Datagram>? Received { get; set; }

    internal SimulatedHost Host => host;

    internal bool IsOpen { get; private set; } = true;

    public void Send(ReadOnlySpan<byte> payload, IPEndPoint destination, IPAddress? source = null)
    {
        ObjectDisposedException.ThrowIf(!IsOpen, this);
        UdpDelivery.Send(this, payload, destination, source);
    }

    public void JoinMulticast(IPAddress group)
    {
        ObjectDisposedException.ThrowIf(!IsOpen, this);
        if (!AddressMath.IsGroup(group) || group.Equals(IPAddress.Broadcast))
            throw new SocketException((int)SocketError.InvalidArgument, $"{group} is not a multicast group");
        if (group.AddressFamily != LocalEndPoint.AddressFamily)
            throw new SocketException((int)SocketError.AddressFamilyNotSupported, $"a socket bound to {LocalEndPoint} cannot join {group}");
        if (!_groups.Any(g => AddressMath.SameAddress(g, group))) _groups.Add(AddressMath.Unscoped(group));
    }

    internal bool HasJoined(IPAddress group) => _groups.Any(g => AddressMath.SameAddress(g, group));

    /// <summary>Whether this socket takes a datagram for <paramref name="destination"/> port <paramref name="port"/> that reached its host.</summary>
    internal bool Accepts(IPAddress destination, int port) =>
        IsOpen && LocalEndPoint.Port == port && LocalEndPoint.AddressFamily == destination.AddressFamily
        && (AddressMath.IsUnspecified(LocalEndPoint.Address) || AddressMath.SameAddress(LocalEndPoint.Address, destination));

    internal void Deliver(Datagram datagram)
    {
        if (IsOpen) Received?.Invoke(datagram);
    }

    public void Dispose()
    {
        if (!IsOpen) return;
        IsOpen = false;
        host.Closed(this);
    }

    public override string ToString() => $"{host.Name} udp {LocalEndPoint}";
}
