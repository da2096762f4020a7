using System.Net;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Config;

/// <summary>
/// Applies a downloaded configuration file to the eUE's MIB (EUE-PROV 6.4.2, Table 6; 6.4.2.1; 6.5): TLV 11 and
/// 64 VarBinds become MIB values, table rows created per RFC 2579 (createAndGo always, createAndWait only with
/// the ICS), rows without RowStatus rejected, TLV 38 receivers taken by mode, and every problem listed for the
/// error OIDs table with the status it earns.
/// </summary>
public sealed class ConfigFileProcessor(EueMib mib, ConfigFileRules rules, DeviceIcs ics)
{
    const int RowStatusActive = 1, RowStatusNotInService = 2, RowStatusCreateAndGo = 4, RowStatusCreateAndWait = 5, RowStatusDestroy = 6;

    public ConfigFileOutcome Process(ConfigFileParseResult parsed, IpAddressingMode mode, bool secureFlow)
    {
        var errors = new List<ConfigFileError>();
        var status = ProvisioningStatus.Pass;
        void Report(string oid, string value, string reason, ProvisioningStatus severity)
        {
            errors.Add(new ConfigFileError(oid, value, reason, severity));
            status = status.Worst(severity);
        }

        // Table 6 / PKT-PROV1.5: structural problems; TLV types the eUE does not know are warnings.
        foreach (var p in parsed.Problems)
            Report($"TLV {p.TlvType}@{p.Offset}", "", $"{p.Kind}: {p.Problem}", rules.ProblemSeverity(p));
        if (!parsed.IsValid)
            return Finish(new ConfigFileOutcome(status, errors, [], 0));

        // Table 6: TLV 11 and TLV 64 carry VarBinds alike (one length octet or two).
        var varBinds = parsed.File.Tlvs.Select(t => (t.Type, VarBind: t.TryGetVarBind(out var vb) ? vb : null))
            .Where(x => x.VarBind is not null && rules.AppliesVarBind(x.Type, x.VarBind)).Select(x => x.VarBind!).ToList();
        int applied = ApplyVarBinds(varBinds, Report);

        // Table 6 TLV 43: vendor-specific data (another vendor's is skipped, PKT-PROV1.5 §9.1).
        foreach (var vendor in parsed.File.VendorSpecifics)
            if (rules.VendorSpecific(vendor) is { } severity)
                Report("TLV 43", vendor.VendorIdText, $"vendor-specific data of vendor {vendor.VendorIdText}", severity);

        // 6.4.2.1 bullet 4: in the Secure flow the realm name and organisation name must come in the same row.
        if (secureFlow && !RealmRowComplete(varBinds))
            Report(MibNames.IetfMta.PktcMtaDevRealmOrgName.Oid, "", "Secure flow: pktcMtaDevRealmName and pktcMtaDevRealmOrgName not given in one row", rules.MissingRealmOrgName);

        // 6.5: TLV 38 receivers; 38.8 counts in IPv6 mode (and 38.1 is ignored there), 38.1 in IPv4 mode (38.8 ignored).
        var receivers = new List<(NotificationReceiver, IPAddress)>();
        foreach (var r in parsed.File.NotificationReceivers)
        {
            if (rules.ReceiverAddress(r, mode) is { } address) receivers.Add((r, address));
            else Report("TLV 38", "", $"no {(mode == IpAddressingMode.Ipv6 ? "38.8" : "38.1")} address for {mode} mode: receiver ignored", rules.UnknownItem);
        }
        return Finish(new ConfigFileOutcome(status, errors, receivers, applied));
    }

    /// <summary>Writes an outcome into the MIB: the error OIDs table and the provisioning state.</summary>
    public ConfigFileOutcome Finish(ConfigFileOutcome outcome)
    {
        WriteErrorTable(outcome.Errors);
        mib.SetProvisioningState(outcome.Status);
        return outcome;
    }

