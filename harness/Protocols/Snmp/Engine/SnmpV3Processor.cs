using System.Formats.Asn1;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>What processing an incoming SNMPv3 message decided (RFC 3412 §7.2 with RFC 3414 §3.2).</summary>
/// <param name="Status">The USM's decision; anything but Ok is counted in its usmStats counter (<see cref="CounterValue"/> after counting).</param>
/// <param name="User">The usmUserTable row the message named, when found.</param>
/// <param name="ScopedPdu">The ScopedPDU: decrypted when Ok; for a plaintext message also when the USM refused it (its request-id goes into the Report, an unauthenticated Report is read from it).</param>
public sealed record SnmpV3Incoming(SnmpV3Message Message, UsmSecurityParameters Parameters, UsmSecurityLevel Level, UsmStatus Status,
    UsmUser? User, ScopedPdu? ScopedPdu, uint CounterValue)
{
    public bool IsOk => Status == UsmStatus.Ok;
    /// <summary>Did the message pass the USM with a MAC (authNoPriv or authPriv)?</summary>
    public bool IsAuthentic => IsOk && Level.Authenticates();
}

/// <summary>Everything an outgoing SNMPv3 message needs (RFC 3412 §7.1, RFC 3414 §3.1).</summary>
/// <param name="User">The user with keys localized for <paramref name="AuthoritativeEngineId"/>; null for noAuthNoPriv.</param>
/// <param name="AuthoritativeEngineId">This engine for a Response, Report or Trap; the agent for a request; the receiver for an Inform.</param>
/// <param name="Boots">That engine's snmpEngineBoots (0 while unknown, during discovery).</param>
/// <param name="Time">Likewise its snmpEngineTime.</param>
public sealed record SnmpV3Outgoing(int MessageId, int MaxSize, bool Reportable, UsmSecurityLevel Level, byte[] UserName, UsmUser? User,
    byte[] AuthoritativeEngineId, int Boots, int Time, ScopedPdu ScopedPdu);

/// <summary>
/// The SNMPv3 Message Processing Model (RFC 3412 §7) tied to the User-based Security Model (RFC 3414
/// §3): pure functions of an <see cref="SnmpEngine"/>'s state, so the agent, the manager and the
/// notification receiver all secure, verify, decrypt and report the same way.
/// </summary>
public static class SnmpV3Processor
{
    /// <summary>
    /// Processes a decoded message: RFC 3412 §7.2 steps 4-5 (security model, msgFlags), then the USM
    /// (engine, user, level, MAC, time window, decryption) and the ScopedPDU. Null when the message is
    /// dropped without a Report, each counted: an unknown msgSecurityModel (snmpUnknownSecurityModels),
    /// privFlag without authFlag (snmpInvalidMsgs), msgSecurityParameters or a decrypted ScopedPDU that
    /// does not parse (snmpInASNParseErrs).
    /// </summary>
    public static SnmpV3Incoming? Receive(SnmpEngine engine, SnmpV3Message message, ReadOnlySpan<byte> datagram, SnmpDecodeOptions options)
    {
        if (message.SecurityModel != SnmpV3Message.UsmSecurityModel) { engine.Counters.Increment(SnmpCounter.SnmpUnknownSecurityModels); return null; }
        if (message.SecurityLevel is not { } level) { engine.Counters.Increment(SnmpCounter.SnmpInvalidMsgs); return null; }

        UsmSecurityParameters parameters;
        int authOffset;
        var layout = message.Layout;
        try
        {
            parameters = UsmSecurityParameters.Decode(datagram.Slice(layout.SecurityParametersOffset, layout.SecurityParametersLength),
                layout.SecurityParametersOffset, options.MinimalLengths, out authOffset);
        }
        catch (ParseError) { engine.Counters.Increment(SnmpCounter.SnmpInASNParseErrs); return null; }

        var local = engine.Local;
        bool authoritative = local.Is(parameters.AuthoritativeEngineId);
        UsmEngineTimeNotion? remote = null;
        if (!authoritative && parameters.AuthoritativeEngineId.Length > 0)
        {
            // RFC 3414 §3.2 step 3: a remote engine is known when this engine learnt its time or holds a user localized for it.
            remote = engine.RemoteTime(parameters.AuthoritativeEngineId)
                ?? (engine.Users.Find(parameters.AuthoritativeEngineId, parameters.UserName) is not null ? UsmEngineTimeNotion.Unknown : null);
        }

        var msgData = datagram.Slice(layout.MsgDataOffset, layout.MsgDataLength);
        var usm = UsmIncoming.Process(level, parameters, datagram, authOffset, msgData, local, engine.Users, remote);
        if (usm.EngineTime is { } learnt) engine.LearnRemote(parameters.AuthoritativeEngineId, learnt);

        if (!usm.IsOk)
        {
            uint value = engine.Counters.Increment(SnmpCounters.For(usm.Status));
            return new SnmpV3Incoming(message, parameters, level, usm.Status, usm.User, message.ScopedPdu, value);
        }

        ScopedPdu scoped;
        if (message.ScopedPdu is { } plain) scoped = plain;
        else
        {
            try { scoped = ScopedPdu.Decode(usm.ScopedPdu, options, allowPadding: usm.User!.PrivProtocol == UsmPrivProtocol.Des); }
            catch (ParseError) { engine.Counters.Increment(SnmpCounter.SnmpInASNParseErrs); return null; }
        }
        return new SnmpV3Incoming(message, parameters, level, UsmStatus.Ok, usm.User, scoped, 0);
    }

