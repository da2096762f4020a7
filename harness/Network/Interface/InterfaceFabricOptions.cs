using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Interface;

/// <summary>Which NICs an <see cref="InterfaceFabric"/> may use, and where they are.</summary>
public sealed record InterfaceFabricOptions
{
    /// <summary>Seeds the impairment draws.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The NICs hosts without a <see cref="Fabric.HostOptions.InterfaceName"/> take, in order (a
    /// bench whose headend talks to the device through "enp3s0", say). Empty: every host must name its NIC.
    /// </summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>
    /// The network namespace a NIC lives in, by NIC name (a name under /var/run/netns); a NIC not
    /// listed is in the process's own namespace, the usual case on a bench. Tests use it to stand
    /// a veth in a namespace in for a NIC, never touching the machine's real ones.
    /// </summary>
    public IReadOnlyDictionary<string, string> Namespaces { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Give each NIC the host's <see cref="Fabric.HostOptions.Mac"/> (the NIC is taken down and up
    /// again, which also renews its link-local address): for a bench whose plan fixes the headend's
    /// MAC, and for tests. Off by default: a lab NIC keeps its own MAC.
    /// </summary>
    public bool ApplyMac { get; init; }

    /// <summary>How hosts wait on the kernel; the addresses a host added are removed again on disposal.</summary>
    public KernelHostSettings Host { get; init; } = new() { RemoveAddressesOnDispose = true };
}
