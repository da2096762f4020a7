using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Interface;

/// <summary>
/// The NICs of a lab machine, for a real device on a bench: a host is one named NIC, its sockets
/// bound to it (SO_BINDTODEVICE), its traffic real broadcast, multicast and link-local on the
/// cable, with the NIC's own MAC and addresses. The fabric leaves the NIC as it found it: it adds
/// the addresses the host's options ask for (IPv6 with the kernel's DAD) and removes only those
/// on disposal; it changes no MAC and no sysctl (the bench's kernel settings are the operator's).
/// </summary>
/// <remarks>
/// <see cref="HostOptions.Mac"/> is applied only with <see cref="InterfaceFabricOptions.ApplyMac"/>;
/// otherwise <see cref="INetworkHost.Mac"/> is the NIC's real MAC. Links are labels: which hosts share a wire is decided by the cabling, not by the fabric.
/// Needs CAP_NET_ADMIN to add addresses and CAP_NET_RAW for router discovery (in practice root).
/// </remarks>
public sealed class InterfaceFabric(InterfaceFabricOptions? options = null) : KernelFabric(FabricKind.Interface, (options ?? new()).Seed)
{
    readonly InterfaceFabricOptions _options = options ?? new();
    readonly object _gate = new();
    readonly List<RealLink> _links = [];

    public override ILink CreateLink(string name)
    {
        lock (_gate)
        {
            if (_links.Any(l => l.Name == name)) throw new ArgumentException($"a link named '{name}' exists already", nameof(name));
            var link = new RealLink(name);
            _links.Add(link);
            return link;
        }
    }

    public override async Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (link is not RealLink l || !_links.Contains(l)) throw new ArgumentException("the link does not belong to this fabric", nameof(link));
        string nic = options.InterfaceName ?? NextFreeInterface()
            ?? throw new ArgumentException($"host {options.Name} names no NIC (HostOptions.InterfaceName) and the fabric has none left to give", nameof(options));
        if (Hosts.Any(h => h.InterfaceName == nic && h.Namespace == NamespaceOf(nic)))
            throw new ArgumentException($"{nic} is already host {Hosts.First(h => h.InterfaceName == nic).Name}", nameof(options));
        if (_options.ApplyMac)
        {
            var mac = string.Join(':', options.Mac.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            // A host that forms its own link-local address (the reference eUE, 6.3.4.1) must not meet the kernel's
            // EUI-64 address from the same MAC: the kernel's DAD probe would look like a duplicate to it.
            string genMode = options.AutoLinkLocal ? "eui64" : "none";
            IpCommand.Batch(NamespaceOf(nic), [$"link set dev {nic} down", $"link set dev {nic} address {mac}", $"link set dev {nic} addrgenmode {genMode}", $"link set dev {nic} up"]);
        }
        var thread = new NamespaceThread(NamespaceOf(nic));
        var host = await KernelHost.AttachAsync(this, l, options.Name, thread, nic, options.Addresses, options.AutoLinkLocal, _options.Host, cancellationToken);
        Register(host);
        return host;
    }

    string? NamespaceOf(string nic) => _options.Namespaces.GetValueOrDefault(nic);

    string? NextFreeInterface() => _options.Interfaces.FirstOrDefault(nic => !Hosts.Any(h => h.InterfaceName == nic && h.Namespace == NamespaceOf(nic)));

    protected override ValueTask RemoveNetworkAsync() => ValueTask.CompletedTask;
}
