using System.Net;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// An SNMP agent: the Command Responder over a <see cref="MibTree"/> for SNMPv1 and v2c
/// communities and SNMPv3 USM users (this engine authoritative), and a Notification Originator
/// (<see cref="Notifications"/>) whose Inform answers come back through it. <see cref="Handle"/> is
/// sans-IO: a datagram in, the reply out (null: nothing to send, RFC 3412 §7.2 drops); every decision
/// is counted in the engine's counters and told to <see cref="Exchanged"/> for evidence.
/// <see cref="RunAsync"/> serves a transport.
/// </summary>
public sealed class SnmpAgent
{
    readonly Lock _setGate = new();
    ISnmpTransport? _transport;
    SnmpRequester.SendFunc? _send;

    public SnmpAgent(SnmpEngine engine, MibTree mib, SnmpAgentOptions? options = null)
    {
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Mib = mib ?? throw new ArgumentNullException(nameof(mib));
        Options = options ?? new SnmpAgentOptions();
        Requester = new SnmpRequester(engine, (bytes, to, ct) =>
            _send is { } send ? send(bytes, to, ct)
            : (_transport ?? throw new InvalidOperationException("the agent sends notifications through the transport given to RunAsync or SendThrough")).SendAsync(bytes, to, ct),
            Options.Decode, Options.ContinueOnCapturedContext);
        Notifications = new SnmpNotificationOriginator(engine, Requester);
    }

    public SnmpEngine Engine { get; }
    public MibTree Mib { get; }
    public SnmpAgentOptions Options { get; }
    /// <summary>Sends traps and informs from this agent's engine.</summary>
    public SnmpNotificationOriginator Notifications { get; }
    /// <summary>The confirmed-request machinery of the originator (its traces include the Inform exchanges).</summary>
    public SnmpRequester Requester { get; }

    public event Action<SnmpAgentExchange>? Exchanged;

    /// <summary>
    /// For an owner that feeds <see cref="Handle"/> itself (an actor reading its own socket): the
    /// function the agent's notifications and their retransmissions go out through.
    /// </summary>
    public void SendThrough(SnmpRequester.SendFunc send) => _send = send ?? throw new ArgumentNullException(nameof(send));

    /// <summary>Serves <paramref name="transport"/> until cancelled: every datagram to <see cref="Handle"/>, every reply back to its sender.</summary>
    public async Task RunAsync(ISnmpTransport transport, CancellationToken cancellationToken)
    {
        _transport = transport;
        try { await SnmpServing.ServeAsync(transport, Handle, cancellationToken).ConfigureAwait(false); }
        finally { _transport = null; }
    }

    /// <summary>Processes one datagram from <paramref name="from"/>; returns the Response or Report to send back, or null.</summary>
    public byte[]? Handle(ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        Engine.Counters.Increment(SnmpCounter.SnmpInPkts);
        SnmpMessage message;
        try { message = SnmpMessage.Decode(datagram, Options.Decode); }
        catch (ParseError e)
        {
            // RFC 3412 §7.2 step 2 (an unknown version) and step 1 (anything else that does not parse).
            Engine.Counters.Increment(e.Field == SnmpFields.Version ? SnmpCounter.SnmpInBadVersions : SnmpCounter.SnmpInASNParseErrs);
            return Done(from, datagram, null, null, null, null, $"{e.Message}");
        }
        // Answers to our own Informs go to the originator (RFC 3412 §4.2.2: by msgID / request-id), whatever versions the
        // command responder serves: an INFORM sent as SNMPv3 (TLV 38.3 = 5) is answered in SNMPv3, its discovery by a Report.
        if (Requester.Owns(message))
        {
            Requester.Deliver(message, datagram, from);
            return Done(from, datagram, message, null, null, null, "an answer to our InformRequest");
        }
        if (!Options.Versions.Contains(message.Version))
        {
            Engine.Counters.Increment(SnmpCounter.SnmpInBadVersions);
            return Done(from, datagram, message, null, null, null, $"{message.Version} is not served");
        }
        return message is CommunityMessage c ? HandleCommunity(c, datagram, from) : HandleV3((SnmpV3Message)message, datagram, from);
    }

    byte[]? HandleCommunity(CommunityMessage message, ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        // RFC 1157 §4.1 / RFC 3584 §5.2.1: an unknown community is an authentication failure: drop.
        if (!Options.Communities.TryGetValue(message.CommunityText, out var access))
        {
            Engine.Counters.Increment(SnmpCounter.SnmpInBadCommunityNames);
            return Done(from, datagram, message, null, null, null, $"unknown community \"{message.CommunityText}\"");
        }
        if (message.Pdu is not Pdu { } pdu || !IsCommand(pdu.Type))
        {
            Engine.Counters.Increment(SnmpCounter.SnmpUnknownPDUHandlers);
            return Done(from, datagram, message, null, null, null, $"no command responder for {message.Pdu.Type.Describe()}");
        }
        if (pdu.Type == PduType.SetRequest && access != SnmpAccess.ReadWrite) Engine.Counters.Increment(SnmpCounter.SnmpInBadCommunityUses);
        int limit = Math.Min(Options.MaxMessageSize, Engine.MaxMessageSize);
        byte[] Encode(Pdu response) => new CommunityMessage(message.Version, message.Community, response).Encode();
        return Respond(from, datagram, message, pdu, message.Version, access, limit, Encode);
    }

