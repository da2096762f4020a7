using System.Net;
using System.Threading.Channels;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Manager;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// The agent's notification originator and the notification receiver: traps in v1, v2c and v3 are
/// recorded with their trap OID and varbinds; informs in v2c and v3 are acknowledged with the same
/// request-id and varbinds (RFC 3416 §4.2.7), the v3 receiver being the authoritative engine that
/// the originator discovers first (RFC 3414 §4); a lost inform is sent again and recorded once.
/// </summary>
public class NotificationTests : IAsyncLifetime
{
    static readonly byte[] ReceiverEngineId = Convert.FromHexString("80001F8880B1B2B3B4B5B6B7B8");
    static readonly IPEndPoint ReceiverEndPoint = new(IPAddress.Parse("10.0.0.1"), 162);
    static readonly MibNotification Enrollment = MibNames.IetfMta.PktcMtaDevProvisioningEnrollment;

    readonly SnmpTestBed _bed = new();
    readonly SnmpNotificationReceiver _receiver;
    readonly NotificationLink _link;
    readonly CancellationTokenSource _stop = new();
    Task _agentRunning = Task.CompletedTask;

    public NotificationTests()
    {
        var engine = new SnmpEngine(ReceiverEngineId, 7, _bed.Clock,
            [SnmpTestBed.ShaAesCredentials.ForEngine(ReceiverEngineId), SnmpTestBed.ShaAesCredentials.ForEngine(UsmTestData.EngineId)]);
        _receiver = new SnmpNotificationReceiver(engine, new SnmpNotificationReceiverOptions { Communities = new HashSet<string> { "public" } });
        _link = new NotificationLink(_bed.Agent, _receiver);
    }

