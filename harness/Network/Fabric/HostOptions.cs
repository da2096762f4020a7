using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Network.Fabric;

/// <summary>What a host is when attached: its name, its interface's MAC, and the addresses it starts with.</summary>
/// <param name="Name">Unique within the fabric, e.g. "headend", "ecm", "eue".</param>
/// <param name="Mac">The interface's MAC; the IPv6 link-local address is derived from it (EUI-64) when <see cref="AutoLinkLocal"/>.</param>
/// <param name="Addresses">Statically configured addresses (a headend's; a device starts with none and leases its own).</param>
public sealed record HostOptions(string Name, PhysicalAddress Mac, IReadOnlyList<InterfaceAddress> Addresses)
{
    /// <summary>Configure the EUI-64 link-local address at attach time (with DAD); a device that forms its own says false.</summary>
    public bool AutoLinkLocal { get; init; } = true;

    /// <summary>For <see cref="FabricKind.Interface"/>: the NIC to bind; ignored elsewhere.</summary>
    public string? InterfaceName { get; init; }
}

/// <summary>An address with its prefix length, as configured on an interface.</summary>
public sealed record InterfaceAddress(IPAddress Address, int PrefixLength)
{
    /// <summary>
    /// RFC 4862 §5.4: an IPv6 address is probed with duplicate address detection before it is configured (DupAddrDetectTransmits
    /// of 1). False configures it at once, as DupAddrDetectTransmits = 0 does (RFC 4862 §5.1): honoured by the simulation
    /// fabric, where the mutants of the reference device run (one that skips DAD); the other fabrics always probe.
    /// </summary>
    public bool DuplicateAddressDetection { get; init; } = true;

    public override string ToString() => $"{Address}/{PrefixLength}";
}
