using System.Text;

namespace EUeConformance.Protocols.Snmp.Mibs;

/// <summary>MAX-ACCESS of an OBJECT-TYPE (RFC 2578 §7.3), least to most.</summary>
public enum MibAccess { NotAccessible, AccessibleForNotify, ReadOnly, ReadWrite, ReadCreate }

/// <summary>
/// One MIB object: module, descriptor, OID (without instance), SYNTAX as the module writes it, and
/// MAX-ACCESS. <see cref="Type"/> resolves the SYNTAX to the constraints a SET is checked against.
/// </summary>
public sealed class MibObject(string module, string name, string oid, string syntax, MibAccess access = MibAccess.ReadOnly)
{
    public string Module { get; } = module;
    public string Name { get; } = name;
    public string Oid { get; } = oid;
    public string Syntax { get; } = syntax;
    public MibAccess Access { get; } = access;
    public ObjectIdentifier Id { get; } = ObjectIdentifier.Parse(oid);
    /// <summary>The value constraints; null for an OBJECT-IDENTITY.</summary>
    public MibSyntax? Type { get; } = syntax == "OBJECT-IDENTITY" ? null : MibSyntax.Resolve(syntax);

    public bool IsWritable => Access is MibAccess.ReadWrite or MibAccess.ReadCreate;

    /// <summary>The instance OID for numeric index sub-identifiers (scalars take 0).</summary>
    public string Instance(params uint[] index) => ObjectIdentifiers.Instance(Oid, index);

    /// <summary>The instance as an <see cref="ObjectIdentifier"/>.</summary>
    public ObjectIdentifier InstanceId(params uint[] index) => Id.Append(index);

    /// <summary>
    /// The instance OID for a string index (RFC 2578 §7.7): each octet an arc, preceded by the length
    /// unless the index is IMPLIED (as pktcMtaDevRealmName is in the CableLabs realm table).
    /// </summary>
    public string InstanceOfString(string index, bool implied) => Instance(MibIndex.OfString(index, implied));

    public override string ToString() => $"{Module}::{Name}";
}

/// <summary>A conceptual table (RFC 2578 §7.1.12): its entry OID, columns in order, and INDEX (names, possibly of other tables' objects).</summary>
public sealed record MibTable(string Module, string Name, string EntryOid, IReadOnlyList<MibObject> Columns, IReadOnlyList<string> Index, bool ImpliedLastIndex)
{
    public ObjectIdentifier EntryId { get; } = ObjectIdentifier.Parse(EntryOid);
    /// <summary>The RowStatus column, when the table has one (RFC 2579).</summary>
    public MibObject? RowStatus => Columns.FirstOrDefault(c => c.Syntax == "RowStatus");
    public MibObject Column(string name) => Columns.Single(c => c.Name == name);
    public override string ToString() => $"{Module}::{Name}";
}

/// <summary>A NOTIFICATION-TYPE (RFC 2578 §8): its OID (the value of snmpTrapOID.0) and OBJECTS, in order, by descriptor.</summary>
public sealed record MibNotification(string Module, string Name, string Oid, IReadOnlyList<string> Objects)
{
    public ObjectIdentifier Id { get; } = ObjectIdentifier.Parse(Oid);
    public override string ToString() => $"{Module}::{Name}";
}

/// <summary>Index sub-identifiers for table instances (RFC 2578 §7.7).</summary>
public static class MibIndex
{
    /// <summary>An OCTET STRING index: its length (unless IMPLIED), then one arc per octet.</summary>
    public static uint[] OfString(string index, bool implied) => OfBytes(Encoding.UTF8.GetBytes(index), implied);

    public static uint[] OfBytes(ReadOnlySpan<byte> index, bool implied)
    {
        var arcs = new List<uint>(index.Length + 1);
        if (!implied) arcs.Add((uint)index.Length);
        foreach (byte b in index) arcs.Add(b);
        return [.. arcs];
    }
}
