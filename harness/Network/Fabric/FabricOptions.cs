namespace EUeConformance.Network.Fabric;

/// <summary>
/// What <see cref="Fabrics.Create"/> builds a fabric with. Settings only one kind of fabric reads
/// (a loopback port base, netns names, NIC names) are added here as further init properties, each
/// saying which kind reads it, so that one options object travels from the command line to any fabric.
/// </summary>
public sealed record FabricOptions
{
    /// <summary>Seeds every random choice the fabric makes (simulation: impairments, TCP initial sequence numbers).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The time base. Simulation needs a <see cref="Time.VirtualClock"/> (pass the runner's, so step
    /// bounds and actor timers share one virtual time) and makes a fresh one when null; the real
    /// fabrics use <see cref="TimeProvider.System"/> when null.
    /// </summary>
    public TimeProvider? Clock { get; init; }
}
