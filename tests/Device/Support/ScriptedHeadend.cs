using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Manager;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Protocols.Time;

namespace EUeConformance.Tests.Device.Support;

/// <summary>
/// A small headend for the device's own tests, written with the codecs: one host answering the eCM's and
/// the eUE's DHCP (v4 and v6), RFC 868, TFTP (with blksize), router solicitations (RA with M=1) and syslog,
/// each answer shaped by the script's fields. What arrived is kept for the assertions.
/// </summary>
public sealed class ScriptedHeadend
{
    public static readonly IPAddress V4 = IPAddress.Parse("10.0.0.1");
    public static readonly IPAddress V6 = IPAddress.Parse("2001:db8::1");
    public static readonly IPAddress EcmV4 = IPAddress.Parse("10.0.0.10");
    public static readonly IPAddress EueV4 = IPAddress.Parse("10.0.0.20");
    public static readonly IPAddress EcmV6 = IPAddress.Parse("2001:db8::10");
    public static readonly IPAddress EueV6 = IPAddress.Parse("2001:db8::20");
    public static readonly DssId Dss = DssId.FromAscii("DSS-1");
    public static readonly Duid ServerDuid = Duid.Ll(1, [0x00, 0x10, 0x95, 0xFF, 0xFF, 0x01]);

    readonly PhysicalAddress _ecmMac, _eueMac;
    INetworkHost _host = null!;
    public INetworkHost Host => _host;

    public ScriptedHeadend(PhysicalAddress ecmMac, PhysicalAddress eueMac) { _ecmMac = ecmMac; _eueMac = eueMac; }

    // ---- script ----
    /// <summary>What the eCM's ACK/REPLY carries for the eUE: option 122 servers, DSS_IDs, IP preference.</summary>
    public IPAddress? EueDhcpv4Server { get; set; } = V4;
    public DssId? EueDssId { get; set; } = Dss;
    public IpPreference? IpPref { get; set; }
    /// <summary>How many eCM OFFER rounds leave the E-UE options out.</summary>
    public int EcmOffersWithoutEueOptions { get; set; }
    public string Realm { get; set; } = "BASIC.1";
    public bool RouterManagedFlag { get; set; } = true;
    public bool AnswerTimeOfDay { get; set; } = true;
    public byte[] ConfigFile { get; set; } = BasicConfigFile();
    public uint LeaseSeconds { get; set; } = 86400;
    public IReadOnlyList<IPAddress> Dnsv4 { get; set; } = [V4];
    /// <summary>Hybrid/Secure: the URL the SNMP entity SETs after the enrollment INFORM (null: no SET); {host} becomes the headend's address.</summary>
    public string? ConfigFileUrl { get; set; } = "tftp://{host}/eue.cfg";
    /// <summary>The hash SET with the URL (null: the SHA-1 of <see cref="ConfigFile"/>).</summary>
    public byte[]? ConfigHash { get; set; }
    /// <summary>Whether the SNMP entity acknowledges INFORMs.</summary>
    public bool AcknowledgeInforms { get; set; } = true;

    // ---- what arrived ----
    public List<DhcpMessage> EcmDhcpv4 { get; } = [];
    public List<DhcpMessage> EueDhcpv4 { get; } = [];
    public List<(DateTimeOffset At, DhcpMessage Message)> EcmDiscovers { get; } = [];
    public List<Dhcp6Message> EcmDhcpv6 { get; } = [];
    public List<Dhcp6Message> EueDhcpv6 { get; } = [];
    public List<(IPEndPoint From, Dhcp6Message Message)> EueDhcpv6From { get; } = [];
    public List<TftpReadRequest> TftpRequests { get; } = [];
    public List<SyslogMessage> Syslog { get; } = [];
    public List<ReceivedNotification> Notifications { get; } = [];
    public List<SnmpResponse> SetResponses { get; } = [];
    /// <summary>Router Solicitations from the eUE's link-local address.</summary>
    public int RouterSolicitations { get; private set; }
    public int TimeRequests { get; private set; }

