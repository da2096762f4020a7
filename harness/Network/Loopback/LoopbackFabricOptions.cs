namespace EUeConformance.Network.Loopback;

/// <summary>How a <see cref="LoopbackFabric"/> is set up.</summary>
public sealed record LoopbackFabricOptions
{
    /// <summary>Seeds the impairment draws (loss, duplication, jitter, reordering).</summary>
    public int Seed { get; init; }

    /// <summary>The actors' clock; null: the wall clock (a <see cref="Time.ScaledTimeProvider"/> speeds scenarios up).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// Where the real IPv6 traffic of logical IPv6 hosts goes: ::1 when the machine has it (the
    /// default), else the hosts' 127.77.x.y addresses (the logical addressing is unchanged).
    /// </summary>
    public bool UseIPv6Loopback { get; init; } = System.Net.Sockets.Socket.OSSupportsIPv6;
}