    int ApplyVarBinds(IReadOnlyList<VarBind> varBinds, Action<string, string, string, ProvisioningStatus> report)
    {
        int applied = 0;
        // Group the table columns by row, in file order, so that a row's RowStatus decides for all its columns.
        var rows = new Dictionary<(MibTable Table, string Index), List<(VarBind VarBind, MibObject Column, uint[] Index)>>();
        var order = new List<object>();
        foreach (var vb in varBinds)
        {
            if (MibNames.Lookup(vb.Name) is not { } hit)
            {
                report(vb.Oid, vb.Value.ToString(), UnknownOid, rules.UnknownItem);
                continue;
            }
            if (!rules.Takes(hit.Object)) continue;
            if (EueMib.TableOf(hit.Object) is { } table && hit.Index.Length > 0)
            {
                var key = (table, string.Join('.', hit.Index));
                if (!rows.TryGetValue(key, out var list)) { rows[key] = list = []; order.Add(key); }
                list.Add((vb, hit.Object, hit.Index));
            }
            else
            {
                order.Add((vb, hit.Object));
            }
        }

        foreach (var item in order)
        {
            if (item is ValueTuple<VarBind, MibObject> scalar)
            {
                if (Write(scalar.Item1, scalar.Item2, report)) applied++;
                continue;
            }
            var key = ((MibTable, string))item;
            applied += ApplyRow(key.Item1, rows[key], report);
        }
        return applied;
    }

    int ApplyRow(MibTable table, List<(VarBind VarBind, MibObject Column, uint[] Index)> columns, Action<string, string, string, ProvisioningStatus> report)
    {
        var index = columns[0].Index;
        var rowStatus = table.RowStatus is { } rs ? columns.FirstOrDefault(c => c.Column == rs) : default;
        bool exists = mib.RowExists(table, index);
        int applied = 0;

        if (table.RowStatus is not null && !exists)
        {
            if (rowStatus.VarBind is null)
            {
                // 6.4.2 ¶4: a row create without its RowStatus is rejected, reported, and every varbind listed.
                foreach (var c in columns) report(c.VarBind.Oid, c.VarBind.Value.ToString(), $"row of {table.Name} created without its RowStatus", rules.RowWithoutRowStatus);
                if (!rules.CreatesRowWithoutRowStatus) return 0;
                foreach (var c in columns) Write(c.VarBind, c.Column, report);
                mib.Set(table.RowStatus!.InstanceId(index), SnmpValue.Integer(RowStatusActive));
                return columns.Count;
            }
            int requested = rowStatus.VarBind.Value.Type == SnmpType.Integer ? rowStatus.VarBind.Value.ToInt32() : -1;
            if (requested == RowStatusCreateAndWait && !rules.AcceptsCreateAndWait(ics.CreateAndWait))
            {
                // 6.4.2 ¶4: createAndWait without support is failConfigFileError, listed in the error OIDs table.
                report(rowStatus.VarBind.Oid, rowStatus.VarBind.Value.ToString(), "createAndWait is not supported", rules.UnsupportedCreateAndWait);
                return 0;
            }
            if (requested is not (RowStatusCreateAndGo or RowStatusCreateAndWait))
            {
                foreach (var c in columns) report(c.VarBind.Oid, c.VarBind.Value.ToString(), $"row of {table.Name} does not exist and RowStatus {requested} does not create it", rules.BadValue);
                return 0;
            }
            // 6.4.2 ¶4 / RFC 2579: createAndGo makes the row active at once; createAndWait leaves it notInService until activated.
            foreach (var c in columns.Where(c => c.Column != table.RowStatus))
                if (Write(c.VarBind, c.Column, report)) applied++;
            mib.Set(table.RowStatus!.InstanceId(index), SnmpValue.Integer(rules.RowStatusAfterCreate(requested)));
            applied++;
            // RFC 2579: later RowStatus varbinds for the same row act on the row just created (createAndWait, then active(1)).
            foreach (var later in columns.Where(c => c.Column == table.RowStatus).Skip(1))
            {
                int value = later.VarBind.Value.Type == SnmpType.Integer ? later.VarBind.Value.ToInt32() : -1;
                if (value == RowStatusDestroy) { mib.RemoveRow(table, index); applied++; }
                else if (value is RowStatusActive or RowStatusNotInService) { mib.Set(later.Column.InstanceId(index), SnmpValue.Integer(value)); applied++; }
                else report(later.VarBind.Oid, later.VarBind.Value.ToString(), $"RowStatus {value} on a row just created", rules.BadValue);
            }
            return applied;
        }

        foreach (var c in columns)
        {
            if (c.Column == table.RowStatus)
            {
                int value = c.VarBind.Value.Type == SnmpType.Integer ? c.VarBind.Value.ToInt32() : -1;
                if (value == RowStatusDestroy) { mib.RemoveRow(table, index); applied++; continue; }
                if (value is RowStatusActive or RowStatusNotInService) { mib.Set(c.Column.InstanceId(index), SnmpValue.Integer(value)); applied++; continue; }
                report(c.VarBind.Oid, c.VarBind.Value.ToString(), $"RowStatus {value} on an existing row", rules.BadValue);
                continue;
            }
            if (Write(c.VarBind, c.Column, report)) applied++;
        }
        return applied;
    }

