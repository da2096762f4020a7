using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>The fabric contract, met by the simulation.</summary>
public sealed class SimulationFabricContractTests : FabricContractTests
{
    protected override IFabric CreateFabric() => new SimulationFabric(seed: 1);
}
