using System.Net;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Device.Eue.Management;

/// <summary>
/// The eUE's SNMP entity (pkt-eue-4, 6.1.4; management per 6.5), on the eUE's global address (6.2.1.2: never the
/// link-local one): an agent over the eUE's MIB answering SNMPv1/v2c with the operator's communities (the Hybrid
/// flow's SNMP; the Secure flow adds SNMPv3 once Kerberos has given keys), and the notification originator of
/// eUE-15 and eUE-25. Everything runs on the fabric's actor context: the socket delivers there and the
/// requester's awaits resume there.
/// </summary>
public sealed class SnmpManagementInterface(EueMib mib, INetworkHost host, DeviceContext context, ReferenceDeviceOptions options, Random random,
    EueSetPolicy? setPolicy = null) : IEueManagementInterface
{
    readonly EueSetPolicy _policy = setPolicy ?? new EueSetPolicy();
    readonly ManagementOptions _management = options.Management;
    IDatagramSocket? _socket;
    SnmpAgent? _agent;
    EueIpConfiguration? _configuration;
    ConfigFileInstruction? _instruction;
    TaskCompletionSource<ConfigFileInstruction?>? _waiter;

    public bool Available => true;
    public event Action? ResetRequested;

    /// <summary>The agent while open (for evidence and white-box tests).</summary>
    public SnmpAgent? Agent => _agent;

    public void Open(EueIpConfiguration configuration)
    {
        Close();
        _configuration = configuration;
        _instruction = null;
        EueManagedObjects.Write(mib, options, configuration);

        var engine = new SnmpEngine(EngineId(options.Identity.EueMac.GetAddressBytes()), boots: 1, context.Clock, random: random);
        var tree = new MibTree();
        StandardObjects.Register(tree, engine, EueManagedObjects.SysDescr(options.Identity), CableLabsEue, configuration.Fqdn ?? "");
        var agentPolicy = options.Behaviour.Agent;
        foreach (var subtree in agentPolicy.Subtrees(ServedSubtrees))
        {
            var handler = tree.Register(new EueMibHandler(subtree, mib, (o, v) => _policy.Check(o, v, _configuration?.Flow), options.Ics.CreateAndWait)
            {
                Concealed = agentPolicy.ConcealsOnRead,
                Writable = agentPolicy.Writable,
            });
            handler.Committed += OnCommitted;
        }
        _agent = new SnmpAgent(engine, tree, new SnmpAgentOptions
        {
            Communities = new Dictionary<string, SnmpAccess> { [_management.ReadCommunity] = SnmpAccess.ReadOnly, [_management.WriteCommunity] = SnmpAccess.ReadWrite },
            Versions = new HashSet<SnmpVersion> { SnmpVersion.V1, SnmpVersion.V2c },
            ContinueOnCapturedContext = true,
        });
        var socket = _socket = host.OpenUdp(new IPEndPoint(configuration.Address, _management.AgentPort));
        var agent = _agent;
        socket.Received = d =>
        {
            if (agent.Handle(d.Payload.Span, d.Source) is { } reply) socket.Send(reply, d.Source);
        };
        agent.SendThrough((bytes, to, _) => { socket.Send(bytes.Span, to); return ValueTask.CompletedTask; });
        context.Log("eue", "event", $"SNMP agent on {socket.LocalEndPoint}");
    }

    /// <summary>The eUE's subtrees beside the standard ones: interfaces (ifPhysAddress), the RFC 4682 MTA MIB, and the CableLabs arc.</summary>
    static readonly ObjectIdentifier[] ServedSubtrees =
        [ObjectIdentifier.Parse("1.3.6.1.2.1.2"), ObjectIdentifier.Parse("1.3.6.1.2.1.140"), ObjectIdentifier.Parse("1.3.6.1.4.1.4491")];

    /// <summary>sysObjectID: the E-UE device MIB arc (pktcEUEDeviceMibs, CANN).</summary>
    static readonly ObjectIdentifier CableLabsEue = ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.10.1");

    /// <summary>RFC 3411 §5 SnmpEngineID: enterprise 4491 with the high bit, format 3 (MAC address), the MAC.</summary>
    static byte[] EngineId(byte[] mac) => [0x80, 0x00, 0x11, 0x8B, 0x03, .. mac];

    void OnCommitted(IReadOnlyList<ObjectIdentifier> written)
    {
        foreach (var name in written)
        {
            var obj = MibNames.Lookup(name)?.Object;
            context.Log("eue", "event", $"SNMP SET {MibNames.Describe(name)}", new Dictionary<string, string> { ["snmp.name"] = name.ToString() });
            if (obj?.Name == "pktcMtaDevResetNow" && mib.Get(name) is { Type: SnmpType.Integer } v && v.ToInt32() == 1)
                ResetRequested?.Invoke();
        }
        // eUE-19: the URL, with the hash (and the key) of the same SET.
        var file = written.FirstOrDefault(n => MibNames.Lookup(n)?.Object.Name == "pktcMtaDevConfigFile");
        if (file is null) return;
        var module = MibNames.Lookup(file)!.Value.Object.Module;
        byte[]? Read(string name) => mib.Get(MibNames.Find(module, name).InstanceId(0)) is { Type: SnmpType.OctetString } v && v.Bytes.Length > 0 ? v.Bytes.ToArray() : null;
        var instruction = new ConfigFileInstruction(mib.Get(file)!.ToText(), Read("pktcMtaDevProvConfigHash"), Read("pktcMtaDevProvConfigKey"));
        // eUE-19 comes first: the SET's Response leaves before the flow goes on to eUE-20/22 (the yield puts the rest behind it).
        if (_waiter is { } waiter) { _waiter = null; context.Spawn(async () => { await Task.Yield(); waiter.TrySetResult(instruction); }); }
        else _instruction = instruction;
    }

    public async Task<bool> SendEnrollmentAsync(IPAddress provisioningServer)
    {
        if (_agent is null) return false;
        var notification = EueNotifications.Enrollment(_management.MibVariant);
        return await InformAsync(Target(provisioningServer), notification, "eUE-15");
    }

    public async Task<ConfigFileInstruction?> WaitForConfigFileAsync(TimeSpan timeout)
    {
        if (_instruction is { } ready) { _instruction = null; return ready; }
        var waiter = _waiter = new TaskCompletionSource<ConfigFileInstruction?>();
        try { return await waiter.Task.WaitAsync(timeout, context.Clock); }
        catch (TimeoutException) { return null; }
        finally { if (ReferenceEquals(_waiter, waiter)) _waiter = null; }
    }

    public async Task<bool> SendProvisioningStatusAsync(IPAddress? provisioningServer, ProvisioningStatus status, ConfigFileOutcome? outcome)
    {
        if (_agent is null) return false;
        var notification = EueNotifications.Status(_management.MibVariant);
        // eUE-25 note: TLV 38 may name more management stations; each gets the notification its 38.3 asks for.
        foreach (var (receiver, address) in outcome?.NotificationReceivers ?? [])
            await NotifyReceiverAsync(receiver, address, notification);
        return provisioningServer is null || await InformAsync(Target(provisioningServer), notification, "eUE-25");
    }

    SnmpTarget Target(IPAddress server) => SnmpTarget.V2c(new IPEndPoint(server, _management.NotificationPort), _management.NotificationCommunity) with
    {
        Timeout = _management.InformTimeout,
        Retries = _management.InformRetries,
    };

    async Task<bool> InformAsync(SnmpTarget target, MibNotification notification, string step)
    {
        var agent = _agent!;
        var objects = EueNotifications.Objects(notification, mib, EueManagedObjects.SysDescr(options.Identity));
        try
        {
            var response = await agent.Notifications.InformAsync(target, notification.Id, objects);
            bool ok = response.Pdu.ErrorStatus == SnmpErrorStatus.NoError;
            context.Log("eue", "event", $"{step}: {notification.Name} to {target.EndPoint} {(ok ? "acknowledged" : "answered " + response.Pdu.ErrorStatus)}");
            return ok;
        }
        catch (SnmpException e)
        {
            context.Log("eue", "event", $"{step}: {notification.Name} to {target.EndPoint} failed: {e.Message}");
            return false;
        }
    }

    /// <summary>PKT-PROV1.5 TLV 38: the 38.3 type picks trap or inform and the SNMP version; 38.2, 38.4, 38.5 the port, timeout, retries.</summary>
    async Task NotifyReceiverAsync(NotificationReceiver receiver, IPAddress address, MibNotification notification)
    {
        var agent = _agent!;
        var rules = options.Behaviour.ConfigFileRules;
        var endPoint = new IPEndPoint(address, rules.ReceiverPort(receiver));
        var type = rules.ReceiverType(receiver);
        var target = type switch
        {
            NotificationReceiverType.SnmpV1Trap => SnmpTarget.V1(endPoint, _management.NotificationCommunity),
            NotificationReceiverType.SnmpV2cTrap or NotificationReceiverType.SnmpV2cInform => SnmpTarget.V2c(endPoint, _management.NotificationCommunity),
            // 38.7 names the SNMPv3 user; without keys from the Secure flow it goes noAuthNoPriv (PKT-PROV1.5 §11.1.7).
            _ => SnmpTarget.V3(endPoint, UsmCredentials.WithoutSecurity(receiver.SecurityName ?? NotificationReceiver.DefaultSecurityName)),
        };
        target = target with
        {
            Timeout = TimeSpan.FromMilliseconds(receiver.TimeoutMilliseconds ?? NotificationReceiver.DefaultTimeoutMilliseconds),
            Retries = rules.ReceiverRetries(receiver),
        };
        var objects = EueNotifications.Objects(notification, mib, EueManagedObjects.SysDescr(options.Identity));
        if (type is NotificationReceiverType.SnmpV2cInform or NotificationReceiverType.SnmpV3Inform)
        {
            await InformAsync(target, notification, "TLV 38");
            return;
        }
        await agent.Notifications.TrapAsync(target, notification.Id, objects);
        context.Log("eue", "event", $"TLV 38: {notification.Name} trap ({type}) to {endPoint}");
    }

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _agent = null;
        _configuration = null;
        if (_waiter is { } w) { _waiter = null; w.TrySetResult(null); }
    }
}
