using System.Net.NetworkInformation;

namespace EUeConformance.Network.Netns;

/// <summary>An interface a separate program binds on a netns fabric's link: its namespace, its name there, its MAC.</summary>
public sealed record NetnsPort(string Namespace, string InterfaceName, PhysicalAddress Mac);
