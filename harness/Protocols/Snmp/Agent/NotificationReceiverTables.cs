using System.Net;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using Target = EUeConformance.Protocols.Snmp.Mibs.MibNames.SnmpTarget;
using Notify = EUeConformance.Protocols.Snmp.Mibs.MibNames.SnmpNotification;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>One management station a notification goes to, as the tables name it.</summary>
/// <param name="Inform">snmpNotifyType inform(2): acknowledged and retried; otherwise a trap.</param>
/// <param name="Timeout">snmpTargetAddrTimeout (centiseconds in the MIB).</param>
public sealed record ManagementTarget(string NotifyName, string AddressName, IPEndPoint EndPoint, bool Inform, TimeSpan Timeout, int Retries,
    SnmpVersion Version, string SecurityName, UsmSecurityLevel SecurityLevel);

/// <summary>
/// Where the eUE's notifications go: SNMP-TARGET-MIB's address and parameter tables and
/// SNMP-NOTIFICATION-MIB's notify, filter-profile and filter tables (RFC 3413 §7), the tables that
/// TLV 38 receivers (PKT-PROV1.5, EUE-PROV 6.5 for 38.8) and managers fill, each created per RFC 2579
/// with RFC 3413's DEFVALs: timeout 1500 centiseconds, 3 retries, empty tag lists and masks, trap,
/// included, nonVolatile. <see cref="Targets"/> selects the targets as RFC 3413 §3.3's notification
/// originator does: each active notify row's tag picks the active address rows whose tag list holds
/// it, and each of those names an active parameter row. The filter tables are served for writing;
/// applying a filter profile to a given notification is left to the originator that uses them.
/// </summary>
public sealed class NotificationReceiverTables
{
    /// <summary>RFC 3419 transportDomainUdpIpv4 and transportDomainUdpIpv6 (TAddress of 4+2 and 16+2 octets); RFC 3417's snmpUDPDomain is the IPv4 one of SNMPv2-TM.</summary>
    public static readonly ObjectIdentifier TransportDomainUdpIpv4 = ObjectIdentifier.Parse("1.3.6.1.2.1.100.1.1");
    public static readonly ObjectIdentifier TransportDomainUdpIpv6 = ObjectIdentifier.Parse("1.3.6.1.2.1.100.1.2");

    const int NonVolatile = 3;

    public NotificationReceiverTables(MibTree mib)
    {
        ArgumentNullException.ThrowIfNull(mib);
        Addresses = mib.Register(new MibTableHandler(Target.SnmpTargetAddrTable, new MibTableOptions
        {
            Defaults = new Dictionary<string, SnmpValue>
            {
                [Target.SnmpTargetAddrTimeout.Name] = SnmpValue.Integer(1500),
                [Target.SnmpTargetAddrRetryCount.Name] = SnmpValue.Integer(3),
                [Target.SnmpTargetAddrTagList.Name] = SnmpValue.OctetString(""),
                [Target.SnmpTargetAddrStorageType.Name] = SnmpValue.Integer(NonVolatile),
            },
        }));
        Parameters = mib.Register(new MibTableHandler(Target.SnmpTargetParamsTable, new MibTableOptions
        {
            Defaults = new Dictionary<string, SnmpValue> { [Target.SnmpTargetParamsStorageType.Name] = SnmpValue.Integer(NonVolatile) },
        }));
        Notifications = mib.Register(new MibTableHandler(Notify.SnmpNotifyTable, new MibTableOptions
        {
            Defaults = new Dictionary<string, SnmpValue>
            {
                [Notify.SnmpNotifyTag.Name] = SnmpValue.OctetString(""),
                [Notify.SnmpNotifyType.Name] = SnmpValue.Integer(1), // trap
                [Notify.SnmpNotifyStorageType.Name] = SnmpValue.Integer(NonVolatile),
            },
        }));
        FilterProfiles = mib.Register(new MibTableHandler(Notify.SnmpNotifyFilterProfileTable, new MibTableOptions
        {
            Defaults = new Dictionary<string, SnmpValue> { [Notify.SnmpNotifyFilterProfileStorType.Name] = SnmpValue.Integer(NonVolatile) },
        }));
        Filters = mib.Register(new MibTableHandler(Notify.SnmpNotifyFilterTable, new MibTableOptions
        {
            Defaults = new Dictionary<string, SnmpValue>
            {
                [Notify.SnmpNotifyFilterMask.Name] = SnmpValue.OctetString([]),
                [Notify.SnmpNotifyFilterType.Name] = SnmpValue.Integer(1), // included
                [Notify.SnmpNotifyFilterStorageType.Name] = SnmpValue.Integer(NonVolatile),
            },
        }));
    }

    public MibTableHandler Addresses { get; }
    public MibTableHandler Parameters { get; }
    public MibTableHandler Notifications { get; }
    public MibTableHandler FilterProfiles { get; }
    public MibTableHandler Filters { get; }

