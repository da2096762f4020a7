using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// The manager against our agent, in-process and on virtual time: v1/v2c/v3 requests, SNMPv3
/// discovery and time synchronisation without help, retransmissions and timeouts on the clock, and
/// Reports turned into errors that say which counter.
/// </summary>
public class ManagerTests
{
    readonly SnmpTestBed _bed = new(boots: 3);
    static readonly ObjectIdentifier SysDescr0 = MibNames.Snmpv2.SysDescr.InstanceId(0);
    static readonly ObjectIdentifier ConfigFile0 = MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0);
    static readonly ObjectIdentifier System = ObjectIdentifier.Parse("1.3.6.1.2.1.1");

    [Fact]
    public async Task A_v2c_Get_and_Set_read_and_write_the_agent()
    {
        var (manager, _) = _bed.Manager();
        await using var _ = manager;
        var get = await _bed.Run(manager.GetAsync(SnmpTestBed.V2c(), SysDescr0));
        get.VarBinds.Single().Value.ToText().Should().Be(SnmpTestBed.SysDescr);
        var set = await _bed.Run(manager.SetAsync(SnmpTestBed.V2c("private"), new VarBind(ConfigFile0, SnmpValue.OctetString("http://10.0.0.1/eue.cfg"))));
        set.EnsureSuccess().VarBinds.Single().Value.ToText().Should().Be("http://10.0.0.1/eue.cfg");
        _bed.ConfigFile.Value.ToText().Should().Be("http://10.0.0.1/eue.cfg");
    }

    [Fact]
    public async Task Walks_return_the_subtree_in_order_by_GetBulk_in_v2c_and_by_GetNext_in_v1()
    {
        var (manager, link) = _bed.Manager();
        await using var _ = manager;
        var v2 = await _bed.Run(manager.WalkAsync(SnmpTestBed.V2c() with { MaxRepetitions = 3 }, System));
        v2.Select(v => v.Name.ToString()).Should().Equal(Enumerable.Range(1, 7).Select(i => $"1.3.6.1.2.1.1.{i}.0"));
        link.Requests.Select(r => ((CommunityMessage)SnmpMessage.Decode(r)).Pdu.Type).Should().AllBeEquivalentTo(PduType.GetBulkRequest);
        link.Requests.Should().HaveCount(3, "7 objects and one past the subtree, 3 per GetBulk");

        link.Requests.Clear();
        var v1 = await _bed.Run(manager.WalkAsync(SnmpTestBed.V1(), System));
        v1.Should().Equal(v2);
        link.Requests.Select(r => ((CommunityMessage)SnmpMessage.Decode(r)).Pdu.Type).Should().AllBeEquivalentTo(PduType.GetNextRequest);
        link.Requests.Should().HaveCount(8);
    }

    [Fact]
    public async Task A_walk_of_a_scalar_instance_falls_back_to_a_Get_as_snmpwalk_does()
    {
        var (manager, _) = _bed.Manager();
        await using var _ = manager;
        (await _bed.Run(manager.WalkAsync(SnmpTestBed.V2c(), SysDescr0))).Single().Value.ToText().Should().Be(SnmpTestBed.SysDescr);
    }

    [Theory]
    [InlineData("provserver", UsmSecurityLevel.AuthPriv)]
    [InlineData("md5des", UsmSecurityLevel.AuthPriv)]
    [InlineData("authonly", UsmSecurityLevel.AuthNoPriv)]
    public async Task A_v3_request_discovers_the_engine_first_then_goes_at_the_level_asked(string user, UsmSecurityLevel level)
    {
        _bed.Clock.Advance(TimeSpan.FromSeconds(500));
        var credentials = user switch { "provserver" => SnmpTestBed.ShaAesCredentials, "md5des" => SnmpTestBed.Md5DesCredentials, _ => SnmpTestBed.ShaOnlyCredentials };
        var (manager, link) = _bed.Manager();
        await using var _ = manager;
        var response = await _bed.Run(manager.GetAsync(SnmpTestBed.V3(credentials, level), SysDescr0));
        response.VarBinds.Single().Value.ToText().Should().Be(SnmpTestBed.SysDescr);

        var sent = link.Requests.Select(r => (SnmpV3Message)SnmpMessage.Decode(r)).ToList();
        sent.Should().HaveCount(2, "a probe, then the request");
        UsmDiscovery.IsProbe(UsmSecurityParameters.Decode(sent[0].SecurityParameters)).Should().BeTrue();
        var request = UsmSecurityParameters.Decode(sent[1].SecurityParameters);
        request.AuthoritativeEngineId.Should().Equal(UsmTestData.EngineId);
        (request.AuthoritativeEngineBoots, request.AuthoritativeEngineTime).Should().Be((3, 500), "the Report's values");
        sent[1].SecurityLevel.Should().Be(level);
        sent[1].MessageId.Should().NotBe(sent[0].MessageId);
        manager.Requester.EngineIdOf(SnmpTestBed.AgentEndPoint).Should().Equal(UsmTestData.EngineId);

        await _bed.Run(manager.GetAsync(SnmpTestBed.V3(credentials, level), SysDescr0));
        link.Requests.Should().HaveCount(3, "the engine is known now: no second probe");
    }

    [Fact]
    public async Task A_stale_notion_of_the_engine_time_is_corrected_by_the_authenticated_notInTimeWindow_Report()
    {
        var (manager, link) = _bed.Manager();
        await using var _ = manager;
        await _bed.Run(manager.GetAsync(SnmpTestBed.V3(SnmpTestBed.ShaAesCredentials), SysDescr0));
        // The agent rebooted: boots 3 -> the manager still believes 2 (RFC 3414 §2.3).
        manager.Engine.LearnRemote(UsmTestData.EngineId, new UsmEngineTimeNotion(2, 10, 10));
        link.Requests.Clear();
        link.Replies.Clear();
        var response = await _bed.Run(manager.GetAsync(SnmpTestBed.V3(SnmpTestBed.ShaAesCredentials), SysDescr0));
        response.VarBinds.Single().Value.ToText().Should().Be(SnmpTestBed.SysDescr);
        link.Requests.Should().HaveCount(2);
        var report = (SnmpV3Message)SnmpMessage.Decode(link.Replies[0]);
        ((Pdu)report.ScopedPdu!.Pdu).VarBinds.Single().Name.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.NotInTimeWindows.Oid));
        UsmSecurityParameters.Decode(((SnmpV3Message)SnmpMessage.Decode(link.Requests[1])).SecurityParameters).AuthoritativeEngineBoots.Should().Be(3);
    }

    [Fact]
    public async Task Lost_requests_are_retransmitted_after_the_timeout_on_the_engine_clock()
    {
        var (manager, link) = _bed.Manager();
        await using var _ = manager;
        int dropped = 0;
        link.Drop = (_, request) => request && dropped++ < 2;
        var started = _bed.Clock.GetUtcNow();
        var response = await _bed.Run(manager.GetAsync(SnmpTestBed.V2c() with { Timeout = TimeSpan.FromSeconds(5), Retries = 2 }, SysDescr0));
        response.VarBinds.Single().Value.ToText().Should().Be(SnmpTestBed.SysDescr);
        link.Requests.Should().HaveCount(3);
        (_bed.Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(10), "two timeouts of 5 s passed on the virtual clock");
        link.Requests.Select(r => ((Pdu)((CommunityMessage)SnmpMessage.Decode(r)).Pdu).RequestId).Distinct().Should().ContainSingle("a retransmission keeps the request-id");
    }

    [Fact]
    public async Task A_v3_retransmission_is_secured_again_with_a_new_msgID()
    {
        var (manager, link) = _bed.Manager();
        await using var _ = manager;
        await _bed.Run(manager.GetAsync(SnmpTestBed.V3(SnmpTestBed.ShaAesCredentials), SysDescr0));
        link.Requests.Clear();
        link.Drop = (_, request) => request && link.Requests.Count == 1;
        await _bed.Run(manager.GetAsync(SnmpTestBed.V3(SnmpTestBed.ShaAesCredentials), SysDescr0));
        link.Requests.Select(r => ((SnmpV3Message)SnmpMessage.Decode(r)).MessageId).Should().OnlyHaveUniqueItems().And.HaveCount(2);
    }

    [Fact]
    public async Task Silence_is_a_timeout_after_every_retry()
    {
        var (manager, link) = _bed.Manager();
        await using var _ = manager;
        link.Drop = (_, _) => true;
        var started = _bed.Clock.GetUtcNow();
        var error = await FluentActions.Awaiting(() => _bed.Run(manager.GetAsync(SnmpTestBed.V2c() with { Timeout = TimeSpan.FromSeconds(3), Retries = 3 }, SysDescr0)))
            .Should().ThrowAsync<SnmpTimeoutException>();
        error.Which.Attempts.Should().Be(4);
        link.Requests.Should().HaveCount(4);
        (_bed.Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task USM_Reports_become_errors_that_name_the_counter()
    {
        var (manager, _) = _bed.Manager();
        await using var _ = manager;
        var stranger = UsmCredentials.FromLocalizedKeys("nobody", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, UsmTestData.ShaOnlyUser.AuthKey);
        (await FluentActions.Awaiting(() => _bed.Run(manager.GetAsync(SnmpTestBed.V3(stranger), SysDescr0))).Should().ThrowAsync<SnmpReportException>())
            .Which.Counter.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.UnknownUserNames.Oid));

        var wrong = UsmCredentials.FromLocalizedKeys("authonly", UsmTestData.EngineId, UsmAuthProtocol.HmacSha, new byte[20]);
        var report = (await FluentActions.Awaiting(() => _bed.Run(manager.GetAsync(SnmpTestBed.V3(wrong), SysDescr0))).Should().ThrowAsync<SnmpReportException>()).Which;
        report.Counter.Should().Be(ObjectIdentifier.Parse(UsmStatsCounters.WrongDigests.Oid));
        report.Message.Should().Contain("usmStatsWrongDigests");
    }

    [Fact]
    public async Task An_error_status_is_returned_as_is_and_EnsureSuccess_names_it()
    {
        var (manager, _) = _bed.Manager();
        await using var _ = manager;
        var response = await _bed.Run(manager.SetAsync(SnmpTestBed.V2c("private"), new VarBind(MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0), SnmpValue.Integer(1))));
        (response.ErrorStatus, response.ErrorIndex).Should().Be((SnmpErrorStatus.NotWritable, 1));
        FluentActions.Invoking(() => response.EnsureSuccess()).Should().Throw<SnmpErrorException>()
            .WithMessage("notWritable at varbind 1 (PKTC-IETF-MTA-MIB::pktcMtaDevProvisioningState.0 = INTEGER: 1)");
    }
}
