using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>How a table behaves beyond what its definition says.</summary>
public sealed record MibTableOptions
{
    /// <summary>Columns a row needs before it can be active (RFC 2579 "sufficient information"); default: every read-create column without a default.</summary>
    public IReadOnlyList<string>? RequiredColumns { get; init; }
    /// <summary>Values the agent supplies for columns a creation leaves out (RFC 2579: implementation-specific defaults, DEFVAL).</summary>
    public IReadOnlyDictionary<string, SnmpValue> Defaults { get; init; } = new Dictionary<string, SnmpValue>();
    /// <summary>RFC 2579: an agent unwilling to process createAndWait answers wrongValue (EUE-PROV 6.4.2.1 lets the eUE choose).</summary>
    public bool SupportsCreateAndWait { get; init; } = true;
    /// <summary>RFC 2579 note 5: whether columns of an active row may change (else inconsistentValue).</summary>
    public bool AllowChangesWhenActive { get; init; } = true;
    /// <summary>A check of a whole row as the SET would leave it (e.g. pktcMtaDevRealmName and OrgName together): noError or the error to answer.</summary>
    public Func<MibRow, SnmpErrorStatus>? ValidateRow { get; init; }
}

/// <summary>
/// A conceptual table (RFC 2578 §7.1.12) served from its definition: instances are
/// entry.column.index, walked column by column and row by row (RFC 3416 §4.2.2). SETs follow
/// RFC 3416 §4.2.5 for each column and RFC 2579's RowStatus state table for row creation,
/// activation, suspension and deletion: createAndGo, createAndWait, active, notInService, destroy;
/// notReady can never be set (wrongValue). All of one SET's varbinds for the table are tested
/// together, so a row created with its columns in one PDU is judged as a whole. The device reads
/// and fills the rows directly (<see cref="SetRow"/>) and hears committed changes (<see cref="RowChanged"/>).
/// </summary>
public sealed class MibTableHandler : IMibHandler
{
    readonly SortedList<MibRowIndex, MibRow> _rows = [];
    readonly Lock _gate = new();
    readonly MibObject? _status;
    readonly uint[] _readableColumns;
    readonly HashSet<uint> _required;
    readonly MibTableIndex _index;

