using System.Net;
using System.Net.Sockets;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// A host sending to an address no host on the link owns: what the wire shows is the address
/// resolution that nobody answers (an ARP request, RFC 826; or a Neighbor Solicitation to the
/// solicited-node group, RFC 4861 section 7.2.2), and the datagram itself never leaves.
/// </summary>
internal static class AddressResolution
{
    public static void Unanswered(SimulatedHost host, IPAddress source, IPAddress target)
    {
        if (target.AddressFamily == AddressFamily.InterNetwork)
        {
            host.Link.Transmit(host, Frames.ArpRequest(host.MacBytes, source, target), () => { });
            return;
        }
        // Without an address of its own a host cannot solicit (a solicitation from :: is a DAD probe).
        if (AddressMath.IsUnspecified(source)) return;
        var frame = NeighborDiscoveryFrames.NeighborSolicitation(host.MacBytes, AddressMath.Unscoped(source),
            NeighborDiscoveryFrames.SolicitedNodeGroup(target), AddressMath.Unscoped(target));
        host.Link.Transmit(host, frame, () => { });
    }
}
