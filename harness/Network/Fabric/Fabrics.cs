using EUeConformance.Network.Loopback;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Simulation;

namespace EUeConformance.Network.Fabric;

/// <summary>
/// Builds the fabric a run asked for (<c>--fabric</c>) from the settings every fabric shares. A
/// fabric that needs more than that (the lab NICs of <see cref="FabricKind.Interface"/>) is built
/// with its own options type instead; a kind that cannot be built is refused, never faked.
/// </summary>
public static class Fabrics
{
    public static IFabric Create(FabricKind kind, FabricOptions options) => kind switch
    {
        FabricKind.Simulation => new SimulationFabric(options),
        FabricKind.Loopback => new LoopbackFabric(new LoopbackFabricOptions { Seed = options.Seed, Clock = options.Clock }),
        // The kernel's RetransTimer (and so its DAD wait) is the RFC 4861 default of 1 s on the run's clock: a
        // sped-up run shrinks it by the same factor as the actors' timers, so the device's DAD lasts what the spec says.
        FabricKind.Netns => new NetnsFabric(new NetnsFabricOptions
        {
            Seed = options.Seed,
            Clock = options.Clock,
            RetransTimer = TimeSpan.FromSeconds(1) / (options.Clock is Time.ScaledTimeProvider scaled ? scaled.Factor : 1),
        }),
        FabricKind.Interface => throw new NotSupportedException("the interface fabric binds named NICs: build it with InterfaceFabricOptions (its Interfaces list)"),
        _ => throw new NotSupportedException($"no fabric of kind {kind}"),
    };
}
