using System.Net;
using System.Net.Sockets;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Configuring an address on a kernel interface and watching the kernel's own duplicate address
/// detection (RFC 4862 §5.4): a new IPv6 address stays "tentative" while Neighbor Solicitations for
/// it go out, then becomes usable, or "dadfailed" when another node answered for it (§5.4.5). The
/// state is polled from /proc (InterfaceState.IPv6Addresses), bounded in time.
/// </summary>
internal static class KernelDad
{
    /// <summary>Adds <paramref name="address"/> (IPv4: with its subnet broadcast) and, for IPv6, waits for DAD's verdict; a duplicate is removed again.</summary>
    public static async Task<AddressAssignment> ConfigureAsync(KernelHost host, InterfaceAddress address, KernelHostSettings settings, CancellationToken cancellationToken)
    {
        var plain = KernelHost.Plain(address.Address);
        var text = $"{plain}/{address.PrefixLength}";
        bool v6 = address.Address.AddressFamily == AddressFamily.InterNetworkV6;
        string[] add = v6 ? ["address", "add", text, "dev", host.InterfaceName] : ["address", "add", text, "broadcast", "+", "dev", host.InterfaceName];
        bool added = IpCommand.TryRun(host.Namespace, out var error, add);
        if (!added && !error.Contains("File exists", StringComparison.Ordinal))
            throw new IpCommandException("ip address add " + text, error);
        if (!v6) return AddressAssignment.Assigned; // IPv4 has no DAD here (RFC 5227 is a host option)
        // The kernel probes at once (router_solicitation_delay = 0 on the fabrics that set it): the probe enters the
        // evidence as the kernel sends it, as every frame of this fabric's own hosts does (see KernelFabric).
        if (added) CaptureProbe(host, plain);

        var deadline = host.Fabric.Clock.GetUtcNow() + settings.DadTimeout;
        while (true)
        {
            var state = InterfaceState.IPv6Addresses(host.Thread, host.InterfaceName).FirstOrDefault(a => a.Address.Equals(plain))
                ?? throw new InvalidOperationException($"{text} vanished from {host.InterfaceName} during DAD");
            if (state.DadFailed)
            {
                if (added) CaptureDefence(host, plain);
                IpCommand.TryRun(host.Namespace, out _, "address", "del", text, "dev", host.InterfaceName);
                return AddressAssignment.Duplicate;
            }
            if (!state.Tentative) return AddressAssignment.Assigned;
            if (host.Fabric.Clock.GetUtcNow() > deadline)
            {
                IpCommand.TryRun(host.Namespace, out _, "address", "del", text, "dev", host.InterfaceName);
                throw new TimeoutException($"DAD for {text} on {host.InterfaceName} did not finish within {settings.DadTimeout.TotalSeconds} s (is the link up?)");
            }
            await Task.Delay(settings.PollInterval, host.Fabric.Clock, cancellationToken);
        }
    }

    /// <summary>RFC 4862 §5.4.2: the Neighbor Solicitation from :: to the address's solicited-node group.</summary>
    static void CaptureProbe(KernelHost host, IPAddress address)
    {
        var frame = NeighborDiscoveryFrames.NeighborSolicitation(host.Mac.GetAddressBytes(), IPAddress.IPv6Any,
            NeighborDiscoveryFrames.SolicitedNodeGroup(address), address);
        host.Fabric.Capture(new CapturedFrame(host.Fabric.Clock.GetUtcNow(), host.Link.Name, host.Mac, frame));
    }

    /// <summary>
    /// DAD failed: the defence of a host of this fabric that has the address (RFC 4861 §7.2.4: to all-nodes, Solicited
    /// clear, Override set). None when nobody of ours has it (another node probing at the same moment, §5.4.3).
    /// </summary>
    static void CaptureDefence(KernelHost host, IPAddress address)
    {
        if (host.Fabric.MacOf(address) is not { } defender || defender.Equals(host.Mac)) return;
        var frame = NeighborDiscoveryFrames.NeighborAdvertisement(defender.GetAddressBytes(), null, address,
            NeighborDiscoveryFrames.AllNodes, address, router: false, solicited: false, @override: true);
        host.Fabric.Capture(new CapturedFrame(host.Fabric.Clock.GetUtcNow(), host.Link.Name, defender, frame));
    }

    /// <summary>Waits for the interface's own link-local address to pass (or fail) DAD after the link came up.</summary>
    public static async Task AwaitLinkLocalAsync(KernelHost host, KernelHostSettings settings, CancellationToken cancellationToken)
    {
        var deadline = host.Fabric.Clock.GetUtcNow() + settings.DadTimeout;
        while (true)
        {
            var linkLocal = InterfaceState.IPv6Addresses(host.Thread, host.InterfaceName).Where(a => a.Address.IsIPv6LinkLocal).ToList();
            if (linkLocal.Any(a => !a.Tentative || a.DadFailed)) return;
            if (host.Fabric.Clock.GetUtcNow() > deadline)
                throw new TimeoutException($"{host.InterfaceName} of {host.Name} has no link-local address after {settings.DadTimeout.TotalSeconds} s (is the link up?)");
            await Task.Delay(settings.PollInterval, host.Fabric.Clock, cancellationToken);
        }
    }
}
