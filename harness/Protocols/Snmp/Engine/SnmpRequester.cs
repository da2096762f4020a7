using System.Collections.Concurrent;
using System.Net;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>
/// The confirmed-class half of the Command Generator and Notification Originator applications
/// (RFC 3413 §3.1, §3.3): sends a request or an InformRequest to a target and waits for the
/// matching Response, retransmitting on the engine's clock. For SNMPv3 it is the non-authoritative
/// side: it discovers the authoritative snmpEngineID with an empty probe (RFC 3414 §4), localizes
/// the user's keys for it, adopts the boots and time the Report gives, re-synchronises once on an
/// authenticated notInTimeWindow Report, and uses a fresh msgID for every message (RFC 3412 §6.2).
/// Transport-agnostic: the owner passes a send function, and feeds arriving datagrams to
/// <see cref="Deliver"/>.
/// </summary>
public sealed class SnmpRequester
{
    public delegate ValueTask SendFunc(ReadOnlyMemory<byte> datagram, IPEndPoint to, CancellationToken cancellationToken);

    readonly SnmpEngine _engine;
    readonly SendFunc _send;
    readonly SnmpDecodeOptions _options;
    readonly ConcurrentDictionary<int, Pending> _byMessageId = new();
    readonly ConcurrentDictionary<int, Pending> _byRequestId = new();
    readonly ConcurrentDictionary<string, byte[]> _engineIds = new(StringComparer.Ordinal);
    readonly bool _onContext;

