using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// The agent as the authoritative SNMPv3 engine: discovery (RFC 3414 §4), a Report for each USM
/// failure (RFC 3414 §3.2, RFC 3412 §7.2 step 6) with the right counter, level and engine values,
/// and an authPriv Response that decrypts to the values asked for.
/// </summary>
public class V3AgentTests
{
    readonly SnmpTestBed _bed = new(boots: 3);
    static readonly ObjectIdentifier SysDescr0 = MibNames.Snmpv2.SysDescr.InstanceId(0);
    const int MessageId = 31337;

    public V3AgentTests() => _bed.Clock.Advance(TimeSpan.FromSeconds(1234));

    byte[] Request(UsmSecurityLevel level, string userName, UsmUser? user, int boots, int time, byte[]? engineId = null, bool reportable = true, int requestId = 77)
    {
        var scoped = new ScopedPdu(engineId ?? UsmTestData.EngineId, [], Pdu.Request(PduType.GetRequest, requestId, SysDescr0));
        return SnmpV3Processor.Encode(new SnmpV3Outgoing(MessageId, 65507, reportable, level, System.Text.Encoding.UTF8.GetBytes(userName), user,
            engineId ?? UsmTestData.EngineId, boots, time, scoped), new UsmSaltCounter(5));
    }

    (SnmpV3Message Message, UsmSecurityParameters Usm, Pdu Pdu) Report(byte[] request)
    {
        byte[]? reply = _bed.Agent.Handle(request, SnmpTestBed.ManagerEndPoint);
        reply.Should().NotBeNull("a reportable message the USM refuses gets a Report");
        var message = (SnmpV3Message)SnmpMessage.Decode(reply!);
        message.MessageId.Should().Be(MessageId, "RFC 3412 §7.1: the Report carries the request's msgID");
        message.IsReportable.Should().BeFalse();
        var pdu = (Pdu)message.ScopedPdu!.Pdu;
        pdu.Type.Should().Be(PduType.Report);
        return (message, UsmSecurityParameters.Decode(message.SecurityParameters), pdu);
    }

    [Fact]
    public void A_discovery_probe_gets_a_Report_of_usmStatsUnknownEngineIDs_naming_the_engine_its_boots_and_time()
    {
        var (message, usm, pdu) = Report(Request(UsmSecurityLevel.NoAuthNoPriv, "", null, 0, 0, engineId: []));
        message.SecurityLevel.Should().Be(UsmSecurityLevel.NoAuthNoPriv);
        usm.AuthoritativeEngineId.Should().Equal(UsmTestData.EngineId);
        (usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime).Should().Be((3, 1234));
        pdu.RequestId.Should().Be(77);
        pdu.VarBinds.Single().Should().Be(new VarBind(UsmStatsCounters.UnknownEngineIds.Oid, SnmpValue.Counter32(1)));
        message.ScopedPdu!.ContextEngineId.Should().Equal(UsmTestData.EngineId);
        _bed.Engine.Counters[SnmpCounter.UsmStatsUnknownEngineIDs].Should().Be(1);
    }

