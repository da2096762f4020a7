using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>A row's index: its instance sub-identifiers (RFC 2578 §7.7), ordered lexicographically.</summary>
public readonly struct MibRowIndex(uint[] arcs) : IComparable<MibRowIndex>, IEquatable<MibRowIndex>
{
    readonly uint[] _arcs = arcs ?? [];
    public ReadOnlySpan<uint> Arcs => _arcs;
    public uint[] ToArray() => (uint[])_arcs.Clone();
    public int CompareTo(MibRowIndex other) => _arcs.AsSpan().SequenceCompareTo(other._arcs);
    public bool Equals(MibRowIndex other) => _arcs.AsSpan().SequenceEqual(other._arcs);
    public override bool Equals(object? obj) => obj is MibRowIndex i && Equals(i);
    public override int GetHashCode() { var h = new HashCode(); foreach (var a in _arcs) h.Add(a); return h.ToHashCode(); }
    public override string ToString() => string.Join('.', _arcs);
}

/// <summary>RowStatus values (RFC 2579).</summary>
public enum RowStatus { Active = 1, NotInService = 2, NotReady = 3, CreateAndGo = 4, CreateAndWait = 5, Destroy = 6 }

/// <summary>One conceptual row: its index and its columns' values by column number (immutable; a SET replaces the row).</summary>
public sealed class MibRow(MibTable table, MibRowIndex index, IReadOnlyDictionary<uint, SnmpValue> values)
{
    public MibTable Table { get; } = table;
    public MibRowIndex Index { get; } = index;
    public IReadOnlyDictionary<uint, SnmpValue> Values { get; } = values;

    public SnmpValue? this[MibObject column] => Values.TryGetValue(column.Id[^1], out var v) ? v : null;
    public SnmpValue? this[string columnName] => this[Table.Column(columnName)];

    /// <summary>The RowStatus column's value, when the table has one.</summary>
    public RowStatus? Status => Table.RowStatus is { } rs && this[rs] is { } v ? (RowStatus)v.ToInt32() : null;

    public override string ToString() =>
        $"{Table.Name}.{Index}: " + string.Join(", ", Values.OrderBy(kv => kv.Key).Select(kv => $"{Table.Columns.FirstOrDefault(c => c.Id[^1] == kv.Key)?.Name ?? kv.Key.ToString()}={kv.Value}"));
}

/// <summary>A committed change of a table: the row before (null when created) and after (null when destroyed).</summary>
public sealed record MibRowChange(MibTable Table, MibRowIndex Index, MibRow? Before, MibRow? After);