    public static byte[] BasicConfigFile(bool withHash = true)
    {
        var file = new ConfigFileBuilder().StartOfFile()
            .SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true)
            .EndOfFile().Build();
        return (withHash ? ConfigFileHash.AddBasicFlowHash(file) : file).Encode();
    }

    public async Task StartAsync(IFabric fabric, ILink link)
    {
        _host = await fabric.AddHostAsync(link, new HostOptions("headend", PhysicalAddress.Parse("00-10-95-FF-FF-01"),
            [new InterfaceAddress(V4, 24), new InterfaceAddress(V6, 64)]));
        await fabric.InvokeAsync(() =>
        {
            Udp(new IPEndPoint(IPAddress.Any, 67), OnDhcpv4);
            var d6 = Udp(new IPEndPoint(IPAddress.IPv6Any, 547), OnDhcpv6);
            d6.JoinMulticast(IPAddress.Parse("ff02::1:2"));
            Udp(new IPEndPoint(IPAddress.Any, 37), OnTime);
            Udp(new IPEndPoint(IPAddress.IPv6Any, 37), OnTime);
            Udp(new IPEndPoint(IPAddress.Any, 69), OnTftp);
            Udp(new IPEndPoint(IPAddress.IPv6Any, 69), OnTftp);
            Udp(new IPEndPoint(IPAddress.Any, 162), OnSnmpNotification);
            Udp(new IPEndPoint(IPAddress.IPv6Any, 162), OnSnmpNotification);
            StartSnmpManager(fabric.Clock);
            Udp(new IPEndPoint(IPAddress.Any, 514), d => Syslog.Add(SyslogMessage.Decode(d.Payload.Span)));
            Udp(new IPEndPoint(IPAddress.IPv6Any, 514), d => Syslog.Add(SyslogMessage.Decode(d.Payload.Span)));
            _host.NeighborDiscovery.RouterSolicitationReceived = from =>
            {
                // The eUE's solicitations are counted (6.3.4.2); the eCM's (its DOCSIS router discovery) are answered too.
                if (from.GetAddressBytes().AsSpan().SequenceEqual(EUeConformance.Device.Eue.Ipv6.Eui64LinkLocal.For(_eueMac).GetAddressBytes())) RouterSolicitations++;
                _host.NeighborDiscovery.SendRouterAdvertisement(new RouterAdvertisement(RouterManagedFlag, true, TimeSpan.FromMinutes(30),
                    [new InterfaceAddress(IPAddress.Parse("2001:db8::"), 64)]));
            };
            return Task.CompletedTask;
        });
    }

    readonly Dictionary<IPEndPoint, IDatagramSocket> _sockets = [];

    IDatagramSocket Udp(IPEndPoint local, Action<Datagram> onReceive)
    {
        var s = _host.OpenUdp(local);
        s.Received = onReceive;
        _sockets[local] = s;
        return s;
    }

    // ---- the provisioning server's SNMP entity (eUE-15, eUE-19, eUE-25), sans-IO on the actor context ----

    SnmpNotificationReceiver _receiver = null!;
    SnmpRequester _requester = null!;
    IDatagramSocket _managerV4 = null!, _managerV6 = null!;

    void StartSnmpManager(TimeProvider clock)
    {
        var engine = new SnmpEngine([0x80, 0x00, 0x11, 0x8B, 0x04, 0x70, 0x72, 0x6F, 0x76], 1, clock, random: new Random(3));
        _receiver = new SnmpNotificationReceiver(engine, new SnmpNotificationReceiverOptions { Communities = new HashSet<string> { "public" } });
        _managerV4 = _host.OpenUdp(new IPEndPoint(IPAddress.Any, 0));
        _managerV6 = _host.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 0));
        _requester = new SnmpRequester(engine, (bytes, to, _) =>
        {
            (to.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? _managerV6 : _managerV4).Send(bytes.Span, to);
            return ValueTask.CompletedTask;
        }, continueOnCapturedContext: true);
        Action<Datagram> deliver = d => _requester.Deliver(SnmpMessage.Decode(d.Payload.Span), d.Payload.Span, d.Source);
        _managerV4.Received = deliver;
        _managerV6.Received = deliver;
    }

    void OnSnmpNotification(Datagram d)
    {
        if (!AcknowledgeInforms) { Notifications.Add(new ReceivedNotification(d.Source, SnmpVersion.V2c, ((CommunityMessage)SnmpMessage.Decode(d.Payload.Span)).Pdu, "public", null, null, d.ReceivedAt, d.Payload.ToArray())); return; }
        int before = _receiver.Received.Count;
        var reply = _receiver.Handle(d.Payload.Span, d.Source);
        if (reply is not null) _sockets[new IPEndPoint(d.Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 162)].Send(reply, d.Source);
        if (_receiver.Received.Count == before) return;
        var n = _receiver.Received[^1];
        Notifications.Add(n);
        // eUE-19: after the enrollment INFORM, SET the file URL and its hash.
        if (n.TrapOid?.ToString() is { } oid && oid.EndsWith(".0.1", StringComparison.Ordinal) && ConfigFileUrl is not null)
            _ = SetConfigFileAsync(d.Source.Address, n.TrapOid!);
    }

    async Task SetConfigFileAsync(IPAddress eue, ObjectIdentifier enrollment)
    {
        bool ietf = enrollment.ToString().StartsWith("1.3.6.1.2.1.140", StringComparison.Ordinal);
        var file = ietf ? MibNames.IetfMta.PktcMtaDevConfigFile : MibNames.ClabMta.PktcMtaDevConfigFile;
        var hash = ietf ? MibNames.IetfMta.PktcMtaDevProvConfigHash : MibNames.ClabMta.PktcMtaDevProvConfigHash;
        string host = eue.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{V6}]" : V4.ToString();
        var target = SnmpTarget.V2c(new IPEndPoint(eue, 161), "private");
        var pdu = new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0,
        [
            new VarBind(file.InstanceId(0), SnmpValue.OctetString(ConfigFileUrl!.Replace("{host}", host, StringComparison.Ordinal))),
            new VarBind(hash.InstanceId(0), SnmpValue.OctetString(ConfigHash ?? ConfigFileHash.Compute(ConfigFile))),
        ]);
        SetResponses.Add(await _requester.RequestAsync(target, pdu));
    }

    /// <summary>A SET from the provisioning server, e.g. incremental provisioning (6.3.6).</summary>
    public Task<SnmpResponse> SetAsync(IPAddress eue, params VarBind[] varBinds) =>
        _requester.RequestAsync(SnmpTarget.V2c(new IPEndPoint(eue, 161), "private"), new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0, varBinds));

    public Task<SnmpResponse> GetAsync(IPAddress eue, params ObjectIdentifier[] names) =>
        _requester.RequestAsync(SnmpTarget.V2c(new IPEndPoint(eue, 161), "public"),
            new Pdu(PduType.GetRequest, 0, SnmpErrorStatus.NoError, 0, [.. names.Select(n => new VarBind(n, SnmpValue.Null()))]));

    // ---- DHCPv4 ----

    void OnDhcpv4(Datagram d)
    {
        var m = DhcpMessage.Decode(d.Payload.Span);
        bool ecm = m.ClientHardwareAddress.AsSpan().SequenceEqual(_ecmMac.GetAddressBytes());
        (ecm ? EcmDhcpv4 : EueDhcpv4).Add(m);
        if (ecm && m.MessageType == DhcpMessageType.Discover) EcmDiscovers.Add((d.ReceivedAt, m));
        var type = m.MessageType switch { DhcpMessageType.Discover => DhcpMessageType.Offer, DhcpMessageType.Request => DhcpMessageType.Ack, _ => (DhcpMessageType?)null };
        if (type is null) return;
        var options = new List<DhcpOption>
        {
            DhcpOption.FromAddress(DhcpOptionCode.SubnetMask, IPAddress.Parse("255.255.255.0")),
            DhcpOption.FromAddresses(DhcpOptionCode.Router, V4),
            DhcpOption.LeaseTime(LeaseSeconds),
        };
        DhcpMessage reply;
        if (ecm)
        {
            options.Add(DhcpOption.FromAddresses(DhcpOptionCode.TimeServer, V4));
            options.Add(DhcpOption.FromInt32(DhcpOptionCode.TimeOffset, 0));
            bool withEue = type == DhcpMessageType.Ack || EcmDiscovers.Count > EcmOffersWithoutEueOptions;
            if (withEue)
            {
                if (EueDhcpv4Server is not null && Requested(m, 122)) options.Add(ClientConfiguration.Create(primaryDhcpServer: EueDhcpv4Server).ToOption());
                var cl = m.CableLabsV4?.Oro ?? [];
                Cccv6DssIds? dssIds = EueDssId is { } id && cl.Contains(CableLabsV4Options.Cccv6Code) ? Cccv6DssIds.Create(id) : null;
                if (dssIds is not null || IpPref is not null)
                    options.Add(CableLabsV4Options.Create(cccv6: dssIds, ipPref: IpPref).ToOption());
            }
            reply = DhcpMessage.ReplyTo(m, type.Value, V4, EcmV4, options);
        }
        else
        {
            options.Add(DhcpOption.FromAddresses(DhcpOptionCode.DomainNameServer, Dnsv4));
            options.Add(DhcpOption.FromAddresses(DhcpOptionCode.LogServer, V4));
            options.Add(ClientConfiguration.Create(provisioningServer: ProvisioningServerAddress.FromAddress(V4), kerberosRealm: Realm).ToOption());
            reply = DhcpMessage.ReplyTo(m, type.Value, V4, EueV4, options, siAddr: V4) with { File = DhcpMessage.FieldOf("eue.cfg", 128) };
        }
        _sockets[new IPEndPoint(IPAddress.Any, 67)].Send(reply.Encode(), new IPEndPoint(IPAddress.Broadcast, 68));
    }

    static bool Requested(DhcpMessage m, byte code) => m.GetOption(DhcpOptionCode.ParameterRequestList)?.AsUInt8List().Contains(code) == true;

    // ---- DHCPv6 ----

    void OnDhcpv6(Datagram d)
    {
        var m = Dhcp6Message.Decode(d.Payload.Span);
        var clientMac = m.ClientId?.LinkLayerAddress?.ToArray() ?? [];
        bool ecm = clientMac.AsSpan().SequenceEqual(_ecmMac.GetAddressBytes());
        (ecm ? EcmDhcpv6 : EueDhcpv6).Add(m);
        if (!ecm) EueDhcpv6From.Add((d.Source, m));
        var type = m.Type switch
        {
            Dhcp6MessageType.Solicit => Dhcp6MessageType.Advertise,
            Dhcp6MessageType.Request or Dhcp6MessageType.Renew or Dhcp6MessageType.Rebind or Dhcp6MessageType.Decline => Dhcp6MessageType.Reply,
            _ => (Dhcp6MessageType?)null,
        };
        if (type is null) return;
        var options = new List<Dhcp6Option> { Dhcp6Options.ClientId(m.ClientId!), Dhcp6Options.ServerId(ServerDuid) };
        if (m.Type != Dhcp6MessageType.Decline)
        {
            var iaid = m.IaNa?.Iaid ?? 1;
            options.Add(IaNa.WithAddress(iaid, 3600, 5400, new IaAddress(ecm ? EcmV6 : EueV6, 7200, 7200)).ToOption());
            options.Add(Dhcp6Options.DnsServers(V6));
            var cl = new List<Dhcp6Option>();
            if (ecm)
            {
                var oro = m.CableLabs?.OptionRequest ?? [];
                cl.Add(ClOptions.Rfc868Servers(V6));
                if (oro.Contains(ClOptionCode.Ccc) && EueDhcpv4Server is not null) cl.Add(ClOptions.Ccc(ClOptionCcc.Create(EueDhcpv4Server)));
                if (oro.Contains(ClOptionCode.Cccv6) && EueDssId is { } dss) cl.Add(ClOptions.Cccv6(ClOptionCccv6.Create(primaryDssId: dss)));
                if (IpPref is { } p) cl.Add(ClOptions.IpPref((byte)p));
            }
            else
            {
                cl.Add(ClOptions.TftpServers(V6));
                cl.Add(ClOptions.ConfigFileName("eue.cfg"));
                cl.Add(ClOptions.SyslogServers(V6));
                cl.Add(ClOptions.Cccv6(ClOptionCccv6.Create(primaryDssId: Dss, provSnmpEntity: ProvSnmpEntity.FromAddress(V6), kerberosRealm: Realm)));
                options.Add(Dhcp6Options.Fqdn(FqdnFlags.S, "eue1.example.net"));
            }
            options.Add(Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, cl));
        }
        var reply = Dhcp6Message.Create(type.Value, m.TransactionId, options);
        _sockets[new IPEndPoint(IPAddress.IPv6Any, 547)].Send(reply.Encode(), d.Source);
    }

    // ---- ToD, TFTP ----

    void OnTime(Datagram d)
    {
        TimeRequests++;
        if (!AnswerTimeOfDay) return;
        var socket = _sockets[new IPEndPoint(d.Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 37)];
        socket.Send(TimeProtocolMessage.FromDateTimeOffset(d.ReceivedAt).Encode(), d.Source);
    }

    void OnTftp(Datagram d)
    {
        if (TftpPacket.Decode(d.Payload.Span) is not TftpReadRequest rrq) return;
        TftpRequests.Add(rrq);
        var answer = TftpNegotiation.Answer(rrq, new TftpServerPolicy(), ConfigFile.Length);
        var transfer = _host.OpenUdp(new IPEndPoint(d.Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        int size = answer.Parameters.BlockSize;
        int block = answer.OptionAck is null ? 1 : 0;
        void SendBlock(int n)
        {
            if (n == 0) { transfer.Send(answer.OptionAck!.Encode(), d.Source); return; }
            int start = (n - 1) * size;
            var payload = ConfigFile.AsMemory(Math.Min(start, ConfigFile.Length), Math.Max(0, Math.Min(size, ConfigFile.Length - start)));
            transfer.Send(new TftpData((ushort)n, payload).Encode(), d.Source);
        }
        transfer.Received = a =>
        {
            if (TftpPacket.Decode(a.Payload.Span) is not TftpAck ack) return;
            if ((ack.Block) * size > ConfigFile.Length) { transfer.Dispose(); return; }
            SendBlock(ack.Block + 1);
        };
        SendBlock(block);
    }
}