    bool Write(VarBind vb, MibObject obj, Action<string, string, string, ProvisioningStatus> report)
    {
        if (!obj.IsWritable)
        {
            report(vb.Oid, vb.Value.ToString(), $"{obj.Name} is not writable", rules.BadValue);
            return false;
        }
        if (obj.Type is { } syntax && syntax.Check(vb.Value) is var error && error != SnmpErrorStatus.NoError)
        {
            report(vb.Oid, vb.Value.ToString(), $"{obj.Name}: {error}", rules.BadValue);
            return false;
        }
        mib.Set(vb.Name, vb.Value);
        return true;
    }

    static bool RealmRowComplete(IReadOnlyList<VarBind> varBinds)
    {
        var names = new[] { MibNames.IetfMta.PktcMtaDevRealmName, MibNames.ClabMta.PktcMtaDevRealmName };
        var orgs = new[] { MibNames.IetfMta.PktcMtaDevRealmOrgName, MibNames.ClabMta.PktcMtaDevRealmOrgName };
        var nameRows = varBinds.Select(v => MibNames.Lookup(v.Name)).Where(h => h is { } x && names.Contains(x.Object)).Select(h => (h!.Value.Object.Module, string.Join('.', h.Value.Index))).ToHashSet();
        var orgRows = varBinds.Select(v => MibNames.Lookup(v.Name)).Where(h => h is { } x && orgs.Contains(x.Object)).Select(h => (h!.Value.Object.Module, string.Join('.', h.Value.Index)));
        return orgRows.Any(nameRows.Contains);
    }

    /// <summary>The reason of an OID the eUE does not recognise.</summary>
    public const string UnknownOid = "unknown OID";

    void WriteErrorTable(IReadOnlyList<ConfigFileError> all)
    {
        var errors = all.Where(rules.ListsInErrorTable).ToList();
        foreach (var table in new[] { MibNames.IetfMta.PktcMtaDevErrorOidsTable, MibNames.ClabMta.PktcMtaDevErrorOidsTable })
        {
            foreach (var existing in mib.Walk(table.EntryId).Select(p => p.Key).ToList()) mib.Remove(existing);
            bool ietf = table == MibNames.IetfMta.PktcMtaDevErrorOidsTable;
            for (int i = 0; i < errors.Count; i++)
            {
                uint row = (uint)(i + 1);
                // RFC 4682 pktcMtaDevErrorOid / pktcMtaDevErrorValue: an OID the MTA does not recognise leaves the OID column
                // empty and goes into the value column itself.
                bool unknown = ietf && errors[i].Reason == UnknownOid;
                mib.Set(table.Columns[1].InstanceId(row), SnmpValue.OctetString(unknown ? "" : errors[i].Oid));
                mib.Set(table.Columns[2].InstanceId(row), SnmpValue.OctetString(Truncate(unknown ? errors[i].Oid : errors[i].Value)));
                mib.Set(table.Columns[3].InstanceId(row), SnmpValue.OctetString(Truncate(errors[i].Reason)));
            }
        }
    }

    static string Truncate(string s) => s.Length > 255 ? s[..255] : s;
}
