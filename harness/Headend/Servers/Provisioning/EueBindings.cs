using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>One eUE as its DHCP server bound it: the 3-tuple of EUE-PROV 6.2.2 (MAC, address, FQDN) and when.</summary>
public sealed record EueBinding(PhysicalAddress Mac, IPAddress Address, string? Fqdn, DateTimeOffset At);

/// <summary>Where the eUE DHCP servers report each lease they bind.</summary>
public interface IEueBindingRegistrar
{
    void Bound(PhysicalAddress mac, IPAddress address, string? fqdn);
}

/// <summary>
/// EUE-PROV 6.2.2: a DHCP server doing dynamic configuration hands the Provisioning Server each eUE's MAC,
/// assigned address and FQDN, for interface pkt-eue-7 (the KDC asks the Provisioning Server for it, 6.1.7).
/// The eUE DHCPv4 and DHCPv6 servers report here on every ACK / REPLY that binds; the Provisioning Server
/// reads it (to know which eUE an INFORM comes from when the INFORM does not say) and so will the KDC.
/// </summary>
public sealed class EueBindings(TimeProvider clock) : IEueBindingRegistrar
{
    readonly object _gate = new();
    readonly List<EueBinding> _bindings = [];

    /// <summary>Every binding reported, in order (a renewal is reported again).</summary>
    public IReadOnlyList<EueBinding> All { get { lock (_gate) return [.. _bindings]; } }

    public void Bound(PhysicalAddress mac, IPAddress address, string? fqdn)
    {
        lock (_gate) _bindings.Add(new EueBinding(mac, address, fqdn, clock.GetUtcNow()));
    }

    /// <summary>The latest binding of <paramref name="mac"/>, of either family when <paramref name="family"/> is null.</summary>
    public EueBinding? Find(PhysicalAddress mac, System.Net.Sockets.AddressFamily? family = null)
    {
        lock (_gate) return _bindings.LastOrDefault(b => b.Mac.Equals(mac) && (family is null || b.Address.AddressFamily == family));
    }

    /// <summary>The eUE currently bound to <paramref name="address"/>, if any.</summary>
    public EueBinding? FindByAddress(IPAddress address)
    {
        var plain = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
        lock (_gate) return _bindings.LastOrDefault(b => b.Address.Equals(plain));
    }
}
