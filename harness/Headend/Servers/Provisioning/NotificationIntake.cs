using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// What one datagram at the notification port is, after RFC 3413 §3.4's Notification Receiver has looked
/// at it: the message (null when it did not decode, with <see cref="Error"/>), the PDU when readable, who
/// sent it (a community, or a USM user and level), and the answer it is owed: the Response to an
/// InformRequest (RFC 3416 §4.2.7: same request-id and variable-bindings), or a Report when the USM refused
/// an SNMPv3 message (RFC 3412 §7.2 step 6; also the answer to a discovery probe, RFC 3414 §4). The answer
/// is kept as a PDU and an encoder, so an override can change its PDU before it is encoded.
/// </summary>
public sealed record NotificationIntake(
    SnmpMessage? Message,
    string? Error,
    SnmpPdu? Pdu,
    SnmpVersion? Version,
    string? Community,
    string? UserName,
    UsmSecurityLevel? Level,
    Pdu? Answer,
    Func<Pdu, byte[]>? EncodeAnswer,
    string? Refusal)
{
    /// <summary>A notification this server accepts (a trap or an inform it may act on).</summary>
    public bool IsNotification => Refusal is null && Pdu?.Type is PduType.TrapV1 or PduType.SnmpV2Trap or PduType.InformRequest;

    public bool IsInform => IsNotification && Pdu!.Type == PduType.InformRequest;

    /// <summary>"community 'public'" or "user 'eue' authPriv", for notes.</summary>
    public string Security => UserName is null ? $"community '{Community}'" : $"user '{UserName}' {Level}";

    /// <summary>Processes one datagram against <paramref name="engine"/> (counting as an SNMP engine does).</summary>
    public static NotificationIntake Process(SnmpEngine engine, IReadOnlySet<string> communities, ReadOnlySpan<byte> datagram, SnmpDecodeOptions decode)
    {
        engine.Counters.Increment(SnmpCounter.SnmpInPkts);
        SnmpMessage message;
        try { message = SnmpMessage.Decode(datagram, decode); }
        catch (ParseError e)
        {
            engine.Counters.Increment(e.Field == SnmpFields.Version ? SnmpCounter.SnmpInBadVersions : SnmpCounter.SnmpInASNParseErrs);
            return new(null, e.Message, null, null, null, null, null, null, null, null);
        }

        if (message is CommunityMessage c)
        {
            var refused = !communities.Contains(c.CommunityText) ? $"community '{c.CommunityText}' is not accepted (snmpInBadCommunityNames)"
                : c.Pdu.Type is not (PduType.TrapV1 or PduType.SnmpV2Trap or PduType.InformRequest) ? $"a {SnmpEvidence.KindOf(c.Pdu.Type)} is not a notification (snmpUnknownPDUHandlers)"
                : null;
            if (refused is not null)
            {
                engine.Counters.Increment(communities.Contains(c.CommunityText) ? SnmpCounter.SnmpUnknownPDUHandlers : SnmpCounter.SnmpInBadCommunityNames);
                return new(c, null, c.Pdu, c.Version, c.CommunityText, null, null, null, null, refused);
            }
            return c.Pdu is Pdu { Type: PduType.InformRequest } inform
                ? new(c, null, c.Pdu, c.Version, c.CommunityText, null, null, Acknowledge(inform), p => new CommunityMessage(c.Version, c.Community, p).Encode(), null)
                : new(c, null, c.Pdu, c.Version, c.CommunityText, null, null, null, null, null);
        }

        var v3 = (SnmpV3Message)message;
        var incoming = SnmpV3Processor.Receive(engine, v3, datagram, decode);
        if (incoming is null)
            return new(v3, null, v3.ScopedPdu?.Pdu, SnmpVersion.V3, null, null, v3.SecurityLevel, null, null, "dropped by the message processing model (counted)");
        string userName = incoming.Parameters.UserNameText;
        if (!incoming.IsOk)
        {
            var report = SnmpV3Processor.Report(engine, incoming);
            var refusal = $"USM: {incoming.Status}";
            if (report is null) return new(v3, null, incoming.ScopedPdu?.Pdu, SnmpVersion.V3, null, userName, incoming.Level, null, null, refusal);
            // The Report is built by the processor (its security depends on the refusal): kept as is, whatever the PDU edits.
            var reportPdu = SnmpMessage.Decode(report, decode) is SnmpV3Message { ScopedPdu.Pdu: Pdu rp } ? rp : new Pdu(PduType.Report, 0, SnmpErrorStatus.NoError, 0, []);
            return new(v3, null, incoming.ScopedPdu?.Pdu, SnmpVersion.V3, null, userName, incoming.Level, reportPdu, _ => report, refusal);
        }
        var scoped = incoming.ScopedPdu!;
        if (scoped.Pdu.Type is not (PduType.SnmpV2Trap or PduType.InformRequest))
        {
            engine.Counters.Increment(SnmpCounter.SnmpUnknownPDUHandlers);
            return new(v3, null, scoped.Pdu, SnmpVersion.V3, null, userName, incoming.Level, null, null,
                $"a {SnmpEvidence.KindOf(scoped.Pdu.Type)} is not a notification (snmpUnknownPDUHandlers)");
        }
        if (scoped.Pdu is not Pdu { Type: PduType.InformRequest } request)
            return new(v3, null, scoped.Pdu, SnmpVersion.V3, null, userName, incoming.Level, null, null, null);
        // RFC 3412 §7.1: the Response goes back with the request's msgID, user and level, this engine authoritative.
        var user = incoming.User!;
        byte[] Encode(Pdu p) => SnmpV3Processor.Encode(new SnmpV3Outgoing(v3.MessageId, engine.MaxMessageSize, Reportable: false, incoming.Level, user.UserName,
            incoming.Level == UsmSecurityLevel.NoAuthNoPriv ? null : user, engine.EngineId, engine.Boots, engine.Time,
            new ScopedPdu(scoped.ContextEngineId, scoped.ContextName, p)), engine.Salt);
        return new(v3, null, scoped.Pdu, SnmpVersion.V3, null, userName, incoming.Level, Acknowledge(request), Encode, null);
    }

    /// <summary>RFC 3416 §4.2.7: the Response has the Inform's request-id, noError, and its variable-bindings.</summary>
    static Pdu Acknowledge(Pdu inform) => new(PduType.Response, inform.RequestId, SnmpErrorStatus.NoError, 0, inform.VarBinds);
}
