using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// A link of a real fabric: its name (the evidence labels frames with it) and the impairments its
/// hosts' own sends go through (<see cref="ImpairmentGate"/>).
/// </summary>
public class RealLink(string name) : ILink
{
    public string Name { get; } = name;

    public LinkImpairments Impairments { get; set; } = LinkImpairments.None;

    public override string ToString() => Name;
}
