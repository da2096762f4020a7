using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// Router discovery on loopback, where no ICMPv6 can travel between logical hosts: a solicitation
/// or advertisement is encoded to its RFC 4861 bytes, recorded in the evidence, and decoded again
/// for every other host of the link (or the one addressed), so receivers see exactly what the bytes
/// say, sourced from the sender's link-local address.
/// </summary>
internal sealed class LoopbackNeighborDiscovery(LoopbackHost host) : INeighborDiscovery
{
    public Action<RouterAdvertisement, IPAddress>? RouterAdvertisementReceived { get; set; }
    public Action<IPAddress>? RouterSolicitationReceived { get; set; }

    IPAddress? LinkLocal => host.Addresses.Select(a => a.Address).FirstOrDefault(a => a.IsIPv6LinkLocal);

    public void SendRouterSolicitation()
    {
        // RFC 4861 §6.3.7: from the link-local address, or the unspecified one before it exists.
        var source = LinkLocal ?? IPAddress.IPv6Any;
        var frame = RouterDiscoveryMessages.SolicitationFrame(host.Mac, source);
        Transmit(frame, source, host.Fabric.Directory.Neighbours(host), (peer, from) => peer.Solicited(from));
    }

    public void SendRouterAdvertisement(RouterAdvertisement advertisement, IPAddress? destination = null)
    {
        // RFC 4861 §6.1.2: hosts discard advertisements whose source is not link-local.
        var source = LinkLocal ?? throw new InvalidOperationException($"{host.Name} has no link-local address to advertise from (RFC 4861 §6.1.2)");
        var directory = host.Fabric.Directory;
        IReadOnlyList<LoopbackHost> receivers = destination is null || destination.IsIPv6Multicast
            ? directory.Neighbours(host)
            : directory.Owner(host.Link, destination) is { } owner ? [owner] : [];
        var peerMac = destination is null || destination.IsIPv6Multicast ? null : receivers.FirstOrDefault()?.Mac ?? FrameSynthesis.UnknownMac;
        var frame = RouterDiscoveryMessages.AdvertisementFrame(advertisement, host.Mac, peerMac, source, destination ?? RouterDiscoveryMessages.AllNodes);
        var message = RouterDiscoveryMessages.Message(frame);
        Transmit(frame, source, receivers, (peer, from) => peer.Advertised(message, from));
    }

    void Transmit(byte[] frameBytes, IPAddress source, IReadOnlyList<LoopbackHost> receivers, Action<LoopbackNeighborDiscovery, IPAddress> deliver)
    {
        var fabric = host.Fabric;
        var frame = new CapturedFrame(fabric.Clock.GetUtcNow(), host.Link.Name, host.Mac, frameBytes);
        foreach (var delay in fabric.Impairment.Plan(host.Link.Impairments, frame))
            fabric.Impairment.Schedule(delay, () =>
            {
                fabric.Capture(frame with { At = fabric.Clock.GetUtcNow() });
                foreach (var peer in receivers)
                {
                    var from = LogicalAddressing.Scoped(new IPEndPoint(source, 0), peer.InterfaceIndex).Address;
                    var nd = (LoopbackNeighborDiscovery)peer.NeighborDiscovery;
                    fabric.Context.Deliver(() => deliver(nd, from));
                }
            });
    }

    void Solicited(IPAddress from) => RouterSolicitationReceived?.Invoke(from);

    void Advertised(byte[] message, IPAddress from)
    {
        if (RouterDiscoveryMessages.ReadAdvertisement(message) is { } advertisement) RouterAdvertisementReceived?.Invoke(advertisement, from);
    }
}
