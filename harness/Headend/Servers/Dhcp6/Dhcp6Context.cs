using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// The inputs of a DHCPv6 decision besides the message: who sent it, when, the sender's MAC as the
/// fabric saw it (null through a relay), and the server's own addresses to reply from (its global
/// address by default, its link-local one when an override asks).
/// </summary>
public sealed record Dhcp6Context(IPEndPoint From, DateTimeOffset Now, PhysicalAddress? SourceMac, IPAddress? ServerAddress, IPAddress? LinkLocal);

/// <summary>The DHCPv6 ports and group (RFC 3315 §5.1, §5.2).</summary>
public static class Dhcp6Ports
{
    public const int Client = 546, Server = 547;
    public static readonly IPAddress AllDhcpRelayAgentsAndServers = IPAddress.Parse("ff02::1:2");
}

/// <summary>Message kinds as Wireshark spells them ("INFORMATION-REQUEST", "RELAY-FORW").</summary>
public static class Dhcp6Kinds
{
    public static string Of(Protocols.Dhcp6.Dhcp6MessageType type) => type switch
    {
        Protocols.Dhcp6.Dhcp6MessageType.InformationRequest => "INFORMATION-REQUEST",
        Protocols.Dhcp6.Dhcp6MessageType.RelayForw => "RELAY-FORW",
        Protocols.Dhcp6.Dhcp6MessageType.RelayRepl => "RELAY-REPL",
        _ => type.ToString().ToUpperInvariant(),
    };
}
