using System.Net.Sockets;
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
        if (!IpCommand.TryRun(host.Namespace, out var error, add) && !error.Contains("File exists", StringComparison.Ordinal))
            throw new IpCommandException("ip address add " + text, error);
        if (!v6) return AddressAssignment.Assigned; // IPv4 has no DAD here (RFC 5227 is a host option)

        var deadline = host.Fabric.Clock.GetUtcNow() + settings.DadTimeout;
        while (true)
        {
            var state = InterfaceState.IPv6Addresses(host.Thread, host.InterfaceName).FirstOrDefault(a => a.Address.Equals(plain))
                ?? throw new InvalidOperationException($"{text} vanished from {host.InterfaceName} during DAD");
            if (state.DadFailed)
            {
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
