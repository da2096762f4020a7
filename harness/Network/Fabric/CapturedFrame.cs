using System.Net.NetworkInformation;

namespace EUeConformance.Network.Fabric;

/// <summary>
/// One Ethernet frame the fabric carried (simulation: synthesised with correct IP/UDP/TCP framing
/// by harness/Protocols/Pcap/Frames; real fabrics: captured or synthesised from their endpoints'
/// traffic), for the scenario's pcap.
/// </summary>
public sealed record CapturedFrame(DateTimeOffset At, string Link, PhysicalAddress Source, byte[] Frame);
