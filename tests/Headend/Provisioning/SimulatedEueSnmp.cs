using System.Net;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Headend.Simulation;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Provisioning;

/// <summary>
/// The eUE's side of pkt-eue-4 on the simulated device host, built from the SNMP stack: an agent on UDP 161
/// whose MIB holds both MTA MIBs' pktcMtaDevConfigFile, ProvConfigHash and ProvConfigKey (recording every
/// SET it commits), and a notification originator that sends the enrollment and status INFORMs from a
/// port of its own. Everything runs on the fabric's actor context.
/// </summary>
public sealed class SimulatedEueSnmp
{
    public const string Community = "private";
    public static readonly UsmCredentials User = UsmCredentials.FromPasswords("eue", UsmAuthProtocol.HmacSha, "authpass1", UsmPrivProtocol.AesCfb128, "privpass1");

    readonly SimulatedHeadend _bed;
    readonly SnmpRequester _requester;
    readonly SnmpNotificationOriginator _originator;
    IDatagramSocket _agentSocket = null!, _informSocket = null!;

    public SimulatedEueSnmp(SimulatedHeadend bed)
    {
        _bed = bed;
        Engine = new SnmpEngine([0x80, 0x00, 0x11, 0x8B, 0x03, .. EueMac.GetAddressBytes()], 1, bed.Fabric.Clock, salt: new UsmSaltCounter(7), random: new Random(7));
        Engine.AddUser(User.ForEngine(Engine.EngineId));
        var mib = new MibTree();
        foreach (var o in new[] { MibNames.ClabMta.PktcMtaDevConfigFile, MibNames.ClabMta.PktcMtaDevProvConfigHash, MibNames.ClabMta.PktcMtaDevProvConfigKey,
                     MibNames.IetfMta.PktcMtaDevConfigFile, MibNames.IetfMta.PktcMtaDevProvConfigHash, MibNames.IetfMta.PktcMtaDevProvConfigKey })
            mib.Register(MibScalar.Variable(o, SnmpValue.OctetString(""), changed: v => Sets.Add((o.InstanceId(0), v))));
        mib.Register(MibScalar.Variable(MibNames.Snmpv2.SysDescr, SnmpValue.OctetString("simulated eUE")));
        Agent = new SnmpAgent(Engine, mib, new SnmpAgentOptions { Communities = new Dictionary<string, SnmpAccess> { [Community] = SnmpAccess.ReadWrite } });
        _requester = new SnmpRequester(Engine, (bytes, to, _) => { _informSocket.Send(bytes.Span, to); return ValueTask.CompletedTask; }, continueOnCapturedContext: true);
        _originator = new SnmpNotificationOriginator(Engine, _requester);
    }

    public SnmpEngine Engine { get; }
    public SnmpAgent Agent { get; }

    /// <summary>Every value the agent committed, in order: (instance, value).</summary>
    public List<(ObjectIdentifier Name, SnmpValue Value)> Sets { get; } = [];

    /// <summary>Opens the agent and notification sockets (call after the device host has its address).</summary>
    public Task OpenAsync(IPAddress any) => _bed.Fabric.InvokeAsync(() =>
    {
        _agentSocket = _bed.Device.OpenUdp(new IPEndPoint(any, 161));
        _agentSocket.Received = d =>
        {
            if (Agent.Handle(d.Payload.Span, d.Source) is { } reply) _agentSocket.Send(reply, d.Source);
        };
        _informSocket = _bed.Device.OpenUdp(new IPEndPoint(any, 0));
        _informSocket.Received = d => _requester.Deliver(SnmpMessage.Decode(d.Payload.Span), d.Payload.Span, d.Source);
    });

    /// <summary>The enrollment varbinds of <paramref name="mib"/> (sysDescr, software version, type, MAC, correlation ID).</summary>
    public static IReadOnlyList<VarBind> EnrollmentObjects(MtaMib mib) =>
    [
        new(MibNames.Snmpv2.SysDescr.InstanceId(0), SnmpValue.OctetString("simulated eUE")),
        new(ObjectIdentifier.Parse(mib == MtaMib.CableLabs ? MibNames.ClabMta.PktcMtaDevSwCurrentVers.Instance(0) : MibNames.IetfMta.PktcMtaDevSwCurrentVers.Instance(0)), SnmpValue.OctetString("2.0")),
        new(ObjectIdentifier.Parse(mib == MtaMib.CableLabs ? MibNames.ClabMta.PktcMtaDevTypeIdentifier.Instance(0) : MibNames.IetfMta.PktcMtaDevTypeIdentifier.Instance(0)), SnmpValue.OctetString("pktc2.0:051601")),
        new(mib.MacInstance, SnmpValue.OctetString(EueMac.GetAddressBytes())),
        new(mib.CorrelationId.InstanceId(0), SnmpValue.Integer(4242)),
    ];

    public static IReadOnlyList<VarBind> StatusObjects(MtaMib mib, int state) =>
    [
        new(mib.MacInstance, SnmpValue.OctetString(EueMac.GetAddressBytes())),
        new(mib.CorrelationId.InstanceId(0), SnmpValue.Integer(4242)),
        new(mib.ProvisioningState.InstanceId(0), SnmpValue.Integer(state)),
    ];

    /// <summary>Starts an INFORM on the actor context; the task it gives ends with the server's Response (or the requester's exception).</summary>
    public async Task<Task<SnmpResponse>> StartInformAsync(SnmpTarget target, MibNotification notification, IReadOnlyList<VarBind> objects)
    {
        Task<SnmpResponse>? sent = null;
        await _bed.Fabric.InvokeAsync(() => { sent = _originator.InformAsync(target, notification.Id, objects); });
        return sent!;
    }

    public static SnmpTarget V2c(IPAddress server) => SnmpTarget.V2c(new IPEndPoint(server, ProvisioningServer.NotificationPort), "public") with { Timeout = TimeSpan.FromSeconds(2), Retries = 3 };
    public static SnmpTarget V3(IPAddress server) => SnmpTarget.V3(new IPEndPoint(server, ProvisioningServer.NotificationPort), User) with { Timeout = TimeSpan.FromSeconds(2), Retries = 3 };
}
