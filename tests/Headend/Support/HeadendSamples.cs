using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Servers.Dhcp4;
using EUeConformance.Headend.Servers.Dhcp6;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Tests.Headend.Support;

/// <summary>
/// One small operator network for the headend tests (documentation addresses only: 192.0.2.0/24 and
/// 2001:db8::/32): one eCM and its eUE, a DOCSIS server, two eUE DHCP servers with distinct server IDs and
/// DSS_IDs, a zone with the KDC's SRV, the provisioning server and a NAPTR, and one configuration file.
/// </summary>
public static class HeadendSamples
{
    public static readonly PhysicalAddress EcmMac = PhysicalAddress.Parse("00-10-95-00-00-01");
    public static readonly PhysicalAddress EueMac = PhysicalAddress.Parse("00-10-95-00-00-02");
    public static readonly PhysicalAddress HeadendMac = PhysicalAddress.Parse("02-00-00-00-00-01");

    public static readonly IPAddress HeadendV4 = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress SecondServerV4 = IPAddress.Parse("192.0.2.2");
    public static readonly IPAddress HeadendV6 = IPAddress.Parse("2001:db8:1::1");
    public static readonly IPAddress EcmV4 = IPAddress.Parse("192.0.2.10");
    public static readonly IPAddress EueV4 = IPAddress.Parse("192.0.2.20");
    public static readonly IPAddress EueV4Spare = IPAddress.Parse("192.0.2.21");
    public static readonly IPAddress EcmV6 = IPAddress.Parse("2001:db8:1::10");
    public static readonly IPAddress EueV6 = IPAddress.Parse("2001:db8:1::20");
    public static readonly IPAddress EueV6Spare = IPAddress.Parse("2001:db8:1::21");
    public static readonly IPAddress KdcV6 = IPAddress.Parse("2001:db8:1::88");

    public const string Realm = "EXAMPLE.NET";
    public const string EueFqdn = "eue1.example.net";
    public const string ConfigFileName = "eue1.cfg";

    public static readonly DssId PrimaryDssId = DssId.FromAscii("PRIMARY-DSS");
    public static readonly DssId SecondaryDssId = DssId.FromAscii("SECONDARY-DSS");

    public static DhcpServerIdentity Docsis => DhcpServerIdentity.Create("docsis", HeadendV4, HeadendMac.GetAddressBytes());
    public static DhcpServerIdentity Primary => new("primary", HeadendV4, Duid.Ll(Duid.HardwareTypeEthernet, HeadendMac.GetAddressBytes()), PrimaryDssId);
    public static DhcpServerIdentity Secondary => new("secondary", SecondServerV4, Duid.En(CableLabs.EnterpriseNumber, [1, 2, 3]), SecondaryDssId);

    public static byte[] ConfigFileBytes => SampleDatabase().FindFile(ConfigFileName)!.Content;

    public static ProvisioningDatabase SampleDatabase(Func<EcmRecord, EcmRecord>? ecm = null, Func<EueRecord, EueRecord>? eue = null)
    {
        var db = new ProvisioningDatabase
        {
            Network = new NetworkPlan
            {
                Ipv4 = new Ipv4Plan(24, HeadendV4, LeaseTime: 3600),
                Ipv6 = new Ipv6Plan(IPAddress.Parse("2001:db8:1::"), 64),
                DnsServers = [HeadendV4, HeadendV6],
                DomainName = "example.net",
            },
            EcmServer = Docsis,
        };
        db.AddEueServer(Primary).AddEueServer(Secondary);
        db.AddEcm((ecm ?? (x => x))(new EcmRecord
        {
            Mac = EcmMac,
            Ipv4Addresses = [EcmV4],
            Ipv6Addresses = [EcmV6],
            EueDhcpV4Primary = HeadendV4,
            EueDhcpV4Secondary = SecondServerV4,
            EueDssIdPrimary = PrimaryDssId,
            EueDssIdSecondary = SecondaryDssId,
            EueIpPreference = IpPreference.Ipv6,
            TodServers = [HeadendV4, HeadendV6],
            TimeOffset = -18000,
            ConfigFileName = "cm.cfg",
            TftpServers = [HeadendV4, HeadendV6],
        }));
        db.AddEue((eue ?? (x => x))(new EueRecord
        {
            Mac = EueMac,
            Flow = ProvisioningFlow.Secure,
            Realm = Realm,
            Ipv4Addresses = [EueV4, EueV4Spare],
            Ipv6Addresses = [EueV6, EueV6Spare],
            Fqdn = EueFqdn,
            ProvisioningServerFqdn = "prov.example.net",
            SyslogServers = [HeadendV4, HeadendV6],
            ConfigFileName = ConfigFileName,
            TftpServers = [HeadendV4, HeadendV6],
            ProvisioningTimer = 10,
        }));
        db.AddZone(DnsZoneData.Create("example.net",
            DnsRecord.Srv(DnsName.Parse("_kerberos._udp.EXAMPLE.NET"), 3600, 0, 0, 88, DnsName.Parse("kdc.example.net")),
            DnsRecord.Aaaa(DnsName.Parse("kdc.example.net"), 3600, KdcV6),
            DnsRecord.A(DnsName.Parse("kdc.example.net"), 3600, IPAddress.Parse("192.0.2.88")),
            DnsRecord.Aaaa(DnsName.Parse("prov.example.net"), 3600, HeadendV6),
            DnsRecord.Naptr(DnsName.Parse("example.net"), 3600, new NaptrData(10, 50, "S", "SIP+D2U", "", DnsName.Parse("_sip._udp.example.net"))),
            DnsRecord.Srv(DnsName.Parse("_sip._udp.example.net"), 3600, 0, 0, 5060, DnsName.Parse("pcscf.example.net")),
            DnsRecord.Aaaa(DnsName.Parse("pcscf.example.net"), 3600, IPAddress.Parse("2001:db8:1::5060"))));
        // EXAMPLE.NET's realm zone is the same zone here: DNS names compare without case (RFC 4343).
        db.AddFile(ConfigFileEntry.FromModel(ConfigFileName, new global::EUeConformance.Protocols.ConfigFile.ConfigFileBuilder().StartOfFile()
            .SetMib("1.3.6.1.2.1.140.1.1.6.0", true)
            .SetMib("1.3.6.1.4.1.4491.2.2.1.1.1.7.0", "a long enough string to need more than one small TFTP block, " + new string('x', 600))
            .EndOfFile().Build()));
        return db;
    }

