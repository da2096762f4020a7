using System.Net;
using EUeConformance.Network.Udp;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Manager;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// Our manager against net-snmp's snmpd (started per test on a free 127.0.0.1 port with a generated
/// configuration, in the foreground as this process's child, killed by its PID at the end): v1, v2c
/// and v3 authPriv requests with discovery, sets, walks by GetNext and GetBulk, row creation in
/// snmpd's SNMP-TARGET-MIB and SNMP-NOTIFICATION-MIB tables, and snmpd's Reports. snmpd also proves
/// the standard modules' entries of <see cref="MibNames"/>, whose texts are not in shared/reference.
/// </summary>
public class SnmpdInteropTests(ITestOutputHelper output)
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    const string SysDescr = "EUeConformance reference snmpd";

    static readonly string Config = $"""
        rocommunity public 127.0.0.1
        rwcommunity private 127.0.0.1
        sysDescr {SysDescr}
        sysObjectID 1.3.6.1.4.1.4491.2.2.1
        sysContact lab@example.net
        sysServices 72
        createUser provserver SHA {UsmTestData.AuthPassword} AES {UsmTestData.PrivPassword}
        createUser md5des MD5 {UsmTestData.AuthPassword} DES {UsmTestData.PrivPassword}
        rwuser provserver priv
        rwuser md5des priv
        """;

    sealed class Session : IAsyncDisposable
    {
        public required NetSnmp.Daemon Snmpd { get; init; }
        public required SnmpManager Manager { get; init; }
        public required UdpSnmpTransport Transport { get; init; }
        public SnmpTarget V2c(string community = "public") => SnmpTarget.V2c(Snmpd.EndPoint, community) with { Timeout = TimeSpan.FromSeconds(3), Retries = 2 };
        public SnmpTarget V1 => SnmpTarget.V1(Snmpd.EndPoint, "public") with { Timeout = TimeSpan.FromSeconds(3), Retries = 2 };
        public SnmpTarget V3(UsmCredentials c) => SnmpTarget.V3(Snmpd.EndPoint, c) with { Timeout = TimeSpan.FromSeconds(3), Retries = 2 };

        public async ValueTask DisposeAsync()
        {
            await Manager.DisposeAsync();
            await Transport.DisposeAsync();
            await Snmpd.DisposeAsync();
        }
    }

    async Task<Session> Start()
    {
        var snmpd = await NetSnmp.Daemon.StartAsync("snmpd", Config, [], "NET-SNMP version", Bound);
        output.WriteLine($"snmpd pid {snmpd.Pid} on {snmpd.EndPoint}");
        var transport = UdpSnmpTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var engine = new SnmpEngine(UsmTestData.OtherEngineId, 1, TimeProvider.System);
        return new Session { Snmpd = snmpd, Transport = transport, Manager = new SnmpManager(engine, transport) };
    }

    static readonly ObjectIdentifier System = ObjectIdentifier.Parse("1.3.6.1.2.1.1");

    [Fact]
    public async Task Get_Set_and_walks_in_v1_and_v2c_read_and_write_snmpd()
    {
        await using var s = await Start();
        var get = await s.Manager.GetAsync(s.V2c(), MibNames.Snmpv2.SysDescr.InstanceId(0), MibNames.Snmpv2.SysObjectID.InstanceId(0), MibNames.Snmpv2.SysContact.InstanceId(0));
        get.VarBinds.Select(v => v.Value).Should().Equal(SnmpValue.OctetString(SysDescr), SnmpValue.ObjectIdentifier("1.3.6.1.4.1.4491.2.2.1"), SnmpValue.OctetString("lab@example.net"));

        var name = new VarBind(MibNames.Snmpv2.SysName.InstanceId(0), SnmpValue.OctetString("eue-lab-1"));
        (await s.Manager.SetAsync(s.V2c("private"), name)).EnsureSuccess();
        (await s.Manager.GetAsync(s.V2c(), name.Name)).VarBinds.Single().Should().Be(name);
        var refused = await s.Manager.SetAsync(s.V2c("private"), new VarBind(MibNames.Snmpv2.SysDescr.InstanceId(0), SnmpValue.OctetString("x")));
        refused.ErrorStatus.Should().Be(SnmpErrorStatus.NotWritable, "snmpd's answer for a read-only object, as ours");

        var bulk = await s.Manager.WalkAsync(s.V2c() with { MaxRepetitions = 4 }, System);
        var next = await s.Manager.WalkAsync(s.V1, System);
        bulk.Select(v => v.Name).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        bulk.Should().Contain(name).And.Contain(new VarBind(MibNames.Snmpv2.SysServices.InstanceId(0), SnmpValue.Integer(72)));
        next.Where(v => v.Name != MibNames.Snmpv2.SysUpTime.InstanceId(0)).Should().Equal(bulk.Where(v => v.Name != MibNames.Snmpv2.SysUpTime.InstanceId(0)),
            "GetNext (v1) and GetBulk (v2c) walks see the same system group");
    }

    [Theory]
    [InlineData("provserver")]
    [InlineData("md5des")]
    public async Task SNMPv3_authPriv_discovers_snmpd_engine_and_reads_and_writes(string user)
    {
        await using var s = await Start();
        var credentials = user == "provserver" ? SnmpTestBed.ShaAesCredentials : SnmpTestBed.Md5DesCredentials;
        var r = await s.Manager.GetAsync(s.V3(credentials), MibNames.Snmpv2.SysDescr.InstanceId(0));
        r.VarBinds.Single().Value.ToText().Should().Be(SysDescr);
        ((SnmpV3Message)r.Message).SecurityLevel.Should().Be(UsmSecurityLevel.AuthPriv);

        var engineId = (await s.Manager.GetAsync(s.V2c(), MibNames.SnmpFramework.SnmpEngineID.InstanceId(0))).VarBinds.Single().Value.Bytes.ToArray();
        s.Manager.Requester.EngineIdOf(s.Snmpd.EndPoint).Should().Equal(engineId, "discovery found snmpd's snmpEngineID");

        var location = new VarBind(MibNames.Snmpv2.SysLocation.InstanceId(0), SnmpValue.OctetString($"rack {user}"));
        (await s.Manager.SetAsync(s.V3(credentials), location)).EnsureSuccess();
        (await s.Manager.WalkAsync(s.V3(credentials), System)).Should().Contain(location);
    }

    [Fact]
    public async Task snmpd_Reports_a_wrong_key_and_an_unknown_user_and_the_manager_names_the_counter()
    {
        await using var s = await Start();
        var wrong = UsmCredentials.FromPasswords("provserver", UsmAuthProtocol.HmacSha, "not-the-password", UsmPrivProtocol.AesCfb128, UsmTestData.PrivPassword);
        var e = (await FluentActions.Awaiting(() => s.Manager.GetAsync(s.V3(wrong), MibNames.Snmpv2.SysDescr.InstanceId(0))).Should().ThrowAsync<SnmpReportException>()).Which;
        e.Counter.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.WrongDigests.Oid));
        var stranger = UsmCredentials.FromPasswords("nobody", UsmAuthProtocol.HmacSha, UsmTestData.AuthPassword);
        (await FluentActions.Awaiting(() => s.Manager.GetAsync(s.V3(stranger), MibNames.Snmpv2.SysDescr.InstanceId(0))).Should().ThrowAsync<SnmpReportException>())
            .Which.Counter.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.UnknownUserNames.Oid));
    }

    [Fact]
    public async Task snmpd_serves_every_standard_scalar_of_our_MIB_table_with_the_SYNTAX_we_give_it()
    {
        await using var s = await Start();
        string[] modules = ["SNMPv2-MIB", "SNMP-FRAMEWORK-MIB", "SNMP-MPD-MIB", "SNMP-USER-BASED-SM-MIB", "SNMP-TARGET-MIB"];
        var columns = MibNames.Tables.SelectMany(t => t.Columns).ToHashSet();
        var scalars = MibNames.All.Where(o => modules.Contains(o.Module) && o.Access >= MibAccess.ReadOnly && !columns.Contains(o)).ToList();
        scalars.Should().HaveCountGreaterThan(20);
        var r = await s.Manager.GetAsync(s.V2c(), scalars.Select(o => o.InstanceId(0)));
        for (int i = 0; i < scalars.Count; i++)
        {
            var value = r.VarBinds[i].Value;
            value.IsException.Should().BeFalse($"snmpd implements {scalars[i]} at {scalars[i].Oid}.0");
            scalars[i].Type!.BaseType.Should().Be(value.Type, $"{scalars[i]} is {scalars[i].Syntax}");
        }
        var phys = await s.Manager.WalkAsync(s.V2c(), MibNames.IfMib.IfPhysAddress.Id);
        phys.Should().NotBeEmpty().And.OnlyContain(v => v.Value.Type == SnmpType.OctetString, "ifPhysAddress is a PhysAddress column");
    }

    [Fact]
    public async Task Rows_our_manager_creates_with_createAndGo_in_snmpd_target_and_notify_tables_read_back_with_snmpd_defaults()
    {
        await using var s = await Start();
        var addr = MibNames.SnmpTarget.SnmpTargetAddrTable;
        var notify = MibNames.SnmpNotification.SnmpNotifyTable;
        uint[] index = MibIndex.OfString("eue", implied: true);
        ObjectIdentifier A(string column) => addr.Column(column).InstanceId(index);
        ObjectIdentifier N(string column) => notify.Column(column).InstanceId(index);
        byte[] taddress = [127, 0, 0, 1, 0x00, 0xA2]; // RFC 3417 §2 snmpUDPAddress: 4 octets of address, 2 of port (162)

        (await s.Manager.SetAsync(s.V3(SnmpTestBed.ShaAesCredentials),
            new VarBind(A("snmpTargetAddrTDomain"), SnmpValue.ObjectIdentifier(MibNames.SnmpTarget.SnmpUdpDomain)),
            new VarBind(A("snmpTargetAddrTAddress"), SnmpValue.OctetString(taddress)),
            new VarBind(A("snmpTargetAddrParams"), SnmpValue.OctetString("eueparams")),
            new VarBind(A("snmpTargetAddrRowStatus"), SnmpValue.Integer(4)))).EnsureSuccess();
        (await s.Manager.SetAsync(s.V2c("private"),
            new VarBind(N("snmpNotifyTag"), SnmpValue.OctetString("eue")),
            new VarBind(N("snmpNotifyType"), SnmpValue.Integer(MibNames.SnmpNotification.SnmpNotifyType.Type!["inform"])),
            new VarBind(N("snmpNotifyRowStatus"), SnmpValue.Integer(4)))).EnsureSuccess();

        var row = (await s.Manager.WalkAsync(s.V2c(), addr.EntryId)).Where(v => v.Name.Arcs.EndsWith(index)).ToDictionary(v => v.Name, v => v.Value);
        row[A("snmpTargetAddrTDomain")].Should().Be(SnmpValue.ObjectIdentifier(MibNames.SnmpTarget.SnmpUdpDomain));
        row[A("snmpTargetAddrTAddress")].Bytes.ToArray().Should().Equal(taddress);
        row[A("snmpTargetAddrTimeout")].Should().Be(SnmpValue.Integer(1500), "RFC 3413's DEFVAL, in centiseconds");
        row[A("snmpTargetAddrRetryCount")].Should().Be(SnmpValue.Integer(3));
        row[A("snmpTargetAddrParams")].ToText().Should().Be("eueparams");
        row[A("snmpTargetAddrRowStatus")].Should().Be(SnmpValue.Integer(1), "createAndGo left it active");
        foreach (var (name, value) in row)
            MibNames.Lookup(name)!.Value.Object.Type!.Check(value).Should().Be(SnmpErrorStatus.NoError, $"snmpd's {MibNames.Describe(name)} fits our SYNTAX");

        var notifyRow = await s.Manager.GetAsync(s.V2c(), N("snmpNotifyTag"), N("snmpNotifyType"), N("snmpNotifyStorageType"), N("snmpNotifyRowStatus"));
        notifyRow.VarBinds.Select(v => v.Value).Should().Equal(SnmpValue.OctetString("eue"), SnmpValue.Integer(2), SnmpValue.Integer(3), SnmpValue.Integer(1));

        (await s.Manager.SetAsync(s.V2c("private"), new VarBind(A("snmpTargetAddrRowStatus"), SnmpValue.Integer(6)))).EnsureSuccess();
        (await s.Manager.GetAsync(s.V2c(), A("snmpTargetAddrParams"))).VarBinds.Single().Value.Should().Be(SnmpValue.NoSuchInstance, "destroy removed it");
    }
}
