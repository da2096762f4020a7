using EUeConformance.Network.Fabric;

namespace EUeConformance.Cli.Bench;

/// <summary>
/// How 'eue-conformance headend up' stands the headend up for a device on a bench.
/// </summary>
/// <param name="Fabric">Interface (a NIC of this machine, cabled to the device) or Netns (a bridge in namespaces of its own, a device namespace, and optionally NICs plugged into the bridge).</param>
/// <param name="Interface">Interface fabric: the NIC the headend serves on.</param>
/// <param name="InterfaceNamespace">Interface fabric: the namespace that NIC lives in, when not the machine's own.</param>
/// <param name="Attach">Netns fabric: NICs of this machine to plug into the bench's bridge.</param>
/// <param name="AttachNamespace">Netns fabric: the namespace those NICs live in, when not the machine's own.</param>
/// <param name="Addresses">The headend's addresses; empty: the database's server addresses.</param>
/// <param name="EvidenceDirectory">Where capture.pcap and events.jsonl go.</param>
public sealed record HeadendBenchOptions(
    FabricKind Fabric,
    string? Interface,
    string? InterfaceNamespace,
    IReadOnlyList<string> Attach,
    string? AttachNamespace,
    IReadOnlyList<InterfaceAddress> Addresses,
    string EvidenceDirectory);
