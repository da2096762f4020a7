using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp.Mibs;
using Ietf = EUeConformance.Protocols.Snmp.Mibs.MibNames.IetfMta;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>What the eUE says about itself in its provisioning notifications (RFC 4682's enrollment and status OBJECTS).</summary>
public sealed record EueIdentity
{
    public required string SerialNumber { get; init; }
    /// <summary>pktcMtaDevSwCurrentVers: the software version the DHCP vendor options carry too.</summary>
    public required string SoftwareVersion { get; init; }
    /// <summary>pktcMtaDevTypeIdentifier: a copy of the DHCP option 60 string ("pktc2.0:05…").</summary>
    public required string TypeIdentifier { get; init; }
    /// <summary>The eUE MAC address, ifPhysAddress.1 in RFC 4682's notifications.</summary>
    public required byte[] MacAddress { get; init; }
    public uint CorrelationId { get; init; }
    public string Fqdn { get; init; } = "";
}

/// <summary>
/// The provisioning objects of the eUE's agent, as the flows read and write them, in RFC 4682's
/// PKTC-IETF-MTA-MIB: the module whose realm table has pktcMtaDevRealmName as a column, the layout
/// EUE-PROV 6.4.2.1 describes. The Provisioning Server SETs the configuration file URL, hash and key
/// (eUE-19 / MTA-19); what a SET may do depends on the flow, as RFC 4682 describes each object:
/// outside SNMP enrollment (the Basic flow) the URL and hash are the device's own and a SET is
/// inconsistentValue; the key belongs to the Secure flow only, and reads as a zero-length string in
/// the others. The realm table creates rows per RFC 2579 with its DEFVALs, and needs the realm name
/// and organization name in the same row (EUE-PROV 6.4.2.1); createAndWait is optional (6.4.2: MAY).
/// The error table is the device's to fill (PKT-PROV1.5 via 6.4.2).
/// </summary>
public sealed class EueProvisioningObjects
{
    /// <summary>IF-MIB's ifTable, of which the eUE serves ifPhysAddress for its interface (ifIndex 1).</summary>
    static readonly MibTable IfTable = new("IF-MIB", "ifTable", "1.3.6.1.2.1.2.2.1", [MibNames.IfMib.IfPhysAddress], ["ifIndex"], ImpliedLastIndex: false);

    readonly Func<ProvisioningFlow?> _flow;
    readonly MibTree _mib;
    SnmpValue _state = SnmpValue.Integer(2); // inProgress until the device says otherwise
    SnmpValue _configFile = SnmpValue.OctetString("");
    SnmpValue _hash = SnmpValue.OctetString([]);
    SnmpValue _key = SnmpValue.OctetString([]);

    /// <param name="flow">The flow the device follows (null before DHCP has selected one: no SET of URL, hash or key is accepted).</param>
    /// <param name="supportsCreateAndWait">Whether the realm table accepts createAndWait (EUE-PROV 6.4.2: the eUE MAY).</param>
    public EueProvisioningObjects(MibTree mib, EueIdentity identity, Func<ProvisioningFlow?> flow, bool supportsCreateAndWait = true)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _mib = mib ?? throw new ArgumentNullException(nameof(mib));
        _flow = flow ?? throw new ArgumentNullException(nameof(flow));

        mib.Register(new MibScalar(Ietf.PktcMtaDevSerialNumber, () => SnmpValue.OctetString(identity.SerialNumber)));
        mib.Register(new MibScalar(Ietf.PktcMtaDevSwCurrentVers, () => SnmpValue.OctetString(identity.SoftwareVersion)));
        mib.Register(new MibScalar(Ietf.PktcMtaDevFQDN, () => SnmpValue.OctetString(identity.Fqdn)));
        mib.Register(new MibScalar(Ietf.PktcMtaDevTypeIdentifier, () => SnmpValue.OctetString(identity.TypeIdentifier)));
        mib.Register(new MibScalar(Ietf.PktcMtaDevCorrelationId, () => SnmpValue.Unsigned32(identity.CorrelationId)));
        var interfaces = mib.Register(new MibTableHandler(IfTable));
        interfaces.SetRow([1], (MibNames.IfMib.IfPhysAddress, SnmpValue.OctetString(identity.MacAddress)));

        mib.Register(new MibScalar(Ietf.PktcMtaDevProvisioningState, () => _state));
        ProvisioningTimer = mib.Register(MibScalar.Variable(Ietf.PktcMtaDevProvisioningTimer, SnmpValue.Unsigned32(10)));
        ConfigFile = mib.Register(new MibScalar(Ietf.PktcMtaDevConfigFile, () => _configFile,
            test: _ => SnmpEnrollment ? SnmpErrorStatus.NoError : SnmpErrorStatus.InconsistentValue, write: v => { _configFile = v; return true; }));
        ConfigHash = mib.Register(new MibScalar(Ietf.PktcMtaDevProvConfigHash, () => _hash,
            test: _ => SnmpEnrollment ? SnmpErrorStatus.NoError : SnmpErrorStatus.InconsistentValue, write: v => { _hash = v; return true; }));
        ConfigKey = mib.Register(new MibScalar(Ietf.PktcMtaDevProvConfigKey, () => Secure ? _key : SnmpValue.OctetString([]),
            test: _ => Secure ? SnmpErrorStatus.NoError : SnmpErrorStatus.InconsistentValue, write: v => { _key = v; return true; }));
        ConfigEncryptAlg = mib.Register(MibScalar.Variable(Ietf.PktcMtaDevProvConfigEncryptAlg, SnmpValue.Integer(1))); // DEFVAL des64CbcMode

        Realms = mib.Register(new MibTableHandler(Ietf.PktcMtaDevRealmTable, new MibTableOptions
        {
            RequiredColumns = [Ietf.PktcMtaDevRealmName.Name, Ietf.PktcMtaDevRealmOrgName.Name],
            Defaults = new Dictionary<string, SnmpValue>
            {
                [Ietf.PktcMtaDevRealmPkinitGracePeriod.Name] = SnmpValue.Unsigned32(15),
                [Ietf.PktcMtaDevRealmTgsGracePeriod.Name] = SnmpValue.Unsigned32(10),
                [Ietf.PktcMtaDevRealmUnsolicitedKeyMaxTimeout.Name] = SnmpValue.Unsigned32(100),
                [Ietf.PktcMtaDevRealmUnsolicitedKeyNomTimeout.Name] = SnmpValue.Unsigned32(3000),
                [Ietf.PktcMtaDevRealmUnsolicitedKeyMaxRetries.Name] = SnmpValue.Unsigned32(5),
            },
            SupportsCreateAndWait = supportsCreateAndWait,
        }));
        Errors = mib.Register(new MibTableHandler(Ietf.PktcMtaDevErrorOidsTable));
    }

    public MibScalar ProvisioningTimer { get; }
    public MibScalar ConfigFile { get; }
    public MibScalar ConfigHash { get; }
    public MibScalar ConfigKey { get; }
    public MibScalar ConfigEncryptAlg { get; }
    public MibTableHandler Realms { get; }
    public MibTableHandler Errors { get; }

    /// <summary>Secure and Hybrid flows take the URL and hash by SNMP (RFC 4682 "MTA SNMP Enrollment mechanism"); Basic reads them from DHCP and the file.</summary>
    bool SnmpEnrollment => _flow() is ProvisioningFlow.Secure or ProvisioningFlow.Hybrid;
    bool Secure => _flow() is ProvisioningFlow.Secure;

    /// <summary>pktcMtaDevProvisioningState (1 pass … 7 failOtherReason), as the status notification carries it.</summary>
    public int ProvisioningState
    {
        get => _state.ToInt32();
        set => _state = SnmpValue.Integer(value is >= 1 and <= 7 ? value : throw new ArgumentOutOfRangeException(nameof(value), "pktcMtaDevProvisioningState is 1..7"));
    }

    /// <summary>The Basic flow: the URL made of DHCP's siaddr and file, and the hash the device computed over the file (RFC 4682).</summary>
    public void SetFromDevice(string configFileUrl, ReadOnlySpan<byte> hash)
    {
        _configFile = SnmpValue.OctetString(configFileUrl);
        _hash = SnmpValue.OctetString(hash);
    }

    /// <summary>The values the Provisioning Server SET (eUE-19): URL, hash and (Secure flow) key.</summary>
    public (string Url, byte[] Hash, byte[] Key) Provisioned => (_configFile.ToText(), _hash.Bytes.ToArray(), _key.Bytes.ToArray());

    /// <summary>Adds a row to pktcMtaDevErrorOidsTable (indices from 1, one per error, PKT-PROV1.5 via EUE-PROV 6.4.2).</summary>
    public void ReportError(uint index, string oid, string value, string reason) =>
        Errors.SetRow([index], (Ietf.PktcMtaDevErrorOid, SnmpValue.OctetString(oid)), (Ietf.PktcMtaDevErrorValue, SnmpValue.OctetString(value)),
            (Ietf.PktcMtaDevErrorReason, SnmpValue.OctetString(reason)));

    /// <summary>
    /// A notification's varbinds after sysUpTime.0 and snmpTrapOID.0: its OBJECTS (RFC 2578 §8) as this
    /// agent holds them: scalars at .0, ifPhysAddress at the eUE's interface (.1), columns of a table
    /// (e.g. pktcDevEvInform's event log columns) at <paramref name="rowIndex"/>.
    /// </summary>
    public IReadOnlyList<VarBind> ObjectsOf(MibNotification notification, params uint[] rowIndex)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var varBinds = new List<VarBind>(notification.Objects.Count);
        foreach (string name in notification.Objects)
        {
            var o = MibNames.FindByName(name, notification.Module) ?? throw new ArgumentException($"{notification} names {name}, which is not in the MIB table");
            bool column = MibNames.Tables.Any(t => t.Columns.Contains(o));
            if (column && rowIndex.Length == 0) throw new ArgumentException($"{notification} carries the column {o}: give the row index", nameof(rowIndex));
            var instance = o == MibNames.IfMib.IfPhysAddress ? o.InstanceId(1) : column ? o.InstanceId(rowIndex) : o.InstanceId(0);
            var value = _mib.Get(instance);
            if (value.IsException) throw new InvalidOperationException($"{notification} needs {MibNames.Describe(instance)}, which this agent does not hold");
            varBinds.Add(new VarBind(instance, value));
        }
        return varBinds;
    }
}
