using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// The Notification Originator application (RFC 3413 §3.2): SNMPv2-Trap (unconfirmed) and
/// InformRequest (confirmed, retransmitted until the receiver's Response) in v2c and v3, and the
/// SNMPv1 Trap-PDU for v1 targets (RFC 3584 §3.2 translation). Every notification starts with
/// sysUpTime.0 and snmpTrapOID.0 (RFC 3416 §4.2.6, §4.2.7). For a v3 Trap this engine is
/// authoritative; for a v3 Inform the receiver is, and the requester discovers it (RFC 3414 §4).
/// </summary>
public sealed class SnmpNotificationOriginator(SnmpEngine engine, SnmpRequester requester)
{
    static readonly ObjectIdentifier SysUpTimeInstance = MibNames.Snmpv2.SysUpTime.InstanceId(0);
    static readonly ObjectIdentifier SnmpTrapOidInstance = MibNames.Snmpv2.SnmpTrapOID.InstanceId(0);
    static readonly ObjectIdentifier SnmpTraps = ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5");

    /// <summary>The varbinds of a v2 notification: sysUpTime.0, snmpTrapOID.0, then the notification's objects.</summary>
    public IReadOnlyList<VarBind> NotificationVarBinds(ObjectIdentifier trapOid, IEnumerable<VarBind> objects) =>
        [new VarBind(SysUpTimeInstance, SnmpValue.TimeTicks(engine.UpTime)), new VarBind(SnmpTrapOidInstance, SnmpValue.ObjectIdentifier(trapOid)), .. objects];

    /// <summary>Sends an InformRequest and returns the receiver's Response (RFC 3416 §4.2.7).</summary>
    public Task<SnmpResponse> InformAsync(SnmpTarget target, ObjectIdentifier trapOid, IEnumerable<VarBind> objects, CancellationToken cancellationToken = default)
    {
        if (target.Version == SnmpVersion.V1) throw new ArgumentException("SNMPv1 has no InformRequest (RFC 1157)", nameof(target));
        var pdu = new Pdu(PduType.InformRequest, 0, SnmpErrorStatus.NoError, 0, NotificationVarBinds(trapOid, objects));
        return requester.RequestAsync(target, pdu, cancellationToken);
    }

    /// <summary>Sends a trap: SNMPv2-Trap for v2c/v3, the Trap-PDU for v1. Returns the datagram sent.</summary>
    public async Task<byte[]> TrapAsync(SnmpTarget target, ObjectIdentifier trapOid, IEnumerable<VarBind> objects, CancellationToken cancellationToken = default)
    {
        byte[] bytes = target.Version switch
        {
            SnmpVersion.V1 => new CommunityMessage(SnmpVersion.V1, target.Community, V1Trap(trapOid, objects)).Encode(),
            SnmpVersion.V2c => new CommunityMessage(SnmpVersion.V2c, target.Community, V2Trap(trapOid, objects)).Encode(),
            _ => V3Trap(target, V2Trap(trapOid, objects)),
        };
        await requester.SendAsync(bytes, target.EndPoint, cancellationToken);
        return bytes;
    }

    Pdu V2Trap(ObjectIdentifier trapOid, IEnumerable<VarBind> objects) =>
        new(PduType.SnmpV2Trap, engine.NextRequestId(), SnmpErrorStatus.NoError, 0, NotificationVarBinds(trapOid, objects));

    byte[] V3Trap(SnmpTarget target, Pdu trap)
    {
        // RFC 3414 §3.1 step 1: for a Trap the local engine is authoritative; the user's keys are localized for it.
        var credentials = target.Credentials ?? throw new ArgumentException($"{target} has no USM credentials", nameof(target));
        var user = credentials.ForEngine(engine.EngineId);
        return SnmpV3Processor.Encode(new SnmpV3Outgoing(engine.NextMessageId(), engine.MaxMessageSize, Reportable: false, target.SecurityLevel,
            user.UserName, target.SecurityLevel == Usm.UsmSecurityLevel.NoAuthNoPriv ? null : user, engine.EngineId, engine.Boots, engine.Time,
            new ScopedPdu(engine.EngineId, target.ContextNameBytes, trap)), engine.Salt);
    }

    /// <summary>RFC 3584 §3.2: generic traps from snmpTraps.(g+1), otherwise enterprise-specific with enterprise.0.specific.</summary>
    TrapV1Pdu V1Trap(ObjectIdentifier trapOid, IEnumerable<VarBind> objects)
    {
        var list = objects.ToList();
        if (trapOid.Length == SnmpTraps.Length + 1 && trapOid.StartsWith(SnmpTraps) && trapOid[^1] is >= 1 and <= 6)
            return new TrapV1Pdu(SnmpTraps, System.Net.IPAddress.Any, (GenericTrap)(trapOid[^1] - 1), 0, engine.UpTime, list);
        bool zero = trapOid.Length > 2 && trapOid[^2] == 0;
        var enterprise = trapOid.Prefix(trapOid.Length - (zero ? 2 : 1));
        return new TrapV1Pdu(enterprise, System.Net.IPAddress.Any, GenericTrap.EnterpriseSpecific, (int)trapOid[^1], engine.UpTime, list);
    }
}
