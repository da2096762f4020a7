using EUeConformance.Network.Fabric;
using EUeConformance.Network.Loopback;

namespace EUeConformance.Tests.Network.Real;

/// <summary>The fabric contract, met by real sockets on loopback with logical addresses and mapped ports.</summary>
public sealed class LoopbackFabricContractTests : FabricContractTests
{
    protected override IFabric CreateFabric() => new LoopbackFabric();
}
