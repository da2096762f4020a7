using System.Net;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>
/// Every kind of security parameters this USM produces, framed into SNMPv3 messages and decoded by
/// tshark with Wireshark's SNMP users table: the USM fields show the values put in, authenticated
/// messages are "SNMP Authentication OK", encrypted ones decrypt to their varbinds, and nothing is
/// malformed or warned about.
/// </summary>
public class UsmTsharkTests(ITestOutputHelper output)
{
    static readonly IPEndPoint Eue = new(IPAddress.Parse("10.0.0.2"), 49152);
    static readonly IPEndPoint ProvServer = new(IPAddress.Parse("10.0.0.1"), 162);
    static readonly IPEndPoint EueAgent = new(IPAddress.Parse("10.0.0.2"), 161);
    static readonly IPEndPoint ProvClient = new(IPAddress.Parse("10.0.0.1"), 50000);

    static string[] Users =>
    [
        "-o", $"uat:snmp_users:\"\",\"provserver\",\"SHA1\",\"{UsmTestData.AuthPassword}\",\"AES\",\"{UsmTestData.PrivPassword}\"",
        "-o", $"uat:snmp_users:\"\",\"md5des\",\"MD5\",\"{UsmTestData.AuthPassword}\",\"DES\",\"{UsmTestData.PrivPassword}\"",
        "-o", $"uat:snmp_users:\"\",\"authonly\",\"SHA1\",\"{UsmTestData.AuthPassword}\",\"DES\",\"\"",
    ];

    const string Enrollment = "1.3.6.1.4.1.4491.2.2.1.1.1.1.0"; // an illustrative CableLabs OID in the INFORM's varbinds
    const string ConfigFile = "1.3.6.1.4.1.4491.2.2.1.1.2.5.0"; // pktcMtaDevConfigFile (protocol-facts.md §5.1)

