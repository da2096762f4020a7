using System.Net;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp.Manager;

/// <summary>One notification as received: who sent it, in which version and security, its trap OID and varbinds, and the datagram.</summary>
public sealed record ReceivedNotification(IPEndPoint From, SnmpVersion Version, SnmpPdu Pdu, string? Community, string? UserName,
    UsmSecurityLevel? SecurityLevel, DateTimeOffset At, byte[] Datagram)
{
    static readonly ObjectIdentifier SnmpTrapOidInstance = MibNames.Snmpv2.SnmpTrapOID.InstanceId(0);

    public PduType Type => Pdu.Type;
    public bool IsInform => Pdu.Type == PduType.InformRequest;
    public IReadOnlyList<VarBind> VarBinds => Pdu.VarBinds;
    /// <summary>snmpTrapOID.0's value (the second varbind, RFC 3416 §4.2.6), or the RFC 3584 §3.1 translation of a v1 Trap-PDU.</summary>
    public ObjectIdentifier? TrapOid => Pdu is TrapV1Pdu v1 ? v1.SnmpTrapOid : VarBinds.FirstOrDefault(v => v.Name == SnmpTrapOidInstance)?.Value.ObjectIdentifierValue;
    /// <summary>The value of a varbind by name, or null.</summary>
    public SnmpValue? this[ObjectIdentifier name] => VarBinds.FirstOrDefault(v => v.Name == name)?.Value;

    public override string ToString() => $"{Pdu.Type.Describe()} from {From} ({Version}{(UserName is null ? $" \"{Community}\"" : $" {UserName} {SecurityLevel}")}) {MibNames.Describe(TrapOid ?? ObjectIdentifier.Parse("0.0"))}";
}

/// <summary>What the receiver accepts.</summary>
public sealed record SnmpNotificationReceiverOptions
{
    /// <summary>Communities accepted in v1/v2c notifications; others are dropped (snmpInBadCommunityNames).</summary>
    public IReadOnlySet<string> Communities { get; init; } = new HashSet<string>();
    public SnmpDecodeOptions Decode { get; init; } = SnmpDecodeOptions.Rfc3417;
}

/// <summary>
/// The Notification Receiver application (RFC 3413 §3.4): records SNMPv1 Traps, SNMPv2-Traps and
/// InformRequests, and acknowledges every valid InformRequest with a Response carrying the same
/// request-id and varbinds (RFC 3416 §4.2.7). For a v3 Inform this engine is authoritative, so it
/// also answers the sender's discovery probe with a Report (RFC 3414 §4). For v3 Traps the sender is
/// authoritative: the engine needs the sender's user localized for the sender's engine ID.
/// </summary>
public sealed class SnmpNotificationReceiver(SnmpEngine engine, SnmpNotificationReceiverOptions? options = null)
{
    readonly SnmpNotificationReceiverOptions _options = options ?? new SnmpNotificationReceiverOptions();
    readonly List<ReceivedNotification> _received = [];
    readonly HashSet<(string, int)> _informsSeen = [];
    readonly Lock _gate = new();
    readonly List<(Func<ReceivedNotification, bool> Match, TaskCompletionSource<ReceivedNotification> Done)> _waiters = [];

    public SnmpEngine Engine { get; } = engine ?? throw new ArgumentNullException(nameof(engine));
    public IReadOnlyList<ReceivedNotification> Received { get { lock (_gate) return [.. _received]; } }
    public event Action<ReceivedNotification>? NotificationReceived;

    /// <summary>Serves a transport until cancelled: notifications recorded, Informs and probes answered.</summary>
    public Task RunAsync(ISnmpTransport transport, CancellationToken cancellationToken) => SnmpServing.ServeAsync(transport, Handle, cancellationToken);

