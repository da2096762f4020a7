using EUeConformance.Network.Interface;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// A stand-in for a lab bench, so the interface fabric is tested without touching this machine's
/// real NICs: one namespace holding a bridge, and one namespace per "NIC", each with a veth named
/// eue-lab0, eue-lab1… plugged into the bridge. The names carry the <see cref="NetnsNames"/>
/// prefix, so a crashed run's lab is swept like a fabric's. Kernel settings are a quick bench's:
/// no random delay before DAD and a 100 ms RetransTimer (RFC 4862 §5.4), no kernel router discovery.
/// </summary>
public sealed class VethLab : IDisposable
{
    readonly List<string> _namespaces = [];

    public VethLab(int interfaces)
    {
        NetnsFabric.EnsureAvailable();
        string prefix = NetnsNames.NewPrefix();
        string bridge = $"{prefix}-lab";
        Create(bridge);
        IpCommand.Batch(bridge, ["link add br0 type bridge stp_state 0 mcast_snooping 0", "link set br0 up"]);
        var map = new Dictionary<string, string>();
        for (int i = 0; i < interfaces; i++)
        {
            string nic = $"eue-lab{i}", bench = $"{prefix}-b{i}";
            Create(bench);
            IpCommand.Batch(bridge, [$"link add p{i} type veth peer name {nic} netns {bench}", $"link set p{i} master br0", $"link set p{i} up"]);
            Sysctl(bench, $"net.ipv6.conf.{nic}.router_solicitation_delay=0", $"net.ipv6.neigh.{nic}.retrans_time_ms=100",
                $"net.ipv6.conf.{nic}.accept_ra=0", $"net.ipv6.conf.{nic}.dad_transmits=1");
            IpCommand.Batch(bench, ["link set lo up", $"link set {nic} up"]);
            map[nic] = bench;
            Interfaces.Add(nic);
        }
        Namespaces = map;
        Bridge = bridge;
    }

    public List<string> Interfaces { get; } = [];
    public IReadOnlyDictionary<string, string> Namespaces { get; }
    public string Bridge { get; }

    /// <summary>Options for an interface fabric on this lab's NICs, MACs applied so the hosts' options hold.</summary>
    public InterfaceFabricOptions Options => new() { Interfaces = Interfaces, Namespaces = Namespaces, ApplyMac = true };

    void Create(string ns)
    {
        IpCommand.Run(null, "netns", "add", ns);
        _namespaces.Add(ns);
    }

    static void Sysctl(string ns, params string[] settings)
    {
        using var p = NetnsProcess.Start(ns, "/usr/sbin/sysctl", ["-q", "-w", .. settings]);
        p.WaitForExit(10_000);
        if (p.ExitCode != 0) throw new InvalidOperationException($"sysctl in {ns} failed: {p.StandardError.ReadToEnd()}");
    }

    public void Dispose() => NetnsNames.Delete(_namespaces);
}
