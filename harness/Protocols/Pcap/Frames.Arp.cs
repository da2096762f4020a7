using System.Net;
using System.Net.Sockets;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Pcap;

public static partial class Frames
{
    /// <summary>
    /// An ARP request (RFC 826) broadcast for <paramref name="targetIp"/>: what a capture shows when
    /// a host sends IPv4 to an address nobody on the link answers for. A sender without an address
    /// yet gives 0.0.0.0 (an ARP probe, RFC 5227 section 2.1.1).
    /// </summary>
    public static byte[] ArpRequest(byte[] senderMac, IPAddress senderIp, IPAddress targetIp)
    {
        if (senderMac.Length != 6) throw new ArgumentException("a MAC address has 6 bytes", nameof(senderMac));
        if (senderIp.AddressFamily != AddressFamily.InterNetwork || targetIp.AddressFamily != AddressFamily.InterNetwork)
            throw new ArgumentException("ARP resolves IPv4 addresses");
        var buffer = new WireBuffer(42);
        buffer.WriteBytes([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        buffer.WriteBytes(senderMac);
        buffer.WriteUInt16(0x0806);
        buffer.WriteUInt16(1);      // hardware type: Ethernet
        buffer.WriteUInt16(0x0800); // protocol type: IPv4
        buffer.WriteByte(6);
        buffer.WriteByte(4);
        buffer.WriteUInt16(1);      // operation: request
        buffer.WriteBytes(senderMac);
        buffer.WriteBytes(senderIp.GetAddressBytes());
        buffer.WriteBytes(new byte[6]);
        buffer.WriteBytes(targetIp.GetAddressBytes());
        return buffer.ToArray();
    }
}
