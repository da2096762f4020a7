using System.Text.RegularExpressions;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>A test that reads ../shared/reference/mibs; skipped, with the reason, where that folder is absent.</summary>
public sealed class SharedMibsFactAttribute : FactAttribute
{
    public static string Folder => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "reference", "mibs"));

    public SharedMibsFactAttribute()
    {
        if (!Directory.Exists(Folder)) Skip = $"{Folder} is absent: clone the repository beside shared/ to check the MIB name table";
    }
}

/// <summary>Every entry of <see cref="MibNames"/> is re-derived from the MIB module texts in shared/reference/mibs.</summary>
public partial class MibNamesTests
{
    // Which file each module of the table was taken from (two revisions of PKTC-EVENT-MIB exist there).
    static readonly Dictionary<string, string> FileOf = new()
    {
        ["PKTC-IETF-MTA-MIB"] = "PKTC-IETF-MTA-MIB",
        ["PKTC-MTA-MIB"] = "PKTC-MTA-MIB",
        ["PKTC-EVENT-MIB"] = "PKTC-EVENT-MIB15.rfcdir",
        ["CL-PKTC-EUE-DEV-MIB"] = "CL-PKTC-EUE-DEV-MIB.rfcdir",
        ["CL-PKTC-EUE-USER-MIB"] = "CL-PKTC-EUE-USER-MIB.rfcdir",
        ["CL-PKTC-EUE-EVENT-MIB"] = "CL-PKTC-EUE-EVENT-MIB.rfcdir",
    };

    /// <summary>Standard modules whose texts are not in shared/reference/mibs: proven against net-snmp's snmpd (SnmpdInteropTests).</summary>
    static readonly HashSet<string> Standard =
        ["SNMPv2-MIB", "IF-MIB", "DOCS-CABLE-DEVICE-MIB", "SNMP-FRAMEWORK-MIB", "SNMP-MPD-MIB", "SNMP-USER-BASED-SM-MIB", "SNMP-TARGET-MIB", "SNMP-NOTIFICATION-MIB"];