    public static Dhcp4Context From(int port = 68) => new(new IPEndPoint(IPAddress.Any, port), new DateTimeOffset(2010, 5, 27, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The eCM's CM1 DISCOVER of a dual-stack eUE: option 55 asks for 122, CL_V4OPTION_ORO for 123 and 124 (Table 2).</summary>
    public static DhcpMessage EcmDiscover(bool ask122 = true, bool askCccv6 = true, bool askIpPref = true, uint xid = 0x1001)
    {
        var prl = new List<byte> { 1, 2, 3, 4, 6, 7 };
        if (ask122) prl.Add(DhcpOptionCode.CableLabsClientConfiguration);
        var oro = new List<byte>();
        if (askCccv6) oro.Add(CableLabsV4Options.Cccv6Code);
        if (askIpPref) oro.Add(CableLabsV4Options.IpPrefCode);
        var options = new List<DhcpOption> { DhcpOption.ParameterRequestList([.. prl]) };
        if (oro.Count > 0) options.Add(CableLabsV4Options.Create(oro: oro).ToOption());
        return DhcpMessage.Create(DhcpMessageType.Discover, xid, EcmMac.GetAddressBytes(), options);
    }

    public static DhcpMessage Request(PhysicalAddress mac, IPAddress serverId, IPAddress requested, uint xid = 0x1001, IEnumerable<DhcpOption>? extra = null) =>
        DhcpMessage.Create(DhcpMessageType.Request, xid, mac.GetAddressBytes(),
            [DhcpOption.ServerIdentifier(serverId), DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, requested), .. extra ?? []]);

    public static DhcpMessage EueDiscover(uint xid = 0x2001, IEnumerable<DhcpOption>? extra = null) =>
        DhcpMessage.Create(DhcpMessageType.Discover, xid, EueMac.GetAddressBytes(), [DhcpOption.ParameterRequestList(1, 3, 6, 7, 12, 15, 122), .. extra ?? []]);

    public static readonly Duid EueDuid = Duid.Ll(Duid.HardwareTypeEthernet, EueMac.GetAddressBytes());
    public static readonly Duid EcmDuid = Duid.Ll(Duid.HardwareTypeEthernet, EcmMac.GetAddressBytes());

    public static EueSolicitParameters EueParameters(uint xid = 0x123456) => new()
    {
        TransactionId = xid,
        ClientDuid = EueDuid,
        DeviceType = "EDVA",
        DeviceSerialNumber = "SN-1",
        HardwareVersionNumber = "1.0",
        SoftwareVersionNumber = "2.0",
        BootRomVersion = "0.9",
        VendorOui = new byte[] { 0x00, 0x10, 0x95 },
        ModelNumber = "M1",
        VendorName = "Vendor",
        ModemCapabilities = ModemCapabilities.Eue(),
        DeviceId = EueMac.GetAddressBytes(),
    };

    public static Dhcp6Message EueSolicit(uint xid = 0x123456) => global::EUeConformance.Protocols.Dhcp6.EueSolicit.Build(EueParameters(xid));

    /// <summary>The eCM's CM1v6 SOLICIT of a dual-stack eUE: CL_OPTION_ORO asks for CL_OPTION_CCC, CL_OPTION_CCCV6 and CL_OPTION_IP_PREF (Table 3).</summary>
    public static Dhcp6Message EcmSolicit(bool rapidCommit = false, uint xid = 0x654321, params ushort[] clOro)
    {
        var options = new List<Dhcp6Option>
        {
            Dhcp6Options.ClientId(EcmDuid),
            new IaNa(7, 0, 0).ToOption(),
            Dhcp6Options.ElapsedTime(0),
            Dhcp6Options.Oro(Dhcp6OptionCode.DnsServers),
            Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, ClOptions.Oro(clOro.Length > 0 ? clOro : [ClOptionCode.Ccc, ClOptionCode.Cccv6, ClOptionCode.IpPref, ClOptionCode.Rfc868Servers, ClOptionCode.TimeOffset])),
        };
        if (rapidCommit) options.Add(Dhcp6Options.RapidCommit());
        return Dhcp6Message.Create(Dhcp6MessageType.Solicit, xid, options);
    }

    public static Dhcp6Context From6(PhysicalAddress? mac = null) =>
        new(new IPEndPoint(IPAddress.Parse("fe80::210:95ff:fe00:2"), Dhcp6Ports.Client), new DateTimeOffset(2010, 5, 27, 12, 0, 0, TimeSpan.Zero), mac,
            HeadendV6, IPAddress.Parse("fe80::ff:fe00:1"));
}
