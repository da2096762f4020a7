using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>Real-looking eUE and eCM DHCPv6 messages of the E-UE flows (EUE-PROV Table 3, Table 5, 6.3.5).</summary>
public static class Dhcp6Samples
{
    public static readonly byte[] EueMac = [0x00, 0x10, 0x95, 0x00, 0x00, 0x02];
    public static readonly IPAddress EueLinkLocal = IPAddress.Parse("fe80::210:95ff:fe00:2");
    public static readonly IPAddress ServerAddress = IPAddress.Parse("2001:db8:1::1");
    public static readonly IPAddress AssignedAddress = IPAddress.Parse("2001:db8:1::100");
    public static readonly IPAddress AllDhcpRelayAgentsAndServers = IPAddress.Parse("ff02::1:2");
    public static readonly IPAddress TftpServer = IPAddress.Parse("2001:db8:1::69");
    public static readonly IPAddress SyslogServer = IPAddress.Parse("2001:db8:1::514");
    public static readonly IPAddress DnsServer = IPAddress.Parse("2001:db8:1::53");
    public static readonly IPAddress RelayLinkAddress = IPAddress.Parse("2001:db8:1::fffe");

    public const uint Xid = 0x4A1B2C;
    public const string DssIdText = "eue-dhcp6-primary";
    public const string ProvisioningServerFqdn = "prov.example.net";
    public const string Realm = "BASIC.1";

    /// <summary>DUID-LLT: Ethernet, 2010-05-27 12:00:00 UTC, the eUE MAC.</summary>
    public static Duid ClientDuid { get; } = Duid.Llt(Duid.HardwareTypeEthernet, new DateTimeOffset(2010, 5, 27, 12, 0, 0, TimeSpan.Zero), EueMac);
    /// <summary>DUID-EN: CableLabs enterprise, a vendor identifier.</summary>
    public static Duid ServerDuid { get; } = Duid.En(CableLabs.EnterpriseNumber, [0x45, 0x55, 0x45, 0x2D, 0x53, 0x52, 0x56]);

    public static EueSolicitParameters Parameters { get; } = new()
    {
        TransactionId = Xid,
        ClientDuid = ClientDuid,
        Iaid = 0x0A000002,
        DeviceType = "EDVA",
        DeviceSerialNumber = "SN-0001-2345",
        HardwareVersionNumber = "HW-1.0",
        SoftwareVersionNumber = "SW-2.0.1",
        BootRomVersion = "BR-1.2",
        VendorOui = new byte[] { 0x00, 0x10, 0x95 },
        ModelNumber = "EUE-2000",
        VendorName = "Example Vendor",
        ModemCapabilities = ModemCapabilities.Eue(certificateBootstrapping: true),
        DeviceId = EueMac,
    };

    public static Dhcp6Message Solicit() => EueSolicit.Build(Parameters);

    public static ClOptionCccv6 Cccv6() => ClOptionCccv6.Create(
        primaryDssId: DssId.FromAscii(DssIdText),
        provSnmpEntity: ProvSnmpEntity.FromFqdn(ProvisioningServerFqdn),
        asReqAsRepBackoff: new KerberosBackoff(10_000, 100, 3),
        apReqApRepBackoff: new KerberosBackoff(5_000, 60, 5),
        kerberosRealm: Realm,
        tgtFlag: 1,
        provisioningTimer: 10,
        ticketControl: 0x0003);

    static IaNa AssignedIa() => IaNa.WithAddress(Parameters.Iaid, 1800, 2880, new IaAddress(AssignedAddress, 3600, 7200));

