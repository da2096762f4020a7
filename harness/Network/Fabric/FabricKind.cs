namespace EUeConformance.Network.Fabric;

/// <summary>The four interchangeable networks a test bed can run on (ARCHITECTURE.md, harness/Network).</summary>
public enum FabricKind
{
    /// <summary>In memory, virtual time, deterministic for a given seed; the main job's default.</summary>
    Simulation,
    /// <summary>Real sockets on 127.0.0.0/8 and ::1; well-known ports mapped to free ones; broadcast and multicast emulated.</summary>
    Loopback,
    /// <summary>Linux network namespaces joined by veth; standard ports, real broadcast, multicast, link-local and DAD; needs root.</summary>
    Netns,
    /// <summary>Named NICs of a lab machine, for a real device on a bench.</summary>
    Interface,
}