    /// <summary>The first notification (already received or still to come) that matches, within <paramref name="timeout"/> on the engine's clock.</summary>
    public Task<ReceivedNotification> WaitAsync(Func<ReceivedNotification, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<ReceivedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_received.FirstOrDefault(match) is { } already) return Task.FromResult(already);
            _waiters.Add((match, done));
        }
        return done.Task.WaitAsync(timeout, Engine.Clock, cancellationToken);
    }

    /// <summary>Processes one datagram; returns the Response (to an Inform) or Report (to a probe or a refused Inform) to send back.</summary>
    public byte[]? Handle(ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        Engine.Counters.Increment(SnmpCounter.SnmpInPkts);
        SnmpMessage message;
        try { message = SnmpMessage.Decode(datagram, _options.Decode); }
        catch (ParseError e)
        {
            Engine.Counters.Increment(e.Field == SnmpFields.Version ? SnmpCounter.SnmpInBadVersions : SnmpCounter.SnmpInASNParseErrs);
            return null;
        }

        if (message is CommunityMessage c)
        {
            if (!_options.Communities.Contains(c.CommunityText)) { Engine.Counters.Increment(SnmpCounter.SnmpInBadCommunityNames); return null; }
            if (c.Pdu.Type is not (PduType.TrapV1 or PduType.SnmpV2Trap or PduType.InformRequest)) { Engine.Counters.Increment(SnmpCounter.SnmpUnknownPDUHandlers); return null; }
            Record(new ReceivedNotification(from, c.Version, c.Pdu, c.CommunityText, null, null, Engine.Clock.GetUtcNow(), datagram.ToArray()));
            return c.Pdu is Pdu { Type: PduType.InformRequest } inform
                ? new CommunityMessage(c.Version, c.Community, Acknowledge(inform)).Encode()
                : null;
        }

        var v3 = (SnmpV3Message)message;
        var incoming = SnmpV3Processor.Receive(Engine, v3, datagram, _options.Decode);
        if (incoming is null) return null;
        if (!incoming.IsOk) return SnmpV3Processor.Report(Engine, incoming);
        var scoped = incoming.ScopedPdu!;
        if (scoped.Pdu.Type is not (PduType.SnmpV2Trap or PduType.InformRequest)) { Engine.Counters.Increment(SnmpCounter.SnmpUnknownPDUHandlers); return null; }
        Record(new ReceivedNotification(from, SnmpVersion.V3, scoped.Pdu, null, incoming.User!.Name, incoming.Level, Engine.Clock.GetUtcNow(), datagram.ToArray()));
        if (scoped.Pdu is not Pdu { Type: PduType.InformRequest } request) return null;
        // RFC 3412 §7.1: the Response goes back with the request's msgID, level and user, this engine authoritative.
        var user = incoming.User;
        return SnmpV3Processor.Encode(new SnmpV3Outgoing(v3.MessageId, Engine.MaxMessageSize, Reportable: false, incoming.Level, user.UserName,
            incoming.Level == UsmSecurityLevel.NoAuthNoPriv ? null : user, Engine.EngineId, Engine.Boots, Engine.Time,
            new ScopedPdu(scoped.ContextEngineId, scoped.ContextName, Acknowledge(request))), Engine.Salt);
    }

    /// <summary>RFC 3416 §4.2.7: the Response has the Inform's request-id, noError, and its variable-bindings.</summary>
    static Pdu Acknowledge(Pdu inform) => new(PduType.Response, inform.RequestId, SnmpErrorStatus.NoError, 0, inform.VarBinds);

    void Record(ReceivedNotification notification)
    {
        List<TaskCompletionSource<ReceivedNotification>> wake = [];
        lock (_gate)
        {
            // A retransmitted Inform (its Response was lost) is answered again but recorded once.
            if (notification.Pdu is Pdu { Type: PduType.InformRequest } p && !_informsSeen.Add((notification.From.ToString(), p.RequestId))) return;
            _received.Add(notification);
            for (int i = _waiters.Count - 1; i >= 0; i--)
                if (_waiters[i].Match(notification)) { wake.Add(_waiters[i].Done); _waiters.RemoveAt(i); }
        }
        foreach (var w in wake) w.TrySetResult(notification);
        NotificationReceived?.Invoke(notification);
    }
}
