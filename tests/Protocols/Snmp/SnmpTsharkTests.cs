using System.Net;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// tshark decodes every message kind the codec writes (v1, v2c and v3; each PDU type; every SMI
/// type and the three exceptions; plaintext, authenticated and encrypted) without a malformed mark
/// or a warning, shows the values put in, and, given the USM users, calls the MACs good and
/// decrypts the encrypted PDUs.
/// </summary>
public class SnmpTsharkTests(ITestOutputHelper output)
{
    static readonly IPEndPoint Manager = new(IPAddress.Parse("10.0.0.1"), 40161);
    static readonly IPEndPoint Agent = new(IPAddress.Parse("10.0.0.2"), 161);
    static readonly IPEndPoint TrapSink = new(IPAddress.Parse("10.0.0.1"), 162);

    static string[] Users =>
    [
        "-o", $"uat:snmp_users:\"\",\"provserver\",\"SHA1\",\"{UsmTestData.AuthPassword}\",\"AES\",\"{UsmTestData.PrivPassword}\"",
        "-o", $"uat:snmp_users:\"\",\"md5des\",\"MD5\",\"{UsmTestData.AuthPassword}\",\"DES\",\"{UsmTestData.PrivPassword}\"",
        "-o", $"uat:snmp_users:\"\",\"authonly\",\"SHA1\",\"{UsmTestData.AuthPassword}\",\"DES\",\"\"",
    ];