    /// <summary>Every (active notify row, selected address row) pair whose transport is UDP over IPv4 or IPv6 and whose parameters are active and complete.</summary>
    public IReadOnlyList<ManagementTarget> Targets()
    {
        var targets = new List<ManagementTarget>();
        var addresses = Addresses.Rows.Where(r => r.Status == RowStatus.Active).ToList();
        foreach (var notify in Notifications.Rows.Where(r => r.Status == RowStatus.Active))
        {
            string tag = notify[Notify.SnmpNotifyTag]!.ToText();
            if (tag.Length == 0) continue; // RFC 3413: a zero-length tag selects no entries
            bool inform = notify[Notify.SnmpNotifyType]!.ToInt32() == 2;
            foreach (var address in addresses)
            {
                if (!Tags(address[Target.SnmpTargetAddrTagList]!.ToText()).Contains(tag)) continue;
                if (EndPointOf(address[Target.SnmpTargetAddrTDomain]!, address[Target.SnmpTargetAddrTAddress]!) is not { } endPoint) continue;
                string paramsName = address[Target.SnmpTargetAddrParams]!.ToText();
                var parameters = Parameters.Row(MibIndex.OfString(paramsName, implied: true));
                if (parameters is not { Status: RowStatus.Active } || VersionOf(parameters) is not { } version) continue;
                targets.Add(new ManagementTarget(Name(notify), Name(address), endPoint, inform,
                    TimeSpan.FromMilliseconds(10.0 * address[Target.SnmpTargetAddrTimeout]!.ToInt32()), address[Target.SnmpTargetAddrRetryCount]!.ToInt32(),
                    version, parameters[Target.SnmpTargetParamsSecurityName]!.ToText(), LevelOf(parameters[Target.SnmpTargetParamsSecurityLevel]!.ToInt32())));
            }
        }
        return targets;
    }

    /// <summary>RFC 3413 SnmpTagList: tags separated by space, tab, carriage return or line feed.</summary>
    static HashSet<string> Tags(string list) => [.. list.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>An IMPLIED SnmpAdminString index: its octets.</summary>
    static string Name(MibRow row) => System.Text.Encoding.UTF8.GetString([.. row.Index.ToArray().Select(a => (byte)a)]);

    /// <summary>The UDP endpoint of a TDomain/TAddress pair; null for another transport or a malformed address.</summary>
    public static IPEndPoint? EndPointOf(SnmpValue domain, SnmpValue address)
    {
        if (domain.Type != SnmpType.ObjectIdentifier || address.Type != SnmpType.OctetString) return null;
        var d = domain.ObjectIdentifierValue!;
        var a = address.Bytes;
        int ipLength = d == MibNames.SnmpTarget.SnmpUdpDomain || d == TransportDomainUdpIpv4 ? 4 : d == TransportDomainUdpIpv6 ? 16 : -1;
        if (ipLength < 0 || a.Length != ipLength + 2) return null;
        return new IPEndPoint(new IPAddress(a[..ipLength]), a[ipLength] << 8 | a[ipLength + 1]);
    }

    /// <summary>The TDomain and TAddress a UDP endpoint is written as (IPv4: snmpUDPDomain, as TLV 38.1 receivers are; IPv6: transportDomainUdpIpv6, for 38.8).</summary>
    public static (SnmpValue Domain, SnmpValue Address) TransportOf(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        byte[] ip = address.GetAddressBytes();
        var domain = ip.Length == 4 ? MibNames.SnmpTarget.SnmpUdpDomain : TransportDomainUdpIpv6;
        return (SnmpValue.ObjectIdentifier(domain), SnmpValue.OctetString([.. ip, (byte)(endPoint.Port >> 8), (byte)endPoint.Port]));
    }

    /// <summary>RFC 3411 SnmpSecurityLevel: noAuthNoPriv(1), authNoPriv(2), authPriv(3).</summary>
    static UsmSecurityLevel LevelOf(int level) => level switch
    {
        3 => UsmSecurityLevel.AuthPriv,
        2 => UsmSecurityLevel.AuthNoPriv,
        _ => UsmSecurityLevel.NoAuthNoPriv,
    };

    /// <summary>snmpTargetParamsMPModel 0/1/3 (RFC 3411 SnmpMessageProcessingModel) with the matching security model 1/2/3; null otherwise.</summary>
    static SnmpVersion? VersionOf(MibRow parameters) =>
        (parameters[Target.SnmpTargetParamsMPModel]!.ToInt32(), parameters[Target.SnmpTargetParamsSecurityModel]!.ToInt32()) switch
        {
            (0, 1) => SnmpVersion.V1,
            (1, 2) => SnmpVersion.V2c,
            (3, 3) => SnmpVersion.V3,
            _ => null,
        };
}
