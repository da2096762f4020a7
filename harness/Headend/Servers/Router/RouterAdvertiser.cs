using System.Globalization;
using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Headend.Servers.Router;

/// <summary>
/// The access router's side of IPv6 router discovery (RFC 4861 §6.2; EUE-PROV 6.3.4.2: the eUE acts only on
/// RAs with M=1 and re-initializes when no valid RA comes): an RA in answer to every RS, and unsolicited RAs
/// to all-nodes every <see cref="Ipv6Plan.AdvertisementInterval"/>, with the plan's M and O bits and prefix.
/// Overrides can silence it, delay it, or set "m", "o" (0/1), "lifetime" (seconds) or "prefix" (addr/len).
/// </summary>
public sealed class RouterAdvertiser(ServerRuntime runtime, Ipv6Plan plan, OverrideSet? overrides = null) : IAsyncDisposable
{
    const string Service = "ra";
    readonly Scheduler _scheduler = new(runtime.Clock);
    readonly ReplyComposer<RouterAdvertisement> _composer = new(overrides ??= new OverrideSet(), Edit);
    static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");

    public OverrideSet Overrides { get; } = overrides;

    public RouterAdvertisement Advertisement => new(plan.Managed, plan.Other, plan.RouterLifetime, [new InterfaceAddress(plan.Prefix, plan.PrefixLength)]);

    /// <summary>The decision for one RS (or, with <paramref name="solicitor"/> null, one periodic tick).</summary>
    public Decision<RouterAdvertisement> Decide(IPAddress? solicitor) =>
        _composer.Compose(solicitor is null ? "tick" : "RS", null, _ =>
            [new ReplyDraft<RouterAdvertisement>("RA", null, _ => Advertisement, new IPEndPoint(solicitor ?? AllNodes, 0), _ => null)]);

    public void Start()
    {
        var nd = runtime.Host.NeighborDiscovery;
        nd.RouterSolicitationReceived = from =>
        {
            var decision = Decide(from);
            runtime.Evidence.Publish(Service, Direction.Received, Local, new IPEndPoint(from, 0), "icmpv6", "RS",
                new Dictionary<string, string> { ["icmpv6.type"] = "133" }, null, ReadOnlyMemory<byte>.Empty, decision.Notes);
            Send(decision);
        };
        if (plan.AdvertisementInterval > TimeSpan.Zero) Tick();
    }

    void Tick()
    {
        Send(Decide(null));
        _scheduler.Arm(plan.AdvertisementInterval, Tick);
    }

    IPEndPoint Local => new(runtime.Host.Addresses.Select(a => a.Address).FirstOrDefault(a => a.IsIPv6LinkLocal) ?? IPAddress.IPv6Any, 0);

    void Send(Decision<RouterAdvertisement> decision)
    {
        foreach (var reply in decision.Replies)
            _scheduler.After(reply.Delay, () =>
            {
                // RFC 4861 §6.2.6: the answer to an RS may be unicast to the soliciting address.
                var to = reply.Destination.Address.Equals(AllNodes) ? null : reply.Destination.Address;
                runtime.Host.NeighborDiscovery.SendRouterAdvertisement(reply.Message, to);
                runtime.Evidence.Publish(Service, Direction.Sent, Local, reply.Destination, "icmpv6", "RA", Fields(reply.Message), reply.Message, ReadOnlyMemory<byte>.Empty);
            });
    }

    static IReadOnlyDictionary<string, string> Fields(RouterAdvertisement ra) => new Dictionary<string, string>
    {
        ["icmpv6.type"] = "134",
        ["icmpv6.nd.ra.flag.m"] = ra.Managed ? "1" : "0",
        ["icmpv6.nd.ra.flag.o"] = ra.Other ? "1" : "0",
        ["icmpv6.nd.ra.router_lifetime"] = ((int)ra.RouterLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        ["icmpv6.opt.prefix"] = string.Join(',', ra.Prefixes.Select(p => p.ToString())),
    };

    static RouterAdvertisement Edit(RouterAdvertisement ra, IReadOnlyList<Override> edits)
    {
        foreach (var f in edits.OfType<SetField>())
            ra = f.Field.ToLowerInvariant() switch
            {
                "m" => ra with { Managed = f.Value is "1" or "true" },
                "o" => ra with { Other = f.Value is "1" or "true" },
                "lifetime" => ra with { RouterLifetime = TimeSpan.FromSeconds(int.Parse(f.Value, CultureInfo.InvariantCulture)) },
                "prefix" => ra with { Prefixes = [new InterfaceAddress(IPAddress.Parse(f.Value.Split('/')[0]), int.Parse(f.Value.Split('/')[1], CultureInfo.InvariantCulture))] },
                _ => throw new ArgumentException($"'{f.Field}' is not an RA field the headend can set (m, o, lifetime, prefix)"),
            };
        return ra;
    }

    public ValueTask DisposeAsync()
    {
        _scheduler.Dispose();
        runtime.Host.NeighborDiscovery.RouterSolicitationReceived = null;
        return ValueTask.CompletedTask;
    }
}
