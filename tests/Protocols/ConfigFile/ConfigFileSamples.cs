using System.Net;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>Configuration files as a headend would serve them, built with the builder.</summary>
static class ConfigFileSamples
{
    public static readonly IPAddress SnmpManager = IPAddress.Parse("10.0.5.9");
    public static readonly IPAddress SnmpManagerV6 = IPAddress.Parse("2001:db8::5:9");
    public static readonly byte[] VendorOui = [0x00, 0x10, 0x95];

    /// <summary>
    /// A Secure-flow eUE file (EUE-PROV 6.4.2.1): pktcMtaDevEnabled, one realm row carrying both
    /// pktcMtaDevRealmName and pktcMtaDevRealmOrgName (RFC 4682 layout), a CMS row, syslog control,
    /// two notification receivers (IPv4 and IPv6) and a vendor TLV.
    /// </summary>
    public static EueConfigFile SecureFlow() => new ConfigFileBuilder()
        .StartOfFile()
        .SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), SnmpValue.TruthValue(true))
        .SetMib(MibNames.IetfMta.PktcMtaDevRealmName.Instance(1), "PCLAB.EXAMPLE.COM")
        .SetMib(MibNames.IetfMta.PktcMtaDevRealmOrgName.Instance(1), "Example Cable Operator")
        .SetMib(MibNames.IetfMta.PktcMtaDevRealmPkinitGracePeriod.Instance(1), SnmpValue.Unsigned32(30))
        .SetMib(MibNames.IetfMta.PktcMtaDevRealmStatus.Instance(1), SnmpValue.Integer(4)) // createAndGo (RFC 2579)
        .SetMib(MibNames.IetfMta.PktcMtaDevCmsFqdn.Instance(1), "cms1.pclab.example.com")
        .SetMib(MibNames.IetfMta.PktcMtaDevCmsKerbRealmName.Instance(1), "PCLAB.EXAMPLE.COM")
        .SetMib(MibNames.IetfMta.PktcMtaDevCmsIpsecCtrl.Instance(1), SnmpValue.TruthValue(false))
        .SetMib(MibNames.IetfMta.PktcMtaDevCmsStatus.Instance(1), SnmpValue.Integer(4))
        .SetMib(MibNames.Event.PktcDevEvSyslogAddressType.Instance(0), SnmpValue.Integer(1)) // ipv4(1), InetAddressType
        .SetMib(MibNames.Event.PktcDevEvSyslogAddress.Instance(0), SnmpValue.OctetString([10, 0, 0, 7]))
        .SetMib(MibNames.Event.PktcDevEvSyslogUdpPort.Instance(0), SnmpValue.Unsigned32(514))
        .NotificationReceiver(SnmpManager, NotificationReceiverType.SnmpV2cInform, port: 162, timeoutMilliseconds: 15000, retries: 3)
        .NotificationReceiver(new NotificationReceiver { Ipv6Address = SnmpManagerV6, Type = NotificationReceiverType.SnmpV2cTrap, FilterOid = MibNames.ClabMta.PktcMtaDevProvisioningState.Oid })
        .VendorSpecific(VendorOui, new SubTlv(1, [0x01, 0x02]))
        .EndOfFile()
        .Build();

    /// <summary>A Basic-flow file with the hash TLV 11 inserted before the end (PKT-PROV1.5 §9.1).</summary>
    public static EueConfigFile BasicFlowWithHash() => ConfigFileHash.AddBasicFlowHash(new ConfigFileBuilder()
        .StartOfFile()
        .SetMib(MibNames.ClabMta.PktcMtaDevEnabled.Instance(0), SnmpValue.TruthValue(true))
        .SetMib(MibNames.ClabMta.PktcMtaDevRealmOrgName.InstanceOfString("BASIC.1", implied: true), "Example Cable Operator")
        .EndOfFile()
        .Build());

    /// <summary>Every SMI type once, and a TLV 64 for an OCTET STRING longer than TLV 11 can carry.</summary>
    public static EueConfigFile AllSmiTypes() => new ConfigFileBuilder()
        .StartOfFile()
        .SetMib("1.3.6.1.4.1.4491.99.1.0", SnmpValue.Integer(-5))
        .SetMib("1.3.6.1.4.1.4491.99.2.0", SnmpValue.OctetString("text"))
        .SetMib("1.3.6.1.4.1.4491.99.3.0", SnmpValue.Null())
        .SetMib("1.3.6.1.4.1.4491.99.4.0", SnmpValue.ObjectIdentifier("1.3.6.1.2.1.1"))
        .SetMib("1.3.6.1.4.1.4491.99.5.0", SnmpValue.IpAddress(IPAddress.Parse("192.0.2.1")))
        .SetMib("1.3.6.1.4.1.4491.99.6.0", SnmpValue.Counter32(4_000_000_000))
        .SetMib("1.3.6.1.4.1.4491.99.7.0", SnmpValue.Gauge32(7))
        .SetMib("1.3.6.1.4.1.4491.99.8.0", SnmpValue.TimeTicks(12345))
        .SetMib("1.3.6.1.4.1.4491.99.9.0", SnmpValue.Opaque([0x9f, 0x78, 0x04, 0x42, 0xf6, 0x00, 0x00]))
        .SetMib("1.3.6.1.4.1.4491.99.10.0", SnmpValue.Counter64(18_000_000_000_000_000_000))
        .SetMib("1.3.6.1.4.1.4491.99.11.0", SnmpValue.OctetString(new string('x', 400)))
        .EndOfFile()
        .Build();

    public static IReadOnlyList<EueConfigFile> All() => [SecureFlow(), BasicFlowWithHash(), AllSmiTypes(), DocsisToolTlv64.Build()];
}
