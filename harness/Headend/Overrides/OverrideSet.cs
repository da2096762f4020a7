using System.Net.NetworkInformation;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// The overrides in force on one server, and the counters that make "the n-th message of a kind"
/// mean something. A scenario adds and clears them at any time (a lock keeps the test side and the
/// actor side apart); the server asks <see cref="Match"/> once per message, which also counts it.
/// </summary>
public sealed class OverrideSet
{
    readonly object _gate = new();
    readonly List<Override> _items = [];
    readonly Dictionary<(Direction, string), int> _counts = [];
    readonly Dictionary<(Direction, string, PhysicalAddress), int> _clientCounts = [];

    public IReadOnlyList<Override> Items { get { lock (_gate) return [.. _items]; } }

    public OverrideSet Add(params Override[] overrides)
    {
        lock (_gate) _items.AddRange(overrides);
        return this;
    }

    /// <summary>Withdraws one override (a scenario's deviation that was meant for one exchange only); the counting goes on.</summary>
    public bool Remove(Override item)
    {
        lock (_gate) return _items.Remove(item);
    }

    /// <summary>Removes every override and restarts the counting.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            _counts.Clear();
            _clientCounts.Clear();
        }
    }

    /// <summary>Counts one message and returns the overrides that select it, in the order they were added.</summary>
    public IReadOnlyList<Override> Match(Direction direction, string kind, PhysicalAddress? client = null, string? identity = null, object? message = null)
    {
        lock (_gate)
        {
            int n = _counts[(direction, kind)] = _counts.GetValueOrDefault((direction, kind)) + 1;
            int nClient = 0;
            if (client is not null) nClient = _clientCounts[(direction, kind, client)] = _clientCounts.GetValueOrDefault((direction, kind, client)) + 1;
            var matched = new List<Override>();
            foreach (var o in _items)
            {
                var s = o.When;
                if (s.Direction != direction) continue;
                if (s.Kind is not null && !s.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase)) continue;
                if (s.Client is not null && !s.Client.Equals(client)) continue;
                if (s.Identity is not null && s.Identity != identity) continue;
                if (s.Nth is { } nth && nth != (s.Client is null ? n : nClient)) continue;
                if (s.Where is { } where && (message is null || !where(message))) continue;
                matched.Add(o);
            }
            return matched;
        }
    }
}