    public Task InitializeAsync()
    {
        _agentRunning = _bed.Agent.RunAsync(_link, _stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _agentRunning;
    }

    static readonly VarBind[] Objects =
    [
        new(MibNames.Snmpv2.SysDescr.InstanceId(0), SnmpValue.OctetString(SnmpTestBed.SysDescr)),
        new(MibNames.IetfMta.PktcMtaDevCorrelationId.InstanceId(0), SnmpValue.Gauge32(4711)),
    ];

    static SnmpTarget V2c(string community = "public") => SnmpTarget.V2c(ReceiverEndPoint, community) with { Timeout = TimeSpan.FromSeconds(2), Retries = 2 };
    static SnmpTarget V3 => SnmpTarget.V3(ReceiverEndPoint, SnmpTestBed.ShaAesCredentials) with { Timeout = TimeSpan.FromSeconds(2), Retries = 2 };

    void ShouldCarryTheEnrollment(ReceivedNotification n)
    {
        n.TrapOid.Should().Be(Enrollment.Id);
        n.VarBinds.Should().HaveCount(4);
        n.VarBinds[0].Name.Should().Be(MibNames.Snmpv2.SysUpTime.InstanceId(0));
        n.VarBinds[0].Value.Type.Should().Be(SnmpType.TimeTicks);
        n.VarBinds.Skip(2).Should().Equal(Objects);
    }

    [Fact]
    public async Task A_v2c_Inform_is_acknowledged_with_its_own_request_id_and_varbinds()
    {
        var response = await _bed.Run(_bed.Agent.Notifications.InformAsync(V2c(), Enrollment.Id, Objects));
        var sent = (Pdu)((CommunityMessage)SnmpMessage.Decode(_link.Sent.Single())).Pdu;
        (response.Pdu.Type, response.Pdu.RequestId, response.ErrorStatus).Should().Be((PduType.Response, sent.RequestId, SnmpErrorStatus.NoError));
        response.VarBinds.Should().Equal(sent.VarBinds);
        var received = _receiver.Received.Should().ContainSingle().Subject;
        (received.Version, received.IsInform, received.Community).Should().Be((SnmpVersion.V2c, true, "public"));
        ShouldCarryTheEnrollment(received);
    }

    [Fact]
    public async Task A_v3_authPriv_Inform_discovers_the_receiver_engine_and_is_acknowledged_authentically()
    {
        var response = await _bed.Run(_bed.Agent.Notifications.InformAsync(V3, Enrollment.Id, Objects));
        response.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        var sent = _link.Sent.Select(s => (SnmpV3Message)SnmpMessage.Decode(s)).ToList();
        sent.Should().HaveCount(2);
        UsmDiscovery.IsProbe(UsmSecurityParameters.Decode(sent[0].SecurityParameters)).Should().BeTrue();
        var inform = UsmSecurityParameters.Decode(sent[1].SecurityParameters);
        inform.AuthoritativeEngineId.Should().Equal(ReceiverEngineId, "for an Inform the receiver is authoritative (RFC 3414 §3.1)");
        inform.AuthoritativeEngineBoots.Should().Be(7);
        sent[1].SecurityLevel.Should().Be(UsmSecurityLevel.AuthPriv);
        var received = _receiver.Received.Should().ContainSingle().Subject;
        (received.Version, received.UserName, received.SecurityLevel).Should().Be((SnmpVersion.V3, "provserver", UsmSecurityLevel.AuthPriv));
        ShouldCarryTheEnrollment(received);
    }

    [Fact]
    public async Task Traps_in_every_version_are_recorded_and_get_no_answer()
    {
        await _bed.Agent.Notifications.TrapAsync(V2c(), Enrollment.Id, Objects);
        // For a v3 Trap the sender is authoritative: the receiver holds the user localized for the agent's engine.
        await _bed.Agent.Notifications.TrapAsync(V3 with { SecurityLevel = UsmSecurityLevel.AuthPriv }, Enrollment.Id, Objects);
        await _bed.Agent.Notifications.TrapAsync(SnmpTarget.V1(ReceiverEndPoint, "public"), MibNames.IetfMta.PktcMtaDevProvisioningStatus.Id, Objects);

        _link.Replies.Should().BeEmpty();
        var received = _receiver.Received;
        received.Select(r => (r.Version, r.Type)).Should().Equal((SnmpVersion.V2c, PduType.SnmpV2Trap), (SnmpVersion.V3, PduType.SnmpV2Trap), (SnmpVersion.V1, PduType.TrapV1));
        ShouldCarryTheEnrollment(received[0]);
        ShouldCarryTheEnrollment(received[1]);
        UsmSecurityParameters.Decode(((SnmpV3Message)SnmpMessage.Decode(_link.Sent[1])).SecurityParameters).AuthoritativeEngineId
            .Should().Equal(UsmTestData.EngineId, "a Trap's authoritative engine is its sender");
        var v1 = (TrapV1Pdu)received[2].Pdu;
        (v1.Enterprise, v1.GenericTrap, v1.SpecificTrap).Should().Be((ObjectIdentifier.Parse("1.3.6.1.2.1.140"), GenericTrap.EnterpriseSpecific, 2));
        received[2].TrapOid.Should().Be(MibNames.IetfMta.PktcMtaDevProvisioningStatus.Id, "RFC 3584 §3.2 there and §3.1 back");
    }

    [Fact]
    public async Task A_lost_Inform_is_sent_again_after_the_timeout_and_recorded_once()
    {
        _link.Drop = bytes => _link.Sent.Count == 1;
        var started = _bed.Clock.GetUtcNow();
        var response = await _bed.Run(_bed.Agent.Notifications.InformAsync(V2c(), Enrollment.Id, Objects));
        response.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _link.Sent.Should().HaveCount(2);
        (_bed.Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(2));
        _receiver.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task A_lost_acknowledgement_makes_the_receiver_answer_the_retransmission_but_record_it_once()
    {
        _link.DropReplies = reply => _link.Replies.Count == 1;
        var response = await _bed.Run(_bed.Agent.Notifications.InformAsync(V2c(), Enrollment.Id, Objects));
        response.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _link.Sent.Should().HaveCount(2);
        _link.Replies.Should().HaveCount(2);
        _receiver.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task An_Inform_with_a_community_the_receiver_does_not_accept_times_out()
    {
        await FluentActions.Awaiting(() => _bed.Run(_bed.Agent.Notifications.InformAsync(V2c("wrong"), Enrollment.Id, Objects)))
            .Should().ThrowAsync<SnmpTimeoutException>();
        _link.Sent.Should().HaveCount(3);
        _receiver.Engine.Counters[SnmpCounter.SnmpInBadCommunityNames].Should().Be(3);
        _receiver.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Waiting_for_a_notification_returns_it_when_it_arrives()
    {
        var waiting = _receiver.WaitAsync(n => n.TrapOid == Enrollment.Id, TimeSpan.FromSeconds(30));
        waiting.IsCompleted.Should().BeFalse();
        await _bed.Agent.Notifications.TrapAsync(V2c(), Enrollment.Id, Objects);
        (await waiting).Type.Should().Be(PduType.SnmpV2Trap);
    }

    /// <summary>The agent's transport: each datagram goes straight to the receiver, and its answer straight back into the agent.</summary>
    sealed class NotificationLink(EUeConformance.Protocols.Snmp.Agent.SnmpAgent agent, SnmpNotificationReceiver receiver) : ISnmpTransport
    {
        readonly Channel<SnmpDatagram> _never = Channel.CreateUnbounded<SnmpDatagram>();
        public IPEndPoint LocalEndPoint => SnmpTestBed.AgentEndPoint;
        public ChannelReader<SnmpDatagram> Received => _never.Reader;
        public List<byte[]> Sent { get; } = [];
        public List<byte[]> Replies { get; } = [];
        public Func<byte[], bool>? Drop { get; set; }
        public Func<byte[], bool>? DropReplies { get; set; }

        public ValueTask SendAsync(ReadOnlyMemory<byte> payload, IPEndPoint remote, CancellationToken cancellationToken = default)
        {
            byte[] bytes = payload.ToArray();
            Sent.Add(bytes);
            if (Drop?.Invoke(bytes) == true) return ValueTask.CompletedTask;
            if (receiver.Handle(bytes, LocalEndPoint) is { } reply)
            {
                Replies.Add(reply);
                if (DropReplies?.Invoke(reply) != true) agent.Handle(reply, remote).Should().BeNull("an answer to our own Inform is not answered");
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() { _never.Writer.TryComplete(); return ValueTask.CompletedTask; }
    }
}
