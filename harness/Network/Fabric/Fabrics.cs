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
        FabricKind.Netns => new NetnsFabric(new NetnsFabricOptions { Seed = options.Seed, Clock = options.Clock }),
        FabricKind.Interface => throw new NotSupportedException("the interface fabric binds named NICs: build it with InterfaceFabricOptions (its Interfaces list)"),
        _ => throw new NotSupportedException($"no fabric of kind {kind}"),
    };
}
