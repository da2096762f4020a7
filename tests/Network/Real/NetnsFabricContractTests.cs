using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// The fabric contract, met by Linux network namespaces on a bridge: real ports, real broadcast,
/// real DAD. Needs root; without it every test fails saying so (CI runs as root).
/// </summary>
public sealed class NetnsFabricContractTests : FabricContractTests
{
    protected override IFabric CreateFabric() => new NetnsFabric();
}
