using System.Globalization;

namespace EUeConformance.Protocols.Snmp;

/// <summary>Dotted-text OBJECT IDENTIFIER helpers over <see cref="ObjectIdentifier"/>: SMI checks, instances, prefixes.</summary>
public static class ObjectIdentifiers
{
    /// <summary>RFC 2578 §7.1.3: at most 128 sub-identifiers, each at most 2^32-1.</summary>
    public const int MaxArcs = ObjectIdentifier.MaxArcs;

    /// <summary>Checks a dotted OID against X.690 and SMI; returns it without a leading dot.</summary>
    public static string Validate(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        ObjectIdentifier.Parse(oid);
        return oid.StartsWith('.') ? oid[1..] : oid;
    }

    /// <summary>Null when a dotted OID is within X.690 and SMI limits, else the reason.</summary>
    public static string? SmiProblem(string oid)
    {
        try { ObjectIdentifier.Parse(oid); return null; }
        catch (ArgumentException e) { return e.Message; }
    }

    /// <summary>The complete BER encoding 06 len arcs (PKT-PROV1.5 §11.1.6 for sub-TLV 38.6).</summary>
    public static byte[] EncodeBer(string oid) => ObjectIdentifier.Parse(oid).EncodeBer();

    /// <summary>Appends an index (instance) to an object's OID: Instance("1.3.6.1.2.1.140.1.1.6", 0).</summary>
    public static string Instance(string oid, params uint[] index) =>
        index.Length == 0 ? oid : oid + "." + string.Join('.', index.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>True when <paramref name="oid"/> equals <paramref name="prefix"/> or lies below it.</summary>
    public static bool StartsWith(string oid, string prefix) =>
        oid.Length == prefix.Length ? oid == prefix : oid.Length > prefix.Length && oid.StartsWith(prefix, StringComparison.Ordinal) && oid[prefix.Length] == '.';
}
