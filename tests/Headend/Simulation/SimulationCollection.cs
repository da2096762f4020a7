using Xunit;

namespace EUeConformance.Tests.Headend.Simulation;

/// <summary>
/// The headend's simulation tests, one class after another (beside the other collections). They once
/// had to run alone: library awaits with ConfigureAwait(false) escaped to the thread pool and TCP streams
/// arrived late or empty when the pool was busy; the fabric now keeps those continuations on the pump
/// (tests/Network/Simulation/ThreadPoolEscapeTests).
/// </summary>
[CollectionDefinition(nameof(SimulationCollection))]
public sealed class SimulationCollection;
