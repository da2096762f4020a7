using System.Net;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>Where a DHCPv4 request came from and when (the inputs besides the message itself).</summary>
public sealed record Dhcp4Context(IPEndPoint From, DateTimeOffset Now);

/// <summary>The DHCPv4 ports (RFC 2131 §4.1).</summary>
public static class Dhcp4Ports
{
    public const int Server = 67, Client = 68;
}
