namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// The agent's MIB: handlers registered by subtree, kept in lexicographic order (RFC 3416 §4.2.2),
/// so that a name finds its handler (longest registered prefix) and GetNext continues from one
/// handler into the next. Subtrees may not overlap. Registration is thread-safe; lookups see a
/// consistent snapshot.
/// </summary>
public sealed class MibTree
{
    IMibHandler[] _handlers = [];
    readonly Lock _gate = new();

    public IReadOnlyList<IMibHandler> Handlers => Volatile.Read(ref _handlers);

    /// <summary>Adds a handler; throws when its subtree overlaps one already registered.</summary>
    public T Register<T>(T handler) where T : IMibHandler
    {
        lock (_gate)
        {
            foreach (var h in _handlers)
                if (h.Subtree.StartsWith(handler.Subtree) || handler.Subtree.StartsWith(h.Subtree))
                    throw new ArgumentException($"{handler.Subtree} overlaps the registered subtree {h.Subtree}", nameof(handler));
            Volatile.Write(ref _handlers, [.. _handlers.Append(handler).OrderBy(h => h.Subtree)]);
        }
        return handler;
    }

    public bool Unregister(ObjectIdentifier subtree)
    {
        lock (_gate)
        {
            var left = _handlers.Where(h => h.Subtree != subtree).ToArray();
            bool removed = left.Length != _handlers.Length;
            Volatile.Write(ref _handlers, left);
            return removed;
        }
    }

    /// <summary>The handler whose subtree contains <paramref name="name"/>, or null.</summary>
    public IMibHandler? Find(ObjectIdentifier name)
    {
        var handlers = Volatile.Read(ref _handlers);
        int i = FloorIndex(handlers, name);
        return i >= 0 && name.StartsWith(handlers[i].Subtree) ? handlers[i] : null;
    }

    /// <summary>RFC 3416 §4.2.1: the value, or noSuchObject when no handler (object type) covers the name.</summary>
    public SnmpValue Get(ObjectIdentifier name) => Find(name)?.Get(name) ?? SnmpValue.NoSuchObject;

    /// <summary>RFC 3416 §4.2.2: the lexicographic successor of <paramref name="name"/> across all handlers; null at the end of the MIB view.</summary>
    public VarBind? GetNext(ObjectIdentifier name)
    {
        var handlers = Volatile.Read(ref _handlers);
        // Start at the handler containing the name (or the last one before it), then go on in order.
        int i = Math.Max(FloorIndex(handlers, name), 0);
        for (; i < handlers.Length; i++)
            if (handlers[i].GetNext(name) is { } next) return next;
        return null;
    }

    static int FloorIndex(IMibHandler[] handlers, ObjectIdentifier name)
    {
        int lo = 0, hi = handlers.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (handlers[mid].Subtree.CompareTo(name) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }
}
