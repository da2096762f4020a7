using EUeConformance.Device.Eue.Mib;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Management;

/// <summary>
/// One subtree of the eUE's MIB as its SNMP agent serves it: GET and GETNEXT read the <see cref="EueMib"/>
/// store the configuration file also writes (6.4.2), and a SET follows the same object rules the file
/// follows plus RFC 3416 §4.2.5's error order (noCreation, notWritable, wrongType/Value, then RFC 2579
/// RowStatus: createAndGo always, createAndWait only with the ICS, inconsistentName for a new row without
/// its RowStatus), and the state-dependent refusals of <see cref="EueSetPolicy"/>. A SET is all or nothing:
/// phase 2 keeps what it overwrote and puts it back when undone.
/// </summary>
public sealed class EueMibHandler(ObjectIdentifier subtree, EueMib mib, Func<MibObject, SnmpValue, SnmpErrorStatus> stateCheck, bool supportsCreateAndWait)
    : IMibHandler
{
    const int RowStatusActive = 1, RowStatusNotInService = 2, RowStatusCreateAndGo = 4, RowStatusCreateAndWait = 5, RowStatusDestroy = 6;

    public ObjectIdentifier Subtree { get; } = subtree;

    /// <summary>Columns whose instances read as an empty string whatever they hold (CL-PKTC-EUE-USER-MIB: credentials, for privacy).</summary>
    public Func<MibObject, bool> Concealed { get; init; } = _ => false;

    /// <summary>Which objects a SET may write (RFC 3416 §4.2.5: others answer notWritable): by default their MAX-ACCESS.</summary>
    public Func<MibObject, bool> Writable { get; init; } = o => o.IsWritable;

    /// <summary>Raised after a SET's phase 2 succeeded, with the instances it wrote (removed ones included).</summary>
    public event Action<IReadOnlyList<ObjectIdentifier>>? Committed;

    public SnmpValue Get(ObjectIdentifier instance)
    {
        if (MibNames.Lookup(instance) is not { } hit) return SnmpValue.NoSuchObject;
        if (hit.Object.Access < MibAccess.ReadOnly) return SnmpValue.NoSuchObject;
        var value = mib.Get(instance);
        if (value is null) return SnmpValue.NoSuchInstance;
        return Concealed(hit.Object) ? SnmpValue.OctetString("") : value;
    }

    public VarBind? GetNext(ObjectIdentifier after)
    {
        foreach (var (name, value) in mib.Walk(Subtree))
        {
            if (name.CompareTo(after) <= 0) continue;
            // Index columns are not-accessible (RFC 2578 §7.7): a walk never shows them.
            var owner = MibNames.Lookup(name);
            if (owner is { } hit && hit.Object.Access < MibAccess.ReadOnly) continue;
            return new VarBind(name, owner is { } o && Concealed(o.Object) ? SnmpValue.OctetString("") : value);
        }
        return null;
    }

    public SetTest TestSet(IReadOnlyList<SetItem> items)
    {
        var rows = new Dictionary<(MibTable Table, string Index), List<(SetItem Item, MibObject Column, uint[] Index)>>();
        var scalars = new List<SetItem>();
        foreach (var item in items)
        {
            if (MibNames.Lookup(item.Name) is not { } hit) return SetTest.Fail(item.Index, SnmpErrorStatus.NoCreation);
            var obj = hit.Object;
            var table = EueMib.TableOf(obj);
            bool wellFormed = table is null ? hit.Index is [0] : hit.Index.Length > 0;
            if (!wellFormed) return SetTest.Fail(item.Index, SnmpErrorStatus.NoCreation);
            if (!Writable(obj)) return SetTest.Fail(item.Index, SnmpErrorStatus.NotWritable);
            if (obj.Type is { } syntax && syntax.Check(item.Value) is var e && e != SnmpErrorStatus.NoError) return SetTest.Fail(item.Index, e);
            if (stateCheck(obj, item.Value) is var s && s != SnmpErrorStatus.NoError) return SetTest.Fail(item.Index, s);
            if (table is null) { scalars.Add(item); continue; }
            var key = (table, string.Join('.', hit.Index));
            if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
            list.Add((item, obj, hit.Index));
        }

        var writes = scalars.Select(i => (i.Name, (SnmpValue?)i.Value)).ToList();
        foreach (var ((table, _), columns) in rows)
        {
            if (PlanRow(table, columns, writes) is { } failure) return failure;
        }
        return SetTest.Ok(new Writes(this, writes));
    }

    /// <summary>RFC 2579's RowStatus rules for one row of the SET; adds the row's writes, or returns the failure.</summary>
    SetTest? PlanRow(MibTable table, List<(SetItem Item, MibObject Column, uint[] Index)> columns, List<(ObjectIdentifier, SnmpValue?)> writes)
    {
        var index = columns[0].Index;
        if (table.RowStatus is not { } statusColumn)
        {
            // A table without RowStatus holds rows the device makes; a SET changes existing ones only.
            if (!mib.RowExists(table, index)) return SetTest.Fail(columns[0].Item.Index, SnmpErrorStatus.NoCreation);
            writes.AddRange(columns.Select(c => (c.Item.Name, (SnmpValue?)c.Item.Value)));
            return null;
        }
        bool exists = mib.RowExists(table, index);
        var status = columns.FirstOrDefault(c => c.Column == statusColumn);
        var others = columns.Where(c => c.Column != statusColumn).Select(c => (c.Item.Name, (SnmpValue?)c.Item.Value));
        if (status.Column is null)
        {
            // RFC 2579 note 4: no row and no RowStatus in the request: the agent will not create it.
            if (!exists) return SetTest.Fail(columns[0].Item.Index, SnmpErrorStatus.InconsistentName);
            writes.AddRange(others);
            return null;
        }
        int requested = status.Item.Value.ToInt32();
        var rowStatusInstance = statusColumn.InstanceId(index);
        switch (requested)
        {
            case RowStatusCreateAndGo or RowStatusCreateAndWait when exists:
                return SetTest.Fail(status.Item.Index, SnmpErrorStatus.InconsistentValue);
            case RowStatusCreateAndWait when !supportsCreateAndWait:
                // 6.4.2 ¶4 / RFC 2579: an agent without createAndWait answers wrongValue.
                return SetTest.Fail(status.Item.Index, SnmpErrorStatus.WrongValue);
            case RowStatusCreateAndGo or RowStatusCreateAndWait:
                writes.AddRange(others);
                writes.Add((rowStatusInstance, SnmpValue.Integer(requested == RowStatusCreateAndGo ? RowStatusActive : RowStatusNotInService)));
                return null;
            case RowStatusActive or RowStatusNotInService when !exists:
                return SetTest.Fail(status.Item.Index, SnmpErrorStatus.InconsistentValue);
            case RowStatusActive or RowStatusNotInService:
                writes.AddRange(others);
                writes.Add((rowStatusInstance, SnmpValue.Integer(requested)));
                return null;
            case RowStatusDestroy:
                writes.AddRange(table.Columns.Select(c => (c.InstanceId(index), (SnmpValue?)null)));
                return null;
            default:
                // notReady (3) may not be set (RFC 2579).
                return SetTest.Fail(status.Item.Index, SnmpErrorStatus.WrongValue);
        }
    }

    /// <summary>Phase 2: the writes (null removes), remembering what each replaced.</summary>
    sealed class Writes(EueMibHandler handler, List<(ObjectIdentifier Name, SnmpValue? Value)> writes) : ISetCommit
    {
        readonly List<(ObjectIdentifier Name, SnmpValue? Before)> _undo = [];

        public SnmpErrorStatus Commit()
        {
            foreach (var (name, value) in writes)
            {
                _undo.Add((name, handler.Mib.Get(name)));
                Apply(name, value);
            }
            handler.Committed?.Invoke([.. writes.Select(w => w.Name)]);
            return SnmpErrorStatus.NoError;
        }

        public bool Undo()
        {
            for (int i = _undo.Count - 1; i >= 0; i--) Apply(_undo[i].Name, _undo[i].Before);
            _undo.Clear();
            return true;
        }

        void Apply(ObjectIdentifier name, SnmpValue? value)
        {
            if (value is null) handler.Mib.Remove(name);
            else handler.Mib.Set(name, value);
        }
    }

    EueMib Mib => mib;
}