    static readonly ObjectIdentifier SysDescr0 = MibNames.Snmpv2.SysDescr.InstanceId(0);
    static readonly ObjectIdentifier ConfigFile0 = MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0);
    /// <summary>One varbind of every SMI type and every exception (also the fuzz tests' seed values).</summary>
    internal static readonly VarBind[] AllTypes =
    [
        new("1.3.6.1.4.1.4491.99.1.0", SnmpValue.Integer(-42)),
        new("1.3.6.1.4.1.4491.99.2.0", SnmpValue.OctetString("BASIC.1")),
        new("1.3.6.1.4.1.4491.99.3.0", SnmpValue.Null()),
        new("1.3.6.1.4.1.4491.99.4.0", SnmpValue.ObjectIdentifier("1.3.6.1.2.1.140")),
        new("1.3.6.1.4.1.4491.99.5.0", SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3"))),
        new("1.3.6.1.4.1.4491.99.6.0", SnmpValue.Counter32(4000000000)),
        new("1.3.6.1.4.1.4491.99.7.0", SnmpValue.Gauge32(65535)),
        new("1.3.6.1.4.1.4491.99.8.0", SnmpValue.TimeTicks(360000)),
        new("1.3.6.1.4.1.4491.99.9.0", SnmpValue.Opaque([0x9f, 0x78, 0x04, 0x3f, 0x80, 0x00, 0x00])),
        new("1.3.6.1.4.1.4491.99.10.0", SnmpValue.Counter64(18446744073709551615)),
        new("1.3.6.1.4.1.4491.99.11.0", SnmpValue.NoSuchObject),
        new("1.3.6.1.4.1.4491.99.12.0", SnmpValue.NoSuchInstance),
        new("1.3.6.1.4.1.4491.99.13.0", SnmpValue.EndOfMibView),
    ];

    static byte[] V3(UsmUser? user, UsmSecurityLevel level, Pdu pdu, int msgId, bool reportable = true, byte[]? engineId = null, byte[]? userName = null) =>
        SnmpV3Processor.Encode(new SnmpV3Outgoing(msgId, 65507, reportable, level, userName ?? user!.UserName, user, engineId ?? UsmTestData.EngineId, 3, 86400,
            new ScopedPdu(engineId ?? UsmTestData.EngineId, [], pdu)), new UsmSaltCounter(0x0102030405060708));

    [Fact]
    public void Tshark_decodes_every_PDU_of_every_version_with_the_values_put_in()
    {
        var notification = new VarBind[] { new("1.3.6.1.2.1.1.3.0", SnmpValue.TimeTicks(500)), new("1.3.6.1.6.3.1.1.4.1.0", SnmpValue.ObjectIdentifier(MibNames.IetfMta.PktcMtaDevProvisioningEnrollment.Id)) };
        var set = new VarBind(ConfigFile0, SnmpValue.OctetString("tftp://10.0.0.1/eue.cfg"));
        var reportVarBind = new VarBind(UsmStatsCounters.UnknownEngineIds.Oid, SnmpValue.Counter32(1));
        var messages = new (string Kind, byte[] Bytes, IPEndPoint From, IPEndPoint To)[]
        {
            ("v1 get-request", new CommunityMessage(SnmpVersion.V1, "public", Pdu.Request(PduType.GetRequest, 1, SysDescr0)).Encode(), Manager, Agent),
            ("v1 get-next-request", new CommunityMessage(SnmpVersion.V1, "public", Pdu.Request(PduType.GetNextRequest, 2, SysDescr0)).Encode(), Manager, Agent),
            ("v1 set-request", new CommunityMessage(SnmpVersion.V1, "private", new Pdu(PduType.SetRequest, 3, SnmpErrorStatus.NoError, 0, [set])).Encode(), Manager, Agent),
            ("v1 get-response", new CommunityMessage(SnmpVersion.V1, "private", new Pdu(PduType.Response, 3, SnmpErrorStatus.BadValue, 1, [set])).Encode(), Agent, Manager),
            ("v1 trap", new CommunityMessage(SnmpVersion.V1, "public", new TrapV1Pdu(ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.1"), IPAddress.Parse("10.0.0.2"), GenericTrap.EnterpriseSpecific, 1, 12345, [])).Encode(), Agent, TrapSink),
            ("v2c get-request", new CommunityMessage(SnmpVersion.V2c, "public", Pdu.Request(PduType.GetRequest, 4, SysDescr0)).Encode(), Manager, Agent),
            ("v2c getBulkRequest", new CommunityMessage(SnmpVersion.V2c, "public", Pdu.GetBulk(5, 1, 10, [new(SysDescr0, SnmpValue.Null())])).Encode(), Manager, Agent),
            ("v2c get-response", new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.Response, 5, SnmpErrorStatus.NoError, 0, AllTypes)).Encode(), Agent, Manager),
            ("v2c snmpV2-trap", new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.SnmpV2Trap, 6, SnmpErrorStatus.NoError, 0, notification)).Encode(), Agent, TrapSink),
            ("v2c informRequest", new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.InformRequest, 7, SnmpErrorStatus.NoError, 0, notification)).Encode(), Agent, TrapSink),
            ("v3 probe", V3(null, UsmSecurityLevel.NoAuthNoPriv, new Pdu(PduType.GetRequest, 8, SnmpErrorStatus.NoError, 0, []), 100, engineId: [], userName: []), Manager, Agent),
            ("v3 report", V3(null, UsmSecurityLevel.NoAuthNoPriv, new Pdu(PduType.Report, 8, SnmpErrorStatus.NoError, 0, [reportVarBind]), 100, reportable: false, userName: []), Agent, Manager),
            ("v3 authNoPriv get-request", V3(UsmTestData.ShaOnlyUser, UsmSecurityLevel.AuthNoPriv, Pdu.Request(PduType.GetRequest, 9, SysDescr0), 101), Manager, Agent),
            ("v3 authPriv set-request (MD5/DES)", V3(UsmTestData.Md5DesUser, UsmSecurityLevel.AuthPriv, new Pdu(PduType.SetRequest, 10, SnmpErrorStatus.NoError, 0, [set]), 102), Manager, Agent),
            ("v3 authPriv get-response (SHA/AES)", V3(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, new Pdu(PduType.Response, 11, SnmpErrorStatus.NoError, 0, AllTypes), 103, reportable: false), Agent, Manager),
            ("v3 authPriv informRequest", V3(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, new Pdu(PduType.InformRequest, 12, SnmpErrorStatus.NoError, 0, notification), 104), Agent, TrapSink),
            ("v3 authPriv snmpV2-trap", V3(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, new Pdu(PduType.SnmpV2Trap, 13, SnmpErrorStatus.NoError, 0, notification), 105, reportable: false), Agent, TrapSink),
            ("v3 authPriv getBulkRequest", V3(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, Pdu.GetBulk(14, 0, 25, [new(SysDescr0, SnmpValue.Null())]), 106), Manager, Agent),
        };
        string pcap = Tshark.PcapOfUdp([.. messages.Select(m => (m.Bytes, m.From, m.To))]);
        var rows = Tshark.Fields(pcap, Users, "snmp.version", "snmp.msgVersion", "snmp.community", "snmp.data", "snmp.request_id", "snmp.name",
            "snmp.value.int", "snmp.value.octets", "snmp.value.oid", "snmp.value.ipv4", "snmp.value.counter", "snmp.value.timeticks", "snmp.value.opaque",
            "snmp.noSuchObject", "snmp.noSuchInstance", "snmp.endOfMibView", "snmp.non_repeaters", "snmp.max_repetitions", "snmp.enterprise", "snmp.generic_trap",
            "snmp.specific_trap", "snmp.time_stamp", "snmp.msgUserName", "_ws.expert.message", "snmp.error_status", "snmp.value.g32", "snmp.value.u32");
        for (int i = 0; i < rows.Count; i++) output.WriteLine($"{messages[i].Kind}: {string.Join(" | ", rows[i])}");
        rows.Should().HaveCount(messages.Length);
        Tshark.Problems(pcap, Users).Should().BeEmpty(Tshark.Verbose(pcap, Users));

        string Col(int row, int column) => rows[row][column];
        // version / msgVersion and community
        Col(0, 0).Should().Be("0"); Col(0, 2).Should().Be("public");
        Col(5, 0).Should().Be("1");
        Col(10, 1).Should().Be("3");
        // The PDU choice (snmp.data: 0 get-request .. 8 report) and request-ids.
        messages.Select((m, i) => Col(i, 3)).Should().Equal("0", "1", "3", "2", "4", "0", "5", "2", "7", "6", "0", "8", "0", "3", "2", "6", "7", "5");
        Col(4, 4).Should().BeEmpty("a v1 trap has no request-id");
        Col(5, 4).Should().Be("4");
        // Names and every value type of the Response, in plaintext (v2c) and decrypted (v3 AES).
        foreach (int row in new[] { 7, 14 })
        {
            Col(row, 5).Split(',').Should().Equal(AllTypes.Select(v => v.Oid));
            Col(row, 6).Should().Be("-42");
            Col(row, 7).Split(',')[0].Should().Be(Convert.ToHexString("BASIC.1"u8).ToLowerInvariant());
            Col(row, 8).Should().Be("1.3.6.1.2.1.140");
            Col(row, 9).Should().Be("10.1.2.3");
            Col(row, 10).Should().Be("4000000000,18446744073709551615", "Counter32 and Counter64");
            Col(row, 11).Should().Be("360000");
            (Col(row, 25) + Col(row, 26)).Should().Be("65535", "Gauge32/Unsigned32");
            (Col(row, 13), Col(row, 14), Col(row, 15)).Should().NotBe(("", "", ""));
        }
        Col(1, 5).Should().Be(SysDescr0.ToString());
        Col(2, 7).Should().Be(Convert.ToHexString("tftp://10.0.0.1/eue.cfg"u8).ToLowerInvariant());
        Col(3, 24).Should().Be("3", "badValue");
        (Col(6, 16), Col(6, 17)).Should().Be(("1", "10"));
        (Col(4, 18), Col(4, 19), Col(4, 20), Col(4, 21)).Should().Be(("1.3.6.1.4.1.4491.2.2.1", "6", "1", "12345"));
        Col(8, 8).Should().Be(MibNames.IetfMta.PktcMtaDevProvisioningEnrollment.Oid);
        Col(11, 5).Should().Be(UsmStatsCounters.UnknownEngineIds.Oid);
        // v3: users, MACs checked, encrypted PDUs decrypted.
        (Col(12, 22), Col(13, 22), Col(14, 22)).Should().Be(("authonly", "md5des", "provserver"));
        foreach (int row in new[] { 12, 13, 14, 15, 16, 17 }) Col(row, 23).Should().Contain("SNMP Authentication OK", messages[row].Kind);
        Col(13, 5).Should().Be(ConfigFile0.ToString(), "tshark decrypted our DES");
        Col(15, 8).Should().Be(MibNames.IetfMta.PktcMtaDevProvisioningEnrollment.Oid, "tshark decrypted our AES inform");
        (Col(17, 16), Col(17, 17)).Should().Be(("0", "25"));
    }
}
