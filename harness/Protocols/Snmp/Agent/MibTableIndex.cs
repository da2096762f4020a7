using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// Which instance sub-identifiers form a valid index of a table (RFC 2578 §7.7): each INDEX object
/// in turn, an integer as one sub-identifier within its range, a fixed-size string as that many
/// octets, a variable-size string or OBJECT IDENTIFIER as its length then its elements (or, when
/// IMPLIED and last, just the elements), an IpAddress as four octets. An index that breaks these
/// names an instance that could never exist: a SET answers noCreation (RFC 3416 §4.2.5 step 7).
/// </summary>
public sealed class MibTableIndex
{
    readonly (string Name, MibSyntax? Syntax)[] _parts;
    readonly bool _implied;

    public MibTableIndex(MibTable table)
    {
        _implied = table.ImpliedLastIndex;
        _parts = table.Index.Select(name =>
            (name, (table.Columns.FirstOrDefault(c => c.Name == name) ?? MibNames.FindByName(name, table.Module))?.Type)).ToArray();
    }

    /// <summary>True when <paramref name="arcs"/> is exactly one value of each INDEX object.</summary>
    public bool IsValid(ReadOnlySpan<uint> arcs)
    {
        int at = 0;
        for (int i = 0; i < _parts.Length; i++)
        {
            bool last = i == _parts.Length - 1;
            var syntax = _parts[i].Syntax;
            int used = Consume(arcs[at..], syntax, last && _implied);
            if (used < 0) return false;
            at += used;
        }
        return at == arcs.Length;
    }

    /// <summary>Sub-identifiers one index value takes, or -1 when they are not a valid value.</summary>
    static int Consume(ReadOnlySpan<uint> arcs, MibSyntax? syntax, bool implied)
    {
        if (syntax is null) return arcs.IsEmpty ? -1 : 1; // an INDEX object of a module not in the table (e.g. ifIndex): one integer
        switch (syntax.BaseType)
        {
            case SnmpType.OctetString or SnmpType.Opaque:
            {
                // A fixed size needs no length arc; IMPLIED (last index only) takes the rest; otherwise length first.
                bool fixedSize = syntax.Sizes is [{ } only] && only.Min == only.Max;
                int prefix = fixedSize || implied ? 0 : 1;
                int length = fixedSize ? (int)syntax.Sizes![0].Min : implied ? arcs.Length : arcs.IsEmpty ? -1 : (int)Math.Min(arcs[0], int.MaxValue);
                if (length < 0 || length > arcs.Length - prefix) return -1;
                foreach (uint o in arcs.Slice(prefix, length)) if (o > 255) return -1;
                if (syntax.Sizes is { } sizes && !sizes.Any(s => length >= s.Min && length <= s.Max)) return -1;
                return prefix + length;
            }
            case SnmpType.ObjectIdentifier:
                if (implied) return arcs.Length;
                if (arcs.IsEmpty || arcs[0] > arcs.Length - 1) return -1;
                return (int)arcs[0] + 1;
            case SnmpType.IpAddress:
                if (arcs.Length < 4) return -1;
                foreach (uint o in arcs[..4]) if (o > 255) return -1;
                return 4;
            default:
                if (arcs.IsEmpty) return -1;
                uint value = arcs[0];
                if (syntax.Values is { } ranges && !ranges.Any(r => value >= r.Min && value <= r.Max)) return -1;
                return 1;
        }
    }
}
