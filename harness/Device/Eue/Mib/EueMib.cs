using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Mib;

/// <summary>
/// The eUE's MIB instances (PKT-EUE-DATA objects as harness/Protocols/Snmp/Mibs describes them): what the
/// configuration file and SNMP SETs write and what GETs and notifications read. Both MTA MIB variants
/// are served (the spec does not say which PKT-EUE-DATA mandates), so a value written through one OID is
/// kept under the OID it was written with; the device's own status objects are written under both.
/// </summary>
public sealed class EueMib
{
    readonly SortedDictionary<ObjectIdentifier, SnmpValue> _values = new();

    public event Action<ObjectIdentifier, SnmpValue>? Written;

    public SnmpValue? Get(ObjectIdentifier instance) => _values.GetValueOrDefault(instance);
    public SnmpValue? Get(string instance) => Get(ObjectIdentifier.Parse(instance));

    public IEnumerable<KeyValuePair<ObjectIdentifier, SnmpValue>> Walk(ObjectIdentifier? prefix = null) =>
        prefix is null ? _values : _values.Where(p => p.Key.StartsWith(prefix));

    public void Set(ObjectIdentifier instance, SnmpValue value)
    {
        _values[instance] = value;
        Written?.Invoke(instance, value);
    }

    public void Set(MibObject scalar, SnmpValue value) => Set(scalar.InstanceId(0), value);

    public bool Remove(ObjectIdentifier instance) => _values.Remove(instance);

    /// <summary>Whether a conceptual row exists: its RowStatus instance has a value (tables without RowStatus: any column).</summary>
    public bool RowExists(MibTable table, uint[] index)
    {
        if (table.RowStatus is { } rs) return _values.ContainsKey(rs.InstanceId(index));
        return table.Columns.Any(c => _values.ContainsKey(c.InstanceId(index)));
    }

    public void RemoveRow(MibTable table, uint[] index)
    {
        foreach (var c in table.Columns) _values.Remove(c.InstanceId(index));
    }

    public void Clear() => _values.Clear();

    /// <summary>The table a column belongs to, if any.</summary>
    public static MibTable? TableOf(MibObject column) => MibNames.Tables.FirstOrDefault(t => t.Columns.Contains(column));

    /// <summary>Writes the device's provisioning state in both MTA MIB variants.</summary>
    public void SetProvisioningState(ProvisioningStatus status)
    {
        Set(MibNames.IetfMta.PktcMtaDevProvisioningState, SnmpValue.Integer((int)status));
        Set(MibNames.ClabMta.PktcMtaDevProvisioningState, SnmpValue.Integer((int)status));
    }

    public ProvisioningStatus? ProvisioningState =>
        Get(MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0)) is { Type: SnmpType.Integer } v ? (ProvisioningStatus)v.ToInt32() : null;
}
