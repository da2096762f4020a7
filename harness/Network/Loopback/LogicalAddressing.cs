using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Network.Loopback;

/// <summary>Small rules of logical addressing the loopback fabric applies the way a kernel would.</summary>
internal static class LogicalAddressing
{
    /// <summary>An address without its IPv6 scope ID: the directory's keys ignore scope (one interface per host).</summary>
    public static IPAddress Plain(IPAddress a) =>
        a.AddressFamily == AddressFamily.InterNetworkV6 && a.ScopeId != 0 ? new IPAddress(a.GetAddressBytes()) : a;

    public static bool IsAny(IPAddress a) => a.Equals(IPAddress.Any) || Plain(a).Equals(IPAddress.IPv6Any);

    public static IPAddress AnyOf(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;

    /// <summary>A link-local source carries the receiving host's interface index, as recvmsg reports it.</summary>
    public static IPEndPoint Scoped(IPEndPoint e, long interfaceIndex) =>
        e.Address.IsIPv6LinkLocal ? new IPEndPoint(new IPAddress(e.Address.GetAddressBytes(), interfaceIndex), e.Port) : e;

    public static bool IsRealLoopback(IPAddress a) => IPAddress.IsLoopback(Plain(a));
}
