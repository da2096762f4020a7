using System.Formats.Asn1;
using System.Globalization;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>Dotted OBJECT IDENTIFIER helpers: SMI limits and the complete BER form used by 38.6.</summary>
public static class ObjectIdentifiers
{
    /// <summary>RFC 2578 §7.1.3: at most 128 sub-identifiers, each at most 2^32-1.</summary>
    public const int MaxArcs = 128;

    /// <summary>Checks a dotted OID against X.690 and SMI; returns it (without a leading dot).</summary>
    public static string Validate(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        string s = oid.StartsWith('.') ? oid[1..] : oid;
        string[] parts = s.Split('.');
        if (parts.Length < 2) throw new ArgumentException($"'{oid}' needs at least two arcs", nameof(oid));
        var arcs = new uint[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (parts[i].Length == 0 || !uint.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out arcs[i]))
                throw new ArgumentException($"'{oid}' arc {i + 1} is not an unsigned 32-bit number", nameof(oid));
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39)) throw new ArgumentException($"'{oid}' has an invalid first or second arc (X.690 §8.19.4)", nameof(oid));
        if (parts.Length > MaxArcs) throw new ArgumentException($"'{oid}' has more than {MaxArcs} arcs (RFC 2578 §7.1.3)", nameof(oid));
        return s;
    }

    /// <summary>Null when a decoded OID is within SMI limits, else the reason.</summary>
    public static string? SmiProblem(string oid)
    {
        string[] parts = oid.Split('.');
        if (parts.Length > MaxArcs) return $"OBJECT IDENTIFIER of {parts.Length} arcs, more than {MaxArcs} (RFC 2578 §7.1.3)";
        foreach (var p in parts)
            if (!uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                return $"OBJECT IDENTIFIER arc {p} exceeds 2^32-1 (RFC 2578 §7.1.3)";
        return null;
    }

    /// <summary>The complete BER encoding 06 len arcs (PKT-PROV1.5 §11.1.6 for sub-TLV 38.6).</summary>
    public static byte[] EncodeBer(string oid)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteObjectIdentifier(Validate(oid));
        return w.Encode();
    }

    /// <summary>Appends an index (instance) to an object's OID: Instance("1.3.6.1.2.1.140.1.1.6", 0).</summary>
    public static string Instance(string oid, params uint[] index) =>
        index.Length == 0 ? oid : oid + "." + string.Join('.', index.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>True when <paramref name="oid"/> equals <paramref name="prefix"/> or lies below it.</summary>
    public static bool StartsWith(string oid, string prefix) =>
        oid.Length == prefix.Length ? oid == prefix : oid.Length > prefix.Length && oid.StartsWith(prefix, StringComparison.Ordinal) && oid[prefix.Length] == '.';
}
