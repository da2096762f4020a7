using System.Globalization;
using System.Net;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Headend.Servers.Router;

/// <summary>
/// The headend asking the link who answers IPv6 neighbour discovery (EUE-PROV 6.3.2.1 ¶15: a disabled eUE answers
/// neither Neighbor Discovery nor Router Solicitation messages). <see cref="IsDefendedAsync"/> sends a Neighbor
/// Solicitation for an address from the unspecified address to its solicited-node group (RFC 4862 §5.4.2, the
/// probe of duplicate address detection) and reports whether a node answered it with a Neighbor Advertisement
/// (RFC 4861 §7.2.4); the address is never kept. <see cref="SolicitRoutersAsync"/> sends a Router Solicitation to
/// all-routers and reports who advertised in answer. Both publish what they sent and heard under service "nd-probe" (the link watch, NeighborDiscoveryWatch, publishes every ND frame on the link as "nd").
/// </summary>
public sealed class NeighborProbe(ServerRuntime runtime)
{
    public const string Service = "nd-probe";

    /// <summary>True when a node defended <paramref name="target"/> against the probe (it answered the Neighbor Solicitation).</summary>
    public async Task<bool> IsDefendedAsync(IPAddress target, CancellationToken cancellationToken = default)
    {
        var host = runtime.Host;
        if (host.Addresses.Any(a => a.Address.Equals(target)))
            throw new InvalidOperationException($"the headend itself has {target}: probing it would prove nothing");
        var group = SolicitedNodeGroup(target);
        runtime.Evidence.Publish(Service, Direction.Sent, new IPEndPoint(IPAddress.IPv6Any, 0), new IPEndPoint(group, 0), "icmpv6", "NS",
            new Dictionary<string, string> { ["icmpv6.type"] = "135", ["icmpv6.nd.ns.target_address"] = target.ToString() }, null, ReadOnlyMemory<byte>.Empty,
            ["duplicate address detection probe (RFC 4862 §5.4.2): a node that has the address answers with a Neighbor Advertisement"]);
        var result = await host.AssignAddressAsync(new InterfaceAddress(target, 128), cancellationToken);
        if (result == AddressAssignment.Assigned)
        {
            // Nobody defended it: the probe is over, the headend does not keep the address.
            host.RemoveAddress(target);
            return false;
        }
        runtime.Evidence.Publish(Service, Direction.Received, new IPEndPoint(IPAddress.IPv6Any, 0), new IPEndPoint(target, 0), "icmpv6", "NA",
            new Dictionary<string, string> { ["icmpv6.type"] = "136", ["icmpv6.nd.na.target_address"] = target.ToString() }, null, ReadOnlyMemory<byte>.Empty,
            ["a node on the link defended the address (or probed for it at the same moment)"]);
        return true;
    }

    /// <summary>Sends one Router Solicitation and listens for <paramref name="listen"/>: the senders of every Router Advertisement heard meanwhile.</summary>
    public async Task<IReadOnlyList<IPAddress>> SolicitRoutersAsync(TimeSpan listen, CancellationToken cancellationToken = default)
    {
        var nd = runtime.Host.NeighborDiscovery;
        var heard = new List<IPAddress>();
        var previous = nd.RouterAdvertisementReceived;
        nd.RouterAdvertisementReceived = (ra, from) =>
        {
            heard.Add(from);
            runtime.Evidence.Publish(Service, Direction.Received, new IPEndPoint(IPAddress.IPv6Any, 0), new IPEndPoint(from, 0), "icmpv6", "RA",
                new Dictionary<string, string>
                {
                    ["icmpv6.type"] = "134",
                    ["icmpv6.nd.ra.flag.m"] = ra.Managed ? "1" : "0",
                    ["icmpv6.nd.ra.router_lifetime"] = ((int)ra.RouterLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                }, ra, ReadOnlyMemory<byte>.Empty);
            previous?.Invoke(ra, from);
        };
        try
        {
            nd.SendRouterSolicitation();
            runtime.Evidence.Publish(Service, Direction.Sent, new IPEndPoint(IPAddress.IPv6Any, 0), new IPEndPoint(IPAddress.Parse("ff02::2"), 0), "icmpv6", "RS",
                new Dictionary<string, string> { ["icmpv6.type"] = "133" }, null, ReadOnlyMemory<byte>.Empty);
            await Task.Delay(listen, runtime.Clock, cancellationToken);
        }
        finally
        {
            nd.RouterAdvertisementReceived = previous;
        }
        return heard;
    }

    /// <summary>RFC 4291 §2.7.1: ff02::1:ffXX:XXXX from the address's low 24 bits.</summary>
    public static IPAddress SolicitedNodeGroup(IPAddress address)
    {
        var a = address.GetAddressBytes();
        var g = IPAddress.Parse("ff02::1:ff00:0").GetAddressBytes();
        g[13] = a[13]; g[14] = a[14]; g[15] = a[15];
        return new IPAddress(g);
    }
}