    byte[]? HandleV3(SnmpV3Message message, ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        var incoming = SnmpV3Processor.Receive(Engine, message, datagram, Options.Decode);
        if (incoming is null) return Done(from, datagram, message, null, null, null, "dropped by message processing (RFC 3412 §7.2: counted)");
        if (!incoming.IsOk)
        {
            var report = SnmpV3Processor.Report(Engine, incoming);
            return Done(from, datagram, message, incoming.ScopedPdu?.Pdu as Pdu, null, report, report is null ? $"{incoming.Status}, not reportable" : null);
        }
        var scoped = incoming.ScopedPdu!;
        if (scoped.Pdu is not Pdu { } pdu || !IsCommand(pdu.Type))
        {
            Engine.Counters.Increment(SnmpCounter.SnmpUnknownPDUHandlers);
            return Done(from, datagram, message, scoped.Pdu as Pdu, null, null, $"no command responder for {scoped.Pdu.Type.Describe()}");
        }
        // RFC 3413 §3.2: requests address this engine's context (an empty contextEngineID is taken as ours).
        if (scoped.ContextEngineId.Length > 0 && !scoped.ContextEngineId.AsSpan().SequenceEqual(Engine.EngineId))
        {
            Engine.Counters.Increment(SnmpCounter.SnmpUnknownPDUHandlers);
            return Done(from, datagram, message, pdu, null, null, "contextEngineID is another engine's");
        }
        var user = incoming.User!;
        var access = Options.UserAccess.TryGetValue(user.Name, out var a) ? a : SnmpAccess.ReadWrite;
        int limit = Math.Min(message.MaxSize, Engine.MaxMessageSize);
        byte[] Encode(Pdu response) => SnmpV3Processor.Encode(new SnmpV3Outgoing(message.MessageId, Engine.MaxMessageSize, Reportable: false, incoming.Level,
            user.UserName, incoming.Level == UsmSecurityLevel.NoAuthNoPriv ? null : user, Engine.EngineId, Engine.Boots, Engine.Time,
            new ScopedPdu(Engine.EngineId, scoped.ContextName, response)), Engine.Salt);
        if (incoming.Level < Options.MinimumSecurityLevel)
        {
            var refused = new Pdu(PduType.Response, pdu.RequestId, SnmpErrorStatus.AuthorizationError, 0, pdu.VarBinds);
            return Done(from, datagram, message, pdu, refused, Encode(refused), null);
        }
        return Respond(from, datagram, message, pdu, SnmpVersion.V3, access, limit, Encode);
    }

    static bool IsCommand(PduType type) => type is PduType.GetRequest or PduType.GetNextRequest or PduType.GetBulkRequest or PduType.SetRequest;

    /// <summary>
    /// Runs the request and fits the Response into <paramref name="limit"/> octets: GetBulk drops
    /// trailing varbinds (RFC 3416 §4.2.3); anything else becomes tooBig with an empty varbind list
    /// (§4.2.1; the request's varbinds in SNMPv1, RFC 1157 §4.1.2), or is dropped when even that does
    /// not fit (snmpSilentDrops).
    /// </summary>
    byte[]? Respond(IPEndPoint from, ReadOnlySpan<byte> datagram, SnmpMessage message, Pdu request, SnmpVersion version, SnmpAccess access, int limit, Func<Pdu, byte[]> encode)
    {
        Pdu response;
        if (request.Type == PduType.GetBulkRequest && version == SnmpVersion.V1)
            return Done(from, datagram, message, request, null, null, "GetBulk in SNMPv1");
        int budget = int.MaxValue;
        if (request.Type == PduType.GetBulkRequest)
        {
            // The octets left for varbinds: the limit less an empty Response, less slack for the six
            // enclosing lengths that grow with the varbinds and for CBC-DES padding.
            int overhead = encode(new Pdu(PduType.Response, request.RequestId, SnmpErrorStatus.NoError, 0, [])).Length;
            budget = Math.Max(0, limit - overhead - 6 * 4 - 8);
        }
        try { response = CommandResponder.Process(Mib, request, version, access, budget, _setGate); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // RFC 3416 §4.2.1: a variable that cannot be retrieved "for reasons not covered by any of the previous rules" is genErr.
            response = new Pdu(PduType.Response, request.RequestId, SnmpErrorStatus.GenErr, 1, request.VarBinds);
        }
        byte[] reply = encode(response);
        while (reply.Length > limit && response.Type == PduType.Response && request.Type == PduType.GetBulkRequest && response.VarBinds.Count > 0)
        {
            response = new Pdu(PduType.Response, response.RequestId, SnmpErrorStatus.NoError, 0, response.VarBinds.Take(response.VarBinds.Count - 1).ToList());
            reply = encode(response);
        }
        if (reply.Length > limit)
        {
            response = new Pdu(PduType.Response, request.RequestId, SnmpErrorStatus.TooBig, 0, version == SnmpVersion.V1 ? request.VarBinds : []);
            reply = encode(response);
            if (reply.Length > limit)
            {
                Engine.Counters.Increment(SnmpCounter.SnmpSilentDrops);
                return Done(from, datagram, message, request, response, null, $"even tooBig exceeds {limit} octets (snmpSilentDrops)");
            }
        }
        return Done(from, datagram, message, request, response, reply, null);
    }

    byte[]? Done(IPEndPoint from, ReadOnlySpan<byte> datagram, SnmpMessage? decoded, Pdu? request, Pdu? response, byte[]? reply, string? dropped)
    {
        if (Exchanged is { } observers) observers(new SnmpAgentExchange(from, datagram.ToArray(), decoded, request, response, reply, dropped));
        return reply;
    }
}