    static List<Dhcp6Option> ServerOptions() =>
    [
        Dhcp6Options.ServerId(ServerDuid),
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.IaNa(AssignedIa()),
        Dhcp6Options.Preference(255),
        Dhcp6Options.DnsServers(DnsServer),
        Dhcp6Options.Fqdn(FqdnFlags.S, "eue-0001.example.net"),
        Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber,
            ClOptions.TftpServers(TftpServer),
            ClOptions.ConfigFileName("eue-0001.cfg"),
            ClOptions.SyslogServers(SyslogServer),
            ClOptions.Cccv6(Cccv6())),
    ];

    /// <summary>eUE-2: the ADVERTISE with CL_OPTION_CCCV6 (DSS_ID, provisioning server FQDN, realm BASIC.1).</summary>
    public static Dhcp6Message Advertise() => Dhcp6Message.Create(Dhcp6MessageType.Advertise, Xid, ServerOptions());

    /// <summary>eUE-3: the REQUEST with the SOLICIT's options, the server's ID and the advertised IA.</summary>
    public static Dhcp6Message Request() => EueSolicit.BuildRequest(Parameters with { TransactionId = Xid + 1 }, ServerDuid, AssignedIa());

    /// <summary>eUE-4: the REPLY, the same options as the ADVERTISE (but no preference) and Reconfigure Accept.</summary>
    public static Dhcp6Message Reply()
    {
        var options = ServerOptions();
        options.RemoveAll(o => o.Code == Dhcp6OptionCode.Preference);
        options.Add(Dhcp6Options.ReconfAccept());
        return Dhcp6Message.Create(Dhcp6MessageType.Reply, Xid + 1, options);
    }

    /// <summary>EUE-PROV 6.3.5: RENEW with the last known FQDN.</summary>
    public static Dhcp6Message Renew() => Dhcp6Message.Create(Dhcp6MessageType.Renew, 0x0000A5,
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.ServerId(ServerDuid),
        Dhcp6Options.IaNa(AssignedIa()),
        Dhcp6Options.ElapsedTime(0),
        Dhcp6Options.Fqdn(FqdnFlags.S, "eue-0001.example.net"),
        Dhcp6Options.Oro(Dhcp6OptionCode.Fqdn, Dhcp6OptionCode.DnsServers),
        Dhcp6Options.VendorClass(VendorClass.Pktc20));

    /// <summary>EUE-PROV 6.3.5: REBIND, like RENEW without the server ID.</summary>
    public static Dhcp6Message Rebind() => Dhcp6Message.Create(Dhcp6MessageType.Rebind, 0x0000A6,
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.IaNa(AssignedIa()),
        Dhcp6Options.ElapsedTime(100),
        Dhcp6Options.Fqdn(FqdnFlags.S, "eue-0001.example.net"),
        Dhcp6Options.Oro(Dhcp6OptionCode.Fqdn, Dhcp6OptionCode.DnsServers));

    /// <summary>Table 5 note: DECLINE on a DAD conflict with the assigned address.</summary>
    public static Dhcp6Message Decline() => Dhcp6Message.Create(Dhcp6MessageType.Decline, 0x0000B1,
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.ServerId(ServerDuid),
        Dhcp6Options.IaNa(AssignedIa()),
        Dhcp6Options.ElapsedTime(0));

    public static Dhcp6Message Release() => Dhcp6Message.Create(Dhcp6MessageType.Release, 0x0000B2,
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.ServerId(ServerDuid),
        Dhcp6Options.IaNa(AssignedIa()),
        Dhcp6Options.ElapsedTime(0));

    public static Dhcp6Message Confirm() => Dhcp6Message.Create(Dhcp6MessageType.Confirm, 0x0000B3,
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.IaNa(new IaNa(Parameters.Iaid, 0, 0, [new IaAddress(AssignedAddress, 0, 0).ToOption()])),
        Dhcp6Options.ElapsedTime(0));

    public static Dhcp6Message InformationRequest() => Dhcp6Message.Create(Dhcp6MessageType.InformationRequest, 0x0000B4,
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.ElapsedTime(0),
        Dhcp6Options.Oro(Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList));

    /// <summary>RFC 3315 §19.1.1: RECONFIGURE with server ID, client ID, the message to send, and reconfigure-key authentication (§21.5).</summary>
    public static Dhcp6Message Reconfigure() => Dhcp6Message.Create(Dhcp6MessageType.Reconfigure, 0,
        Dhcp6Options.ServerId(ServerDuid),
        Dhcp6Options.ClientId(ClientDuid),
        Dhcp6Options.ReconfMsg(Dhcp6MessageType.Renew),
        // protocol 3 (reconfigure key), algorithm 1 (HMAC-MD5), RDM 0; type 2 (HMAC-MD5 digest) and 16 digest octets.
        Dhcp6Options.Auth(3, 1, 0, 1, [2, .. new byte[16]]));

    /// <summary>A relay agent forwarding the eUE's SOLICIT, with an interface-id.</summary>
    public static Dhcp6Message RelayForw() => Dhcp6Message.CreateRelay(Dhcp6MessageType.RelayForw, 0, RelayLinkAddress, EueLinkLocal,
        Dhcp6Options.InterfaceId("cable-mac1"u8),
        Dhcp6Options.RelayMsg(Solicit()));

    /// <summary>The server's RELAY-REPL carrying the ADVERTISE back.</summary>
    public static Dhcp6Message RelayRepl() => Dhcp6Message.CreateRelay(Dhcp6MessageType.RelayRepl, 0, RelayLinkAddress, EueLinkLocal,
        Dhcp6Options.InterfaceId("cable-mac1"u8),
        Dhcp6Options.RelayMsg(Advertise()));

    /// <summary>Table 3 CM2v6: an eCM ADVERTISE with CL_OPTION_CCC, CL_OPTION_CCCV6 (DSS_IDs) and CL_OPTION_IP_PREF.</summary>
    public static Dhcp6Message EcmAdvertise() => Dhcp6Message.Create(Dhcp6MessageType.Advertise, 0x00C0DE,
        Dhcp6Options.ServerId(ServerDuid),
        Dhcp6Options.ClientId(Duid.Ll(Duid.HardwareTypeEthernet, [0x00, 0x10, 0x95, 0x00, 0x00, 0x01])),
        Dhcp6Options.IaNa(IaNa.WithAddress(1, 1800, 2880, new IaAddress(IPAddress.Parse("2001:db8:2::10"), 3600, 7200))),
        Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber,
            ClOptions.TftpServers(TftpServer),
            ClOptions.ConfigFileName("ecm.cfg"),
            ClOptions.Ccc(ClOptionCcc.Create(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"))),
            ClOptions.Cccv6(ClOptionCccv6.Create(DssId.FromAscii(DssIdText), DssId.FromAscii("eue-dhcp6-secondary"))),
            ClOptions.IpPref(2),
            ClOptions.TimeOffset(-18000)));

    /// <summary>An eCM SOLICIT (Table 3 CM1v6) asking for CL_OPTION_CCC, CL_OPTION_CCCV6 and CL_OPTION_IP_PREF.</summary>
    public static Dhcp6Message EcmSolicit() => Dhcp6Message.Create(Dhcp6MessageType.Solicit, 0x00C0DD,
        Dhcp6Options.ClientId(Duid.Ll(Duid.HardwareTypeEthernet, [0x00, 0x10, 0x95, 0x00, 0x00, 0x01])),
        Dhcp6Options.IaNa(new IaNa(1, 0, 0)),
        Dhcp6Options.ElapsedTime(0),
        Dhcp6Options.Oro(Dhcp6OptionCode.VendorOpts),
        Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber,
            ClOptions.Oro(ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.Ccc, ClOptionCode.Cccv6, ClOptionCode.IpPref),
            ClOptions.DeviceType("ECM"),
            ClOptions.DeviceId([0x00, 0x10, 0x95, 0x00, 0x00, 0x01])));

    /// <summary>Every sample, by name.</summary>
    public static IReadOnlyList<(string Name, Dhcp6Message Message)> All() =>
    [
        ("SOLICIT", Solicit()), ("ADVERTISE", Advertise()), ("REQUEST", Request()), ("REPLY", Reply()),
        ("RENEW", Renew()), ("REBIND", Rebind()), ("DECLINE", Decline()), ("RELEASE", Release()),
        ("CONFIRM", Confirm()), ("INFORMATION-REQUEST", InformationRequest()), ("RECONFIGURE", Reconfigure()),
        ("RELAY-FORW", RelayForw()), ("RELAY-REPL", RelayRepl()), ("eCM ADVERTISE", EcmAdvertise()), ("eCM SOLICIT", EcmSolicit()),
    ];
}