    [Fact]
    public void An_unknown_user_is_reported_with_usmStatsUnknownUserNames()
    {
        var stranger = UsmUser.FromLocalizedKeys("nobody", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaOnlyUser.AuthKey);
        var (message, usm, pdu) = Report(Request(UsmSecurityLevel.AuthNoPriv, "nobody", stranger, 3, 1234));
        message.SecurityLevel.Should().Be(UsmSecurityLevel.NoAuthNoPriv);
        usm.UserNameText.Should().Be("nobody");
        pdu.VarBinds.Single().Name.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.UnknownUserNames.Oid));
    }

    [Fact]
    public void A_wrong_key_is_reported_with_usmStatsWrongDigests()
    {
        var impostor = UsmUser.FromPasswords("authonly", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, "not-the-password");
        var (_, _, pdu) = Report(Request(UsmSecurityLevel.AuthNoPriv, "authonly", impostor, 3, 1234));
        pdu.VarBinds.Single().Should().Be(new VarBind(UsmStatsCounters.WrongDigests.Oid, SnmpValue.Counter32(1)));
    }

    [Fact]
    public void A_message_outside_the_time_window_gets_an_authenticated_Report_with_the_engine_boots_and_time()
    {
        var user = UsmTestData.ShaOnlyUser;
        var (message, usm, pdu) = Report(Request(UsmSecurityLevel.AuthNoPriv, "authonly", user, 3, 1234 + 151));
        pdu.VarBinds.Single().Name.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.NotInTimeWindows.Oid));
        message.SecurityLevel.Should().Be(UsmSecurityLevel.AuthNoPriv, "RFC 3414 §3.2 step 7a: reported at authNoPriv");
        (usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime).Should().Be((3, 1234));
        var reply = _bed.Agent.Handle(Request(UsmSecurityLevel.AuthNoPriv, "authonly", user, 2, 1234), SnmpTestBed.ManagerEndPoint)!;
        var parsed = (SnmpV3Message)SnmpMessage.Decode(reply);
        var parameters = UsmSecurityParameters.Decode(reply.AsSpan(parsed.Layout.SecurityParametersOffset, parsed.Layout.SecurityParametersLength),
            parsed.Layout.SecurityParametersOffset, out int authOffset);
        user.Verify(reply, authOffset).Should().BeTrue("the Report's MAC is the user's");
        parameters.AuthenticationParameters.Should().HaveCount(12);
        var inside = (SnmpV3Message)SnmpMessage.Decode(_bed.Agent.Handle(Request(UsmSecurityLevel.AuthNoPriv, "authonly", user, 3, 1234 + 150), SnmpTestBed.ManagerEndPoint)!);
        inside.ScopedPdu!.Pdu.Type.Should().Be(PduType.Response, "±150 s is inside the window");
    }

    [Fact]
    public void A_level_the_user_does_not_have_is_reported_with_usmStatsUnsupportedSecLevels()
    {
        // authonly has no privacy key; ShaAes's keys stand in so that the message can be built at all.
        var asked = UsmUser.FromLocalizedKeys("authonly", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaAesUser.AuthKey, UsmPrivProtocol.AesCfb128, UsmTestData.ShaAesUser.PrivKey);
        var (_, _, pdu) = Report(Request(UsmSecurityLevel.AuthPriv, "authonly", asked, 3, 1234));
        pdu.VarBinds.Single().Name.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.UnsupportedSecLevels.Oid));
    }

    [Fact]
    public void A_refused_message_that_is_not_reportable_gets_nothing()
    {
        var impostor = UsmUser.FromPasswords("authonly", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, "not-the-password");
        _bed.Agent.Handle(Request(UsmSecurityLevel.AuthNoPriv, "authonly", impostor, 3, 1234, reportable: false), SnmpTestBed.ManagerEndPoint).Should().BeNull();
        _bed.Engine.Counters[SnmpCounter.UsmStatsWrongDigests].Should().Be(1, "it is counted all the same");
    }

    [Theory]
    [InlineData("provserver")]
    [InlineData("md5des")]
    public void An_authPriv_Get_gets_an_authPriv_Response_that_decrypts_to_the_value(string userName)
    {
        var user = _bed.Engine.Users.Find(UsmTestData.EngineId, System.Text.Encoding.UTF8.GetBytes(userName))!;
        byte[] reply = _bed.Agent.Handle(Request(UsmSecurityLevel.AuthPriv, userName, user, 3, 1234), SnmpTestBed.ManagerEndPoint)!;
        var message = (SnmpV3Message)SnmpMessage.Decode(reply);
        (message.MessageId, message.SecurityLevel, message.EncryptedPdu is not null).Should().Be((MessageId, UsmSecurityLevel.AuthPriv, true));

        var manager = new SnmpEngine(UsmTestData.OtherEngineId, 1, _bed.Clock, [user]);
        var incoming = SnmpV3Processor.Receive(manager, message, reply, SnmpDecodeOptions.Strict)!;
        incoming.Status.Should().Be(UsmStatus.Ok);
        var pdu = (Pdu)incoming.ScopedPdu!.Pdu;
        (pdu.Type, pdu.RequestId, pdu.ErrorStatus).Should().Be((PduType.Response, 77, SnmpErrorStatus.NoError));
        pdu.VarBinds.Single().Should().Be(new VarBind(SysDescr0, SnmpValue.OctetString(SnmpTestBed.SysDescr)));
        manager.RemoteTime(UsmTestData.EngineId)!.Value.Boots.Should().Be(3, "RFC 3414 §3.2 step 7b: the authentic Response taught the engine's boots");
    }

    [Fact]
    public void Below_the_agent_minimum_level_a_request_gets_authorizationError()
    {
        var bed = new SnmpTestBed(options: new SnmpAgentOptions { MinimumSecurityLevel = UsmSecurityLevel.AuthNoPriv });
        var noAuth = UsmTestData.NoAuthUser;
        byte[] reply = bed.Agent.Handle(Request(UsmSecurityLevel.NoAuthNoPriv, noAuth.Name, null, 3, 0), SnmpTestBed.ManagerEndPoint)!;
        var pdu = (Pdu)((SnmpV3Message)SnmpMessage.Decode(reply)).ScopedPdu!.Pdu;
        pdu.ErrorStatus.Should().Be(SnmpErrorStatus.AuthorizationError);
    }
}