    /// <summary>
    /// Builds an outgoing message: RFC 3414 §3.1 prepares the security parameters and encrypts the
    /// ScopedPDU (authPriv), the codec encodes, and the MAC is computed over the whole message and
    /// written into msgAuthenticationParameters (authNoPriv, authPriv).
    /// </summary>
    public static byte[] Encode(SnmpV3Outgoing o, IUsmSaltSource salt)
    {
        byte flags = o.Level.ToMsgFlags(o.Reportable);
        byte[] scopedBytes = o.ScopedPdu.Encode();
        byte[] securityParameters;
        int authInParameters = -1;
        byte[] msgData;
        bool encrypted = false;
        if (o.Level == UsmSecurityLevel.NoAuthNoPriv)
        {
            securityParameters = new UsmSecurityParameters(o.AuthoritativeEngineId, o.Boots, o.Time, o.UserName, [], []).Encode();
            msgData = scopedBytes;
        }
        else
        {
            var user = o.User ?? throw new ArgumentException($"{o.Level} needs a user with localized keys", nameof(o));
            var parts = UsmOutgoing.Prepare(o.Level, user, o.AuthoritativeEngineId, o.Boots, o.Time, scopedBytes, salt);
            securityParameters = parts.Parameters.Encode(out authInParameters);
            msgData = parts.MsgData;
            encrypted = parts.Encrypted;
        }

        var w = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 96 + securityParameters.Length + msgData.Length);
        using (w.PushSequence())
        {
            w.WriteInteger(3);
            using (w.PushSequence())
            {
                w.WriteInteger(o.MessageId);
                w.WriteInteger(o.MaxSize);
                w.WriteOctetString([flags]);
                w.WriteInteger(SnmpV3Message.UsmSecurityModel);
            }
            w.WriteOctetString(securityParameters);
            if (encrypted) w.WriteOctetString(msgData);
            else w.WriteEncodedValue(msgData);
        }
        byte[] message = w.Encode();
        if (o.Level.Authenticates())
            UsmOutgoing.Authenticate(o.User!, message, SnmpV3Message.LocateSecurityParameters(message) + authInParameters);
        return message;
    }

    /// <summary>
    /// The Report for a message the USM refused (RFC 3412 §7.2 step 6 and §7.1 step 3; RFC 3414 §3.2):
    /// a Report PDU with the usmStats counter's instance and its new value, from this (authoritative)
    /// engine, with the request's msgID, at noAuthNoPriv, or authNoPriv with the user for
    /// notInTimeWindow (RFC 3414 §3.2 step 7a). Its request-id is the request's when the ScopedPDU
    /// could be read, 0 otherwise (an encrypted PDU that was not decrypted). Null when the message was
    /// not reportable or was accepted.
    /// </summary>
    public static byte[]? Report(SnmpEngine engine, SnmpV3Incoming incoming)
    {
        if (incoming.IsOk || !incoming.Message.IsReportable) return null;
        var counter = UsmStatsCounters.For(incoming.Status)!;
        var level = counter.ReportSecurityLevel;
        var user = incoming.User;
        if (level != UsmSecurityLevel.NoAuthNoPriv && (user is null || !user.Supports(level) || !engine.EngineId.AsSpan().SequenceEqual(user.EngineId)))
            level = UsmSecurityLevel.NoAuthNoPriv;
        int requestId = incoming.ScopedPdu?.Pdu is Pdu p ? p.RequestId : 0;
        var report = new Pdu(PduType.Report, requestId, SnmpErrorStatus.NoError, 0,
            [new VarBind(counter.Oid, SnmpValue.Counter32(incoming.CounterValue))]);
        var scoped = new ScopedPdu(engine.EngineId, incoming.ScopedPdu?.ContextName ?? [], report);
        return Encode(new SnmpV3Outgoing(incoming.Message.MessageId, engine.MaxMessageSize, Reportable: false, level, incoming.Parameters.UserName,
            level == UsmSecurityLevel.NoAuthNoPriv ? null : user, engine.EngineId, engine.Boots, engine.Time, scoped), engine.Salt);
    }
}
