using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// A scalar object (RFC 2578 §7.7: its one instance is object.0), read and written through
/// delegates, or holding its own value (<see cref="Variable"/>). SETs are checked against the
/// object's MAX-ACCESS and SYNTAX, then by <c>test</c> for what depends on the device's state (e.g.
/// pktcMtaDevConfigFile answers inconsistentValue outside the SNMP enrollment flows, RFC 4682).
/// </summary>
public sealed class MibScalar : IMibHandler
{
    readonly Func<SnmpValue> _read;
    readonly Func<SnmpValue, SnmpErrorStatus>? _test;
    readonly Func<SnmpValue, bool>? _write;

    /// <param name="definition">The object: OID, SYNTAX, MAX-ACCESS.</param>
    /// <param name="read">The current value.</param>
    /// <param name="test">Phase 1's state-dependent check (after access and SYNTAX): noError, or e.g. inconsistentValue, wrongValue, resourceUnavailable.</param>
    /// <param name="write">Phase 2: makes the assignment; false is commitFailed (and, when undoing, undoFailed).</param>
    public MibScalar(MibObject definition, Func<SnmpValue> read, Func<SnmpValue, SnmpErrorStatus>? test = null, Func<SnmpValue, bool>? write = null)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _test = test;
        _write = write;
        Instance = definition.Id.Append(0);
    }

    /// <summary>A scalar holding its own value; <paramref name="changed"/> hears every committed SET.</summary>
    public static MibScalar Variable(MibObject definition, SnmpValue initial, Func<SnmpValue, SnmpErrorStatus>? test = null, Action<SnmpValue>? changed = null)
    {
        var box = new StrongBox<SnmpValue>(initial);
        return new MibScalar(definition, () => box.Value!, test, v => { box.Value = v; changed?.Invoke(v); return true; });
    }

    sealed class StrongBox<T>(T value) { public T Value = value; }

    public MibObject Definition { get; }
    public ObjectIdentifier Subtree => Definition.Id;
    /// <summary>object.0</summary>
    public ObjectIdentifier Instance { get; }
    public SnmpValue Value => _read();

    bool Readable => Definition.Access >= MibAccess.ReadOnly;

    public SnmpValue Get(ObjectIdentifier instance) =>
        !Readable ? SnmpValue.NoSuchObject : instance == Instance ? _read() : SnmpValue.NoSuchInstance;

    public VarBind? GetNext(ObjectIdentifier after) => Readable && after < Instance ? new VarBind(Instance, _read()) : null;

    public SetTest TestSet(IReadOnlyList<SetItem> items)
    {
        foreach (var item in items)
        {
            // RFC 3416 §4.2.5 step order: notWritable (nothing here can be written), then the value's
            // type, length and range, then noCreation (a wrong instance never exists), then the device's state.
            if (!Definition.IsWritable) return SetTest.Fail(item.Index, SnmpErrorStatus.NotWritable);
            var syntax = Definition.Type!.Check(item.Value);
            if (syntax != SnmpErrorStatus.NoError) return SetTest.Fail(item.Index, syntax);
            if (item.Name != Instance) return SetTest.Fail(item.Index, SnmpErrorStatus.NoCreation);
            var state = _test?.Invoke(item.Value) ?? SnmpErrorStatus.NoError;
            if (state != SnmpErrorStatus.NoError) return SetTest.Fail(item.Index, state);
        }
        return SetTest.Ok(new Commit(this, items[^1].Value));
    }

    sealed class Commit(MibScalar scalar, SnmpValue value) : ISetCommit
    {
        SnmpValue? _old;

        SnmpErrorStatus ISetCommit.Commit()
        {
            _old = scalar._read();
            return scalar._write is { } write && write(value) ? SnmpErrorStatus.NoError : SnmpErrorStatus.CommitFailed;
        }

        bool ISetCommit.Undo() => _old is not null && scalar._write is { } write && write(_old);
    }

    public override string ToString() => $"{Definition} scalar";
}
