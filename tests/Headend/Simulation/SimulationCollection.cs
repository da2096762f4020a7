using Xunit;

namespace EUeConformance.Tests.Headend.Simulation;

/// <summary>
/// The headend's simulation tests run alone: run beside other simulations, the simulated TCP
/// streams delivered late or empty (reported to the simulation fabric's owner); one at a time they
/// are deterministic.
/// </summary>
[CollectionDefinition(nameof(SimulationCollection), DisableParallelization = true)]
public sealed class SimulationCollection;
