using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Netns;

/// <summary>
/// A link of the netns fabric: a Linux bridge <c>br0</c> alone in a namespace of its own, each
/// host's veth plugged into it. IPv6 is off in that namespace so the bridge itself says nothing
/// (no link-local, no DAD, no MLD), and multicast snooping is off so that ff02::1:2 and the
/// solicited-node groups are flooded to every port, as on a plain hub.
/// </summary>
public sealed class NetnsLink : RealLink
{
    int _ports;

    internal NetnsLink(string name, string @namespace) : base(name) => Namespace = @namespace;

    /// <summary>The namespace holding the bridge (for a capture with dumpcap on br0, for instance).</summary>
    public string Namespace { get; }

    public const string Bridge = "br0";

    internal int NextPort() => Interlocked.Increment(ref _ports);

    internal static NetnsLink Create(string name, string @namespace)
    {
        IpCommand.Run(null, "netns", "add", @namespace);
        using (var thread = new NamespaceThread(@namespace))
            thread.Run(() =>
            {
                File.WriteAllText("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
                File.WriteAllText("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
            });
        IpCommand.Batch(@namespace, [$"link add {Bridge} type bridge stp_state 0 mcast_snooping 0", $"link set {Bridge} up", "link set lo up"]);
        return new NetnsLink(name, @namespace);
    }
}