    public MibTableHandler(MibTable definition, MibTableOptions? options = null)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Options = options ?? new MibTableOptions();
        _status = definition.RowStatus;
        _readableColumns = [.. definition.Columns.Where(c => c.Access >= MibAccess.ReadOnly).Select(c => c.Id[^1]).Order()];
        var required = Options.RequiredColumns?.Select(n => definition.Column(n))
            ?? definition.Columns.Where(c => c.Access == MibAccess.ReadCreate && c != _status && !Options.Defaults.ContainsKey(c.Name));
        _required = [.. required.Select(c => c.Id[^1])];
        _index = new MibTableIndex(definition);
    }

    public MibTable Definition { get; }
    public MibTableOptions Options { get; }
    public ObjectIdentifier Subtree => Definition.EntryId;

    /// <summary>Raised after a SET commits, once per changed row (also when undone).</summary>
    public event Action<MibRowChange>? RowChanged;

    public IReadOnlyList<MibRow> Rows { get { lock (_gate) return [.. _rows.Values]; } }

    public MibRow? Row(params uint[] index) { lock (_gate) return _rows.GetValueOrDefault(new MibRowIndex(index)); }

    /// <summary>Creates or replaces a row as the device itself does (no SET checks); a table with RowStatus gets active unless a status is given.</summary>
    public MibRow SetRow(uint[] index, params (MibObject Column, SnmpValue Value)[] values)
    {
        var dict = values.ToDictionary(v => Column(v.Column), v => v.Value);
        if (_status is not null && !dict.ContainsKey(_status.Id[^1])) dict[_status.Id[^1]] = SnmpValue.Integer((int)RowStatus.Active);
        var row = new MibRow(Definition, new MibRowIndex(index), dict);
        lock (_gate) _rows[row.Index] = row;
        return row;
    }

    public bool RemoveRow(params uint[] index) { lock (_gate) return _rows.Remove(new MibRowIndex(index)); }

    public void Clear() { lock (_gate) _rows.Clear(); }

    uint Column(MibObject column) =>
        column.Id.Length == Definition.EntryId.Length + 1 && column.Id.StartsWith(Definition.EntryId) ? column.Id[^1]
            : throw new ArgumentException($"{column} is not a column of {Definition}", nameof(column));

    MibObject? ColumnOf(uint number) => Definition.Columns.FirstOrDefault(c => c.Id[^1] == number);

    // ------------------------------------------------------------ reads

    public SnmpValue Get(ObjectIdentifier instance)
    {
        int e = Definition.EntryId.Length;
        if (instance.Length <= e || ColumnOf(instance[e]) is not { Access: >= MibAccess.ReadOnly }) return SnmpValue.NoSuchObject;
        lock (_gate)
            return _rows.TryGetValue(new MibRowIndex(instance.Arcs[(e + 1)..].ToArray()), out var row) && row.Values.TryGetValue(instance[e], out var v)
                ? v : SnmpValue.NoSuchInstance;
    }

    public VarBind? GetNext(ObjectIdentifier after)
    {
        int e = Definition.EntryId.Length;
        uint fromColumn = 0;
        MibRowIndex? afterIndex = null;
        if (after.StartsWith(Definition.EntryId))
        {
            if (after.Length > e) { fromColumn = after[e]; afterIndex = new MibRowIndex(after.Arcs[(e + 1)..].ToArray()); }
        }
        else if (after > Definition.EntryId) return null;

        lock (_gate)
        {
            foreach (uint column in _readableColumns)
            {
                if (column < fromColumn) continue;
                int start = column == fromColumn && afterIndex is { } ai ? FirstAfter(ai) : 0;
                for (int i = start; i < _rows.Count; i++)
                    if (_rows.Values[i].Values.TryGetValue(column, out var v))
                        return new VarBind(Definition.EntryId.Append(column).Append(_rows.Keys[i].Arcs), v);
            }
        }
        return null;
    }

    int FirstAfter(MibRowIndex index)
    {
        int lo = 0, hi = _rows.Count - 1, result = _rows.Count;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_rows.Keys[mid].CompareTo(index) > 0) { result = mid; hi = mid - 1; } else lo = mid + 1;
        }
        return result;
    }

    // ------------------------------------------------------------ SET

    public SetTest TestSet(IReadOnlyList<SetItem> items)
    {
        int e = Definition.EntryId.Length;
        // Per-varbind checks first, in RFC 3416 §4.2.5 order: notWritable, wrongType/Length/Value, noCreation.
        foreach (var item in items)
        {
            var column = item.Name.Length > e ? ColumnOf(item.Name[e]) : null;
            if (column is null || !column.IsWritable)
                return SetTest.Fail(item.Index, SnmpErrorStatus.NotWritable);
            var syntax = column.Type!.Check(item.Value);
            if (syntax != SnmpErrorStatus.NoError) return SetTest.Fail(item.Index, syntax);
            if (!_index.IsValid(item.Name.Arcs[(e + 1)..])) return SetTest.Fail(item.Index, SnmpErrorStatus.NoCreation);
        }

        var changes = new List<MibRowChange>();
        lock (_gate)
        {
            foreach (var group in items.GroupBy(i => new MibRowIndex(i.Name.Arcs[(e + 1)..].ToArray())))
            {
                var rowItems = group.ToList();
                var before = _rows.GetValueOrDefault(group.Key);
                var (after, failIndex, error) = Apply(group.Key, before, rowItems);
                if (error != SnmpErrorStatus.NoError) return SetTest.Fail(failIndex, error);
                if (after is not null && Options.ValidateRow?.Invoke(after) is { } rowError && rowError != SnmpErrorStatus.NoError)
                    return SetTest.Fail(rowItems[0].Index, rowError);
                changes.Add(new MibRowChange(Definition, group.Key, before, after));
            }
        }
        return SetTest.Ok(new Commit(this, changes));
    }

    /// <summary>The row as the SET leaves it (null: destroyed), or the varbind that fails and why (RFC 2579 RowStatus table).</summary>
    (MibRow? After, int FailIndex, SnmpErrorStatus Error) Apply(MibRowIndex index, MibRow? before, List<SetItem> items)
    {
        int e = Definition.EntryId.Length;
        var values = before is null ? new Dictionary<uint, SnmpValue>() : new Dictionary<uint, SnmpValue>(before.Values);
        SetItem? statusItem = null;
        foreach (var item in items)
        {
            if (_status is not null && item.Name[e] == _status.Id[^1]) { statusItem ??= item; continue; }
            values[item.Name[e]] = item.Value;
        }
        var first = items[0].Index;

        if (_status is null)
            // A table without RowStatus: rows come from the device; a SET only changes existing ones.
            return before is null ? (null, first, SnmpErrorStatus.NoCreation) : (new MibRow(Definition, index, values), 0, SnmpErrorStatus.NoError);

        uint statusColumn = _status.Id[^1];
        var current = before?.Status;
        if (statusItem is not { } s)
        {
            // Note 4: no row and no RowStatus in the PDU: this agent does not create the row (inconsistentName).
            if (before is null) return (null, first, SnmpErrorStatus.InconsistentName);
            // Note 5: changing an active row's columns, at the table's discretion.
            if (current == RowStatus.Active && !Options.AllowChangesWhenActive) return (null, first, SnmpErrorStatus.InconsistentValue);
            // Note 1: a notReady row becomes notInService once it has what it needs.
            if (current == RowStatus.NotReady && IsComplete(values)) values[statusColumn] = SnmpValue.Integer((int)RowStatus.NotInService);
            return (new MibRow(Definition, index, values), 0, SnmpErrorStatus.NoError);
        }

        var requested = (RowStatus)s.Value.ToInt32();
        switch (requested)
        {
            case RowStatus.NotReady:
                // RFC 2579: "all except notReady" may be set.
                return (null, s.Index, SnmpErrorStatus.WrongValue);
            case RowStatus.CreateAndGo:
                if (before is not null) return (null, s.Index, SnmpErrorStatus.InconsistentValue);
                AddDefaults(values);
                if (!IsComplete(values)) return (null, s.Index, SnmpErrorStatus.InconsistentValue);
                values[statusColumn] = SnmpValue.Integer((int)RowStatus.Active);
                break;
            case RowStatus.CreateAndWait:
                if (!Options.SupportsCreateAndWait) return (null, s.Index, SnmpErrorStatus.WrongValue);
                if (before is not null) return (null, s.Index, SnmpErrorStatus.InconsistentValue);
                AddDefaults(values);
                values[statusColumn] = SnmpValue.Integer((int)(IsComplete(values) ? RowStatus.NotInService : RowStatus.NotReady));
                break;
            case RowStatus.Active or RowStatus.NotInService:
                // Notes 2 and 3: the same PDU may supply the missing columns.
                if (before is null || !IsComplete(values)) return (null, s.Index, SnmpErrorStatus.InconsistentValue);
                values[statusColumn] = SnmpValue.Integer((int)requested);
                break;
            default: // destroy, in any state; a row that does not exist stays so (noError)
                return (null, 0, SnmpErrorStatus.NoError);
        }
        return (new MibRow(Definition, index, values), 0, SnmpErrorStatus.NoError);
    }

    void AddDefaults(Dictionary<uint, SnmpValue> values)
    {
        foreach (var (name, value) in Options.Defaults)
            values.TryAdd(Definition.Column(name).Id[^1], value);
    }

    bool IsComplete(Dictionary<uint, SnmpValue> values) => _required.All(values.ContainsKey);

    sealed class Commit(MibTableHandler table, List<MibRowChange> changes) : ISetCommit
    {
        SnmpErrorStatus ISetCommit.Commit()
        {
            lock (table._gate) foreach (var c in changes) Put(c.Index, c.After);
            foreach (var c in changes) table.RowChanged?.Invoke(c);
            return SnmpErrorStatus.NoError;
        }

        bool ISetCommit.Undo()
        {
            lock (table._gate) foreach (var c in changes) Put(c.Index, c.Before);
            foreach (var c in changes) table.RowChanged?.Invoke(new MibRowChange(c.Table, c.Index, c.After, c.Before));
            return true;
        }

        void Put(MibRowIndex index, MibRow? row)
        {
            if (row is null) table._rows.Remove(index);
            else table._rows[index] = row;
        }
    }

    public override string ToString() => $"{Definition} ({Rows.Count} rows)";
}
