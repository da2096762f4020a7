using System.Net;

namespace EUeConformance.Headend.Servers.Common;

public enum LeaseState { Offered, Bound, Released }

/// <summary>One client's lease: the address, which server identity holds it, its state and when it ends.</summary>
public sealed record Lease(string Client, IPAddress Address, string? Identity, LeaseState State, DateTimeOffset Expires);

/// <summary>
/// A DHCP server's bindings (RFC 2131 §4.3, RFC 3315 §18.2): the address each client holds, and the
/// addresses each client has declined (RFC 2131 §4.3.3 / RFC 3315 §18.2.7: a declined address is not
/// offered to it again; EUE-PROV eUE-4: the eUE declines an address DAD finds in use). Addresses come
/// from the database, in order; the first one neither declined nor held by another client is chosen.
/// </summary>
public sealed class LeaseTable
{
    readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<IPAddress>> _declined = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Lease> Leases => _leases.Values;

    public Lease? Find(string client) => _leases.GetValueOrDefault(client);

    public IReadOnlySet<IPAddress> DeclinedBy(string client) => _declined.GetValueOrDefault(client) ?? [];

    /// <summary>The address to give <paramref name="client"/>: its current one if still allowed, else the first free candidate; null when none is left.</summary>
    public IPAddress? Choose(string client, IReadOnlyList<IPAddress> candidates)
    {
        var declined = DeclinedBy(client);
        if (_leases.TryGetValue(client, out var current) && candidates.Contains(current.Address) && !declined.Contains(current.Address))
            return current.Address;
        return candidates.FirstOrDefault(a => !declined.Contains(a) && !_leases.Values.Any(l => l.Client != client && l.Address.Equals(a) && l.State != LeaseState.Released));
    }

    public Lease Offer(string client, IPAddress address, string? identity, DateTimeOffset expires) => Set(new Lease(client, address, identity, LeaseState.Offered, expires));
    public Lease Bind(string client, IPAddress address, string? identity, DateTimeOffset expires) => Set(new Lease(client, address, identity, LeaseState.Bound, expires));

    public void Release(string client)
    {
        if (_leases.TryGetValue(client, out var l)) _leases[client] = l with { State = LeaseState.Released };
    }

    public void Decline(string client, IPAddress address)
    {
        if (!_declined.TryGetValue(client, out var set)) _declined[client] = set = [];
        set.Add(address);
        if (_leases.TryGetValue(client, out var l) && l.Address.Equals(address)) _leases.Remove(client);
    }

    Lease Set(Lease lease) => _leases[lease.Client] = lease;
}