    /// <param name="continueOnCapturedContext">
    /// Resume every await on the caller's SynchronizationContext instead of the thread pool: for
    /// callers that live on a single-threaded actor context (a fabric's, where sends and timers must
    /// stay on that context, and the simulation sees nothing the thread pool does).
    /// </param>
    public SnmpRequester(SnmpEngine engine, SendFunc send, SnmpDecodeOptions? options = null, bool continueOnCapturedContext = false)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _options = options ?? SnmpDecodeOptions.Rfc3417;
        _onContext = continueOnCapturedContext;
    }

    public SnmpEngine Engine => _engine;

    /// <summary>Every datagram sent or received through this requester.</summary>
    public event Action<SnmpTrace>? Traced;

    /// <summary>The snmpEngineID discovered at <paramref name="endPoint"/>, if any.</summary>
    public byte[]? EngineIdOf(IPEndPoint endPoint) => _engineIds.GetValueOrDefault(endPoint.ToString());

    /// <summary>Is this message an answer to one of our outstanding requests?</summary>
    public bool Owns(SnmpMessage message) => message switch
    {
        SnmpV3Message v3 => _byMessageId.ContainsKey(v3.MessageId),
        CommunityMessage { Pdu: Pdu { Type: PduType.Response } p } => _byRequestId.ContainsKey(p.RequestId),
        _ => false,
    };

    // ------------------------------------------------------------ sending

    /// <summary>
    /// Sends <paramref name="pdu"/> (a request or InformRequest; its request-id is replaced by a fresh
    /// one) and returns the Response. Throws <see cref="SnmpTimeoutException"/> after the target's
    /// retries, <see cref="SnmpReportException"/> when the peer reports a USM error.
    /// </summary>
    public async Task<SnmpResponse> RequestAsync(SnmpTarget target, Pdu pdu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!pdu.Type.IsConfirmed()) throw new ArgumentException($"{pdu.Type.Describe()} is not confirmed: nothing answers it", nameof(pdu));
        pdu = pdu.WithRequestId(_engine.NextRequestId());
        return target.Version == SnmpVersion.V3
            ? await RequestV3Async(target, pdu, cancellationToken).ConfigureAwait(_onContext)
            : await RequestCommunityAsync(target, pdu, cancellationToken).ConfigureAwait(_onContext);
    }

    /// <summary>Sends an unconfirmed message (a Trap) as is.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint to, CancellationToken cancellationToken = default)
    {
        Traced?.Invoke(new SnmpTrace(true, to, datagram));
        return _send(datagram, to, cancellationToken);
    }

    async Task<SnmpResponse> RequestCommunityAsync(SnmpTarget target, Pdu pdu, CancellationToken ct)
    {
        byte[] bytes = new CommunityMessage(target.Version, target.Community, pdu).Encode();
        var pending = new Pending(pdu.RequestId, UsmSecurityLevel.NoAuthNoPriv, _onContext, target.Community);
        _byRequestId[pdu.RequestId] = pending;
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                await SendAsync(bytes, target.EndPoint, ct).ConfigureAwait(_onContext);
                if (await WaitAsync(pending, target, ct).ConfigureAwait(_onContext) is ResponseAnswer r) return r.Response;
                if (attempt > target.Retries) throw new SnmpTimeoutException(target, attempt);
            }
        }
        finally { _byRequestId.TryRemove(pdu.RequestId, out _); }
    }

    async Task<SnmpResponse> RequestV3Async(SnmpTarget target, Pdu pdu, CancellationToken ct)
    {
        var credentials = target.Credentials ?? throw new ArgumentException($"{target} has no USM credentials", nameof(target));
        string key = target.EndPoint.ToString();
        int attempts = 0;
        bool resynchronised = false, rediscovered = false;
        while (true)
        {
            // RFC 3414 §4: learn the authoritative snmpEngineID first (keys already localized name it).
            if (!_engineIds.TryGetValue(key, out var engineId))
            {
                engineId = credentials.BoundEngineId is { } bound && !rediscovered ? bound : await DiscoverAsync(target, ct).ConfigureAwait(_onContext);
                _engineIds[key] = engineId;
            }
            var user = credentials.ForEngine(engineId);
            if (_engine.Users.Find(engineId, user.UserName) is null) _engine.AddUser(user);
            var notion = _engine.RemoteTime(engineId) ?? UsmEngineTimeNotion.Unknown;

            int messageId = _engine.NextMessageId();
            // RFC 3413 §3.1.1 / §3.2: a request addresses the agent's context; a notification comes from this engine's.
            var scoped = new ScopedPdu(pdu.Type == PduType.InformRequest ? _engine.EngineId : engineId, target.ContextNameBytes, pdu);
            byte[] bytes = SnmpV3Processor.Encode(new SnmpV3Outgoing(messageId, _engine.MaxMessageSize, Reportable: true, target.SecurityLevel,
                user.UserName, target.SecurityLevel == UsmSecurityLevel.NoAuthNoPriv ? null : user, engineId, notion.Boots, notion.Time, scoped), _engine.Salt);
            var pending = new Pending(pdu.RequestId, target.SecurityLevel, _onContext);
            _byMessageId[messageId] = pending;
            Answer? answer;
            try
            {
                attempts++;
                await SendAsync(bytes, target.EndPoint, ct).ConfigureAwait(_onContext);
                answer = await WaitAsync(pending, target, ct).ConfigureAwait(_onContext);
            }
            finally { _byMessageId.TryRemove(messageId, out _); }

            switch (answer)
            {
                case ResponseAnswer r:
                    return r.Response;
                case ReportAnswer report when report.Counter == UsmStatsCounters.NotInTimeWindows && report.Authentic && !resynchronised:
                    // RFC 3414 §4: the authenticated Report carried the engine's boots and time (step 7b stored them): send again.
                    resynchronised = true;
                    continue;
                case ReportAnswer report when report.Counter == UsmStatsCounters.UnknownEngineIds && !rediscovered:
                    // The engine changed its snmpEngineID (or we guessed it): discover once more.
                    rediscovered = true;
                    _engineIds.TryRemove(key, out _);
                    continue;
                case ReportAnswer report:
                    throw new SnmpReportException(ObjectIdentifier.Parse(report.Counter?.Oid ?? report.Pdu.VarBinds.FirstOrDefault()?.Oid ?? "0.0"),
                        report.Pdu.VarBinds.FirstOrDefault()?.Value ?? SnmpValue.Null(), report.Authentic);
                default:
                    if (attempts > target.Retries) throw new SnmpTimeoutException(target, attempts);
                    break;
            }
        }
    }

    /// <summary>RFC 3414 §4: a noAuthNoPriv GetRequest with empty engine ID, user and varbinds; the Report names the engine. Retried as the target says.</summary>
    async Task<byte[]> DiscoverAsync(SnmpTarget target, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            int messageId = _engine.NextMessageId();
            var probe = new ScopedPdu([], [], new Pdu(PduType.GetRequest, _engine.NextRequestId(), SnmpErrorStatus.NoError, 0, []));
            byte[] bytes = SnmpV3Processor.Encode(new SnmpV3Outgoing(messageId, _engine.MaxMessageSize, Reportable: true, UsmSecurityLevel.NoAuthNoPriv,
                [], null, [], 0, 0, probe), _engine.Salt);
            var pending = new Pending(probe.Pdu is Pdu p ? p.RequestId : 0, UsmSecurityLevel.NoAuthNoPriv, _onContext);
            _byMessageId[messageId] = pending;
            Answer? answer;
            try
            {
                await SendAsync(bytes, target.EndPoint, ct).ConfigureAwait(_onContext);
                answer = await WaitAsync(pending, target, ct).ConfigureAwait(_onContext);
            }
            finally { _byMessageId.TryRemove(messageId, out _); }

            if (answer is ReportAnswer report && UsmDiscovery.LearnFromReport(report.Parameters, report.Pdu.VarBinds.FirstOrDefault()?.Oid ?? "") is { } learnt)
            {
                if (!_engine.KnowsRemote(learnt.EngineId)) _engine.LearnRemote(learnt.EngineId, learnt.EngineTime);
                return learnt.EngineId;
            }
            if (answer is ReportAnswer other)
                throw new SnmpReportException(ObjectIdentifier.Parse(other.Pdu.VarBinds.FirstOrDefault()?.Oid ?? "0.0"), other.Pdu.VarBinds.FirstOrDefault()?.Value ?? SnmpValue.Null(), other.Authentic);
            if (answer is not null) throw new SnmpException($"{target} answered the discovery probe with {answer}, not a Report (RFC 3414 §4)");
            if (attempt > target.Retries) throw new SnmpTimeoutException(target, attempt);
        }
    }

    async Task<Answer?> WaitAsync(Pending pending, SnmpTarget target, CancellationToken ct)
    {
        try { return await pending.Answer.Task.WaitAsync(target.Timeout, _engine.Clock, ct).ConfigureAwait(_onContext); }
        catch (TimeoutException) { return null; }
    }

    // ------------------------------------------------------------ receiving

    /// <summary>
    /// Hands an arriving message to the request it answers (<see cref="Owns"/> says whether one
    /// does). SNMPv3 answers go through the USM first: a Response must be authentic at the request's
    /// level (RFC 3412 §7.2 step 12's securityLevel match); a Report may be unauthenticated
    /// (discovery). Anything else is ignored, and the request times out.
    /// </summary>
    public bool Deliver(SnmpMessage message, ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        Traced?.Invoke(new SnmpTrace(false, from, datagram.ToArray()));
        switch (message)
        {
            // RFC 3416 §4.2.1 / RFC 3584: the Response echoes the request-id, and comes with the community we used.
            case CommunityMessage { Pdu: Pdu { Type: PduType.Response } p } c when _byRequestId.TryGetValue(p.RequestId, out var pending) && c.CommunityText == pending.Community:
                return pending.Answer.TrySetResult(new ResponseAnswer(new SnmpResponse(p, message, from, datagram.ToArray())));
            case SnmpV3Message v3 when _byMessageId.TryGetValue(v3.MessageId, out var pending):
            {
                var incoming = SnmpV3Processor.Receive(_engine, v3, datagram, _options);
                if (incoming is null) return false;
                var pdu = incoming.ScopedPdu?.Pdu as Pdu;
                if (incoming.IsOk && pdu is { Type: PduType.Response } && pdu.RequestId == pending.RequestId && incoming.Level == pending.Level)
                    return pending.Answer.TrySetResult(new ResponseAnswer(new SnmpResponse(pdu, message, from, datagram.ToArray())));
                if (pdu is { Type: PduType.Report } && (incoming.IsOk || incoming.Level == UsmSecurityLevel.NoAuthNoPriv))
                    return pending.Answer.TrySetResult(new ReportAnswer(pdu, incoming.Parameters, incoming.IsAuthentic,
                        UsmStatsCounters.FromOid(pdu.VarBinds.FirstOrDefault()?.Oid ?? "")));
                return false;
            }
            default:
                return false;
        }
    }

    /// <param name="inline">On an actor context the answer completes the waiter inline (no hop through the thread pool, which a simulation cannot see).</param>
    sealed class Pending(int requestId, UsmSecurityLevel level, bool inline, string? community = null)
    {
        public int RequestId { get; } = requestId;
        public UsmSecurityLevel Level { get; } = level;
        public string? Community { get; } = community;
        public TaskCompletionSource<Answer> Answer { get; } = new(inline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
    }

    abstract record Answer;
    sealed record ResponseAnswer(SnmpResponse Response) : Answer;
    sealed record ReportAnswer(Pdu Pdu, UsmSecurityParameters Parameters, bool Authentic, UsmStatsCounter? Counter) : Answer;
}
