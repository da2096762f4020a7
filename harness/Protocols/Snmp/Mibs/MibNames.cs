using System.Reflection;

namespace EUeConformance.Protocols.Snmp.Mibs;

/// <summary>
/// The MIB objects, tables and notifications of the eUE (the PacketCable MTA MIBs in both
/// variants, the event MIB, the E-UE device and user MIBs) and the standard SNMP modules an SNMP
/// entity implements beside them, as data: OID, name, SYNTAX, MAX-ACCESS. Both the headend and
/// the reference device build on it, and evidence shows names instead of OIDs
/// ("PKTC-IETF-MTA-MIB::pktcMtaDevConfigFile.0"). The PacketCable entries were computed from the
/// module texts in shared/reference/mibs, and MibNamesTests re-derives each from those files. Two
/// MTA MIB variants exist and the spec does not say which OIDs PKT-EUE-DATA mandates, so both are
/// listed, each under its module.
/// </summary>
public static partial class MibNames
{
    static readonly Type[] Modules =
        [typeof(IetfMta), typeof(ClabMta), typeof(Event), typeof(EueDev), typeof(EueUser), typeof(EueEvent),
         typeof(Snmpv2), typeof(IfMib), typeof(DocsCableDevice), typeof(SnmpFramework), typeof(SnmpMpd), typeof(Usm), typeof(SnmpTarget), typeof(SnmpNotification)];

    public static IReadOnlyList<MibObject> All { get; } = Collect<MibObject>();
    public static IReadOnlyList<MibTable> Tables { get; } = Collect<MibTable>();
    public static IReadOnlyList<MibNotification> Notifications { get; } = Collect<MibNotification>();

    static List<T> Collect<T>() =>
        Modules.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(T))
            .Select(f => (T)f.GetValue(null)!)
            .ToList();

    // Sorted by OID, for a longest-prefix search without allocating.
    static readonly MibObject[] ByOid = [.. All.OrderBy(o => o.Id)];

    /// <summary>The object <paramref name="oid"/> is an instance of (or is), with the index arcs; null when unknown.</summary>
    public static (MibObject Object, uint[] Index)? Lookup(ObjectIdentifier oid)
    {
        // Objects do not nest, so the owner is the greatest OID at or before this one, if it is a prefix.
        int lo = 0, hi = ByOid.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (ByOid[mid].Id.CompareTo(oid) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0 || !oid.StartsWith(ByOid[found].Id)) return null;
        var o = ByOid[found];
        return (o, oid.Arcs[o.Id.Length..].ToArray());
    }

    /// <summary>The object <paramref name="oid"/> is an instance of (longest prefix), with the index part as dotted text.</summary>
    public static (MibObject Object, string Index)? Lookup(string oid)
    {
        if (!ObjectIdentifier.TryParse(oid, out var id)) return null;
        return Lookup(id!) is { } hit ? (hit.Object, string.Join('.', hit.Index)) : null;
    }

    /// <summary>"PKTC-IETF-MTA-MIB::pktcMtaDevRealmOrgName.1", or the OID itself when it is not in the table.</summary>
    public static string Describe(string oid) =>
        Lookup(oid) is { } hit ? $"{hit.Object}{(hit.Index.Length > 0 ? "." + hit.Index : "")}" : oid;

    public static string Describe(ObjectIdentifier oid)
    {
        if (Lookup(oid) is not { } hit) return oid.ToString();
        return hit.Index.Length == 0 ? hit.Object.ToString() : $"{hit.Object}.{string.Join('.', hit.Index)}";
    }

    /// <summary>The object called <paramref name="name"/> in <paramref name="module"/>.</summary>
    public static MibObject Find(string module, string name) =>
        All.FirstOrDefault(o => o.Module == module && o.Name == name) ?? throw new KeyNotFoundException($"{module}::{name} is not in the MIB table");

    /// <summary>An object by descriptor, preferring <paramref name="module"/> (a notification's OBJECTS name objects of other modules too).</summary>
    public static MibObject? FindByName(string name, string? module = null) =>
        All.FirstOrDefault(o => o.Name == name && o.Module == module) ?? All.FirstOrDefault(o => o.Name == name);
}