    [GeneratedRegex(@"\b([a-z][A-Za-z0-9-]*)\s+(OBJECT-TYPE|MODULE-IDENTITY|OBJECT IDENTIFIER|OBJECT-IDENTITY|NOTIFICATION-TYPE)\b(.*?)::=\s*\{\s*([A-Za-z0-9-]+)\s+(\d+)\s*\}", RegexOptions.Singleline)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"SYNTAX\s+([^\n]*)")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"MAX-ACCESS\s+([a-z-]+)")]
    private static partial Regex Access();

    [GeneratedRegex(@"(?:OBJECTS|INDEX)\s*\{([^}]*)\}")]
    private static partial Regex List();

    sealed record Definition(string Kind, string Parent, int Arc, string Syntax, string? Access, string Body);

    static Dictionary<string, Definition> Definitions(string file)
    {
        string text = Comment().Replace(File.ReadAllText(Path.Combine(SharedMibsFactAttribute.Folder, file)), "");
        var defs = new Dictionary<string, Definition>();
        foreach (Match m in Assignment().Matches(text))
        {
            if (m.Groups[3].Value.Contains("::=")) continue;
            var syntax = Syntax().Match(m.Groups[3].Value);
            var access = Access().Match(m.Groups[3].Value);
            defs.TryAdd(m.Groups[1].Value, new(m.Groups[2].Value, m.Groups[4].Value, int.Parse(m.Groups[5].Value), syntax.Success ? syntax.Groups[1].Value.Trim() : "",
                access.Success ? access.Groups[1].Value : null, m.Groups[3].Value));
        }
        return defs;
    }

    static readonly Dictionary<string, string> Roots = new() { ["mib-2"] = "1.3.6.1.2.1", ["enterprises"] = "1.3.6.1.4.1" };

    static string? Resolve(string name, Dictionary<string, Definition> module, Dictionary<string, Definition> clabDef, int depth = 0)
    {
        if (Roots.TryGetValue(name, out var root)) return root;
        if (depth > 40) return null;
        var table = module.ContainsKey(name) ? module : clabDef.ContainsKey(name) ? clabDef : null;
        if (table is null) return null;
        var d = table[name];
        return Resolve(d.Parent, table, clabDef, depth + 1) is { } p ? $"{p}.{d.Arc}" : null;
    }

    [SharedMibsFact]
    public void Every_name_and_OID_in_the_table_comes_from_its_MIB_module()
    {
        var clabDef = Definitions("CLAB-DEF-MIB.rfcdir");
        MibNames.All.Should().HaveCountGreaterThan(200);
        MibNames.All.Select(o => o.Module).Distinct().Should().BeEquivalentTo(FileOf.Keys.Concat(Standard));
        foreach (var group in MibNames.All.Where(o => !Standard.Contains(o.Module)).GroupBy(o => o.Module))
        {
            var module = Definitions(FileOf[group.Key]);
            foreach (var o in group)
            {
                module.Should().ContainKey(o.Name, $"{o.Module} defines {o.Name}");
                Resolve(o.Name, module, clabDef).Should().Be(o.Oid, $"{o} resolves from {FileOf[group.Key]}");
                if (o.Syntax == "OBJECT-IDENTITY") { module[o.Name].Kind.Should().Be("OBJECT-IDENTITY"); continue; }
                module[o.Name].Syntax.Should().StartWith(o.Syntax.Split(' ')[0], $"{o} has the module's SYNTAX");
                module[o.Name].Access.Should().Be(AccessText(o.Access), $"{o} has the module's MAX-ACCESS");
                o.Type.Should().NotBeNull($"{o}'s SYNTAX resolves to constraints");
            }
        }
    }

    static string AccessText(MibAccess access) => access switch
    {
        MibAccess.NotAccessible => "not-accessible",
        MibAccess.AccessibleForNotify => "accessible-for-notify",
        MibAccess.ReadOnly => "read-only",
        MibAccess.ReadWrite => "read-write",
        _ => "read-create",
    };

    [SharedMibsFact]
    public void Every_table_and_notification_in_the_table_comes_from_its_MIB_module()
    {
        var clabDef = Definitions("CLAB-DEF-MIB.rfcdir");
        foreach (var t in MibNames.Tables.Where(t => !Standard.Contains(t.Module)))
        {
            var module = Definitions(FileOf[t.Module]);
            string entry = module.Single(kv => kv.Value.Kind == "OBJECT-TYPE" && Resolve(kv.Key, module, clabDef) == t.EntryOid).Key;
            module.Where(kv => kv.Value.Parent == entry).OrderBy(kv => kv.Value.Arc).Select(kv => kv.Key)
                .Should().Equal(t.Columns.Select(c => c.Name), $"{t}'s columns are {entry}'s children");
            List().Match(module[entry].Body).Groups[1].Value.Split(',').Select(i => i.Replace("IMPLIED", "").Trim())
                .Should().Equal(t.Index, $"{t}'s INDEX");
            module[entry].Body.Contains("IMPLIED").Should().Be(t.ImpliedLastIndex);
        }
        MibNames.Notifications.Should().Contain(n => n.Name == "pktcMtaDevProvisioningEnrollment");
        foreach (var n in MibNames.Notifications.Where(n => !Standard.Contains(n.Module)))
        {
            var module = Definitions(FileOf[n.Module]);
            Resolve(n.Name, module, clabDef).Should().Be(n.Oid, $"{n} resolves");
            List().Match(module[n.Name].Body).Groups[1].Value.Split(',').Select(x => x.Trim()).Should().Equal(n.Objects, $"{n}'s OBJECTS");
        }
    }

    [Fact]
    public void Names_show_in_evidence()
    {
        MibNames.Describe("1.3.6.1.2.1.140.1.3.6.1.5.1").Should().Be("PKTC-IETF-MTA-MIB::pktcMtaDevRealmOrgName.1");
        MibNames.Describe("1.3.6.1.4.1.4491.2.2.1.1.1.7.0").Should().Be("PKTC-MTA-MIB::pktcMtaDevEnabled.0");
        MibNames.Describe("1.3.6.1.4.1.4491.2.2.3.1.3.0").Should().Be("PKTC-EVENT-MIB::pktcDevEvSyslogAddress.0");
        MibNames.Describe("1.3.6.1.4.1.9.9.9").Should().Be("1.3.6.1.4.1.9.9.9");
        new VarBind("1.3.6.1.2.1.140.1.1.6.0", SnmpValue.TruthValue(true)).ToString()
            .Should().Be("PKTC-IETF-MTA-MIB::pktcMtaDevEnabled.0 = INTEGER: 1");
        MibNames.Lookup("1.3.6.1.2.1.140.1.3.6.1.2.7")!.Value.Index.Should().Be("7");
    }
}
