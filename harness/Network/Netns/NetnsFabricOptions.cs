using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Netns;

/// <summary>How a <see cref="NetnsFabric"/> sets up its namespaces.</summary>
public sealed record NetnsFabricOptions
{
    /// <summary>Seeds the impairment draws.</summary>
    public int Seed { get; init; }

    /// <summary>The actors' clock; null: the wall clock (a <see cref="Time.ScaledTimeProvider"/> speeds scenarios up).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// False (the default): our own actors do router discovery, so each host's kernel neither
    /// accepts RAs nor autoconfigures from them nor solicits routers (accept_ra = 0, autoconf = 0).
    /// True: kernel defaults, for a host where a real client (dhcpcd, rdisc6…) relies on the kernel.
    /// A single host can differ through <see cref="NetnsHostSettings"/>.
    /// </summary>
    public bool KernelRouterDiscovery { get; init; }

    /// <summary>
    /// The neighbour-discovery RetransTimer of every host (RFC 4861 §10 default 1 s), which is also
    /// how long DAD waits for a defence (RFC 4862 §5.4: DupAddrDetectTransmits × RetransTimer).
    /// 100 ms keeps DAD quick while leaving a veth ample time to carry the answer.
    /// </summary>
    public TimeSpan RetransTimer { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How the hosts wait on the kernel (DAD bound, polling).</summary>
    public KernelHostSettings Host { get; init; } = new();
}

/// <summary>Per-host settings that differ from the fabric's.</summary>
public sealed record NetnsHostSettings
{
    /// <summary>Overrides <see cref="NetnsFabricOptions.KernelRouterDiscovery"/> for this host.</summary>
    public bool? KernelRouterDiscovery { get; init; }
}