    [Fact]
    public void Tshark_decodes_every_message_kind_with_the_values_put_in()
    {
        var local = new UsmLocalEngine(UsmTestData.EngineId, 3, 86_400);
        var salt = new UsmSaltCounter(0x0102030405060708);
        var probePdu = new ScopedPdu([], [], ScopedPdu.GetRequest, 1, 0, 0, []).Encode();
        var reportPdu = new ScopedPdu(UsmTestData.EngineId, [], ScopedPdu.Report, 1, 0, 0, [(UsmStatsCounters.UnknownEngineIds.Oid, [0x41, 0x01, 0x05])]).Encode();
        var inform = new ScopedPdu(UsmTestData.EngineId, [], ScopedPdu.InformRequest, 2, 0, 0,
            [("1.3.6.1.2.1.1.3.0", [0x43, 0x02, 0x10, 0x00]), ("1.3.6.1.6.3.1.1.4.1.0", [0x06, 0x0A, 0x2B, 0x06, 0x01, 0x04, 0x01, 0xA3, 0x0B, 0x02, 0x02, 0x01]), (Enrollment, ScopedPdu.OctetString("eue-0001"))]).Encode();
        var set = new ScopedPdu(UsmTestData.EngineId, [], ScopedPdu.SetRequest, 3, 0, 0, [(ConfigFile, ScopedPdu.OctetString("tftp://[2001:db8::1]/eue.cfg"))]).Encode();
        var timeReport = new ScopedPdu(UsmTestData.EngineId, [], ScopedPdu.Report, 4, 0, 0, [(UsmStatsCounters.NotInTimeWindows.Oid, [0x41, 0x01, 0x01])]).Encode();

        byte[][] messages =
        [
            SnmpV3Frame.Encode(11, UsmSecurityLevel.NoAuthNoPriv.ToMsgFlags(true), UsmDiscovery.ProbeParameters().Encode(), probePdu, false),
            SnmpV3Frame.Encode(11, UsmSecurityLevel.NoAuthNoPriv.ToMsgFlags(false), UsmDiscovery.ReportParameters(local, UsmDiscovery.ProbeParameters()).Encode(), reportPdu, false),
            UsmTestData.SecureMessage(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, 3, 86_400, inform, salt, 12),
            UsmTestData.SecureMessage(UsmTestData.Md5DesUser, UsmSecurityLevel.AuthPriv, 3, 86_400, set, salt, 13),
            UsmTestData.SecureMessage(UsmTestData.ShaOnlyUser, UsmSecurityLevel.AuthNoPriv, 3, 86_400, timeReport, salt, 14, reportable: false),
        ];
        string pcap = Tshark.PcapOfUdp((messages[0], Eue, ProvServer), (messages[1], ProvServer, Eue), (messages[2], Eue, ProvServer),
            (messages[3], ProvClient, EueAgent), (messages[4], ProvServer, Eue));

        var rows = Tshark.Fields(pcap, Users, "snmp.msgAuthoritativeEngineID", "snmp.msgAuthoritativeEngineBoots", "snmp.msgAuthoritativeEngineTime",
            "snmp.msgUserName", "snmp.msgAuthenticationParameters", "snmp.msgPrivacyParameters", "snmp.name", "_ws.expert.message");
        output.WriteLine(string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        rows.Should().HaveCount(5);
        string engine = Convert.ToHexString(UsmTestData.EngineId).ToLowerInvariant();

        // tshark 4.0 prints a zero-length bytes field as <MISSING>.
        rows[0][..6].Should().Equal("<MISSING>", "0", "0", "", "<MISSING>", "<MISSING>");
        rows[1][..6].Should().Equal(engine, "3", "86400", "", "<MISSING>", "<MISSING>");
        rows[1][6].Should().Be(UsmStatsCounters.UnknownEngineIds.Oid);

        rows[2][..4].Should().Equal(engine, "3", "86400", "provserver");
        rows[2][4].Should().HaveLength(24);
        rows[2][5].Should().Be("0102030405060708", "the AES salt is the injected counter");
        rows[2][6].Should().Be($"1.3.6.1.2.1.1.3.0,1.3.6.1.6.3.1.1.4.1.0,{Enrollment}");
        rows[2][7].Should().Contain("SNMP Authentication OK");

        rows[3][3].Should().Be("md5des");
        rows[3][5].Should().Be("0000000305060709", "DES salt = engineBoots || the counter's low 32 bits");
        rows[3][6].Should().Be(ConfigFile);
        rows[3][7].Should().Contain("SNMP Authentication OK");

        rows[4][3].Should().Be("authonly");
        rows[4][5].Should().Be("<MISSING>");
        rows[4][6].Should().Be(UsmStatsCounters.NotInTimeWindows.Oid);
        rows[4][7].Should().Contain("SNMP Authentication OK");

        Tshark.Problems(pcap, Users).Should().BeEmpty(Tshark.Verbose(pcap, Users));
    }

    [Fact]
    public void Tshark_calls_a_tampered_message_an_authentication_error()
    {
        byte[] m = UsmTestData.SecureMessage(UsmTestData.ShaOnlyUser, UsmSecurityLevel.AuthNoPriv, 3, 100, UsmTestData.GetSysDescr(5).Encode(), new UsmSaltCounter(0));
        // Flip a bit of the request-id (a well-formed change: only the MAC can tell).
        var frame = SnmpV3Frame.Parse(m);
        m[frame.MsgDataOffset + frame.MsgDataLength - 23] ^= 0x01; // varbinds 16, error-index 3, error-status 3: the request-id value octet
        ScopedPdu.Decode(m.AsSpan(frame.MsgDataOffset, frame.MsgDataLength).ToArray()).RequestId.Should().NotBe(5);
        string pcap = Tshark.PcapOfUdp((m, ProvClient, EueAgent));
        var rows = Tshark.Fields(pcap, Users, "_ws.expert.message");
        rows[0][0].Should().Contain("SNMP Authentication Error");
    }
}
