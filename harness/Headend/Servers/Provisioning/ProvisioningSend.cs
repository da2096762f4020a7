using System.Globalization;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>Something the Provisioning Server's SNMP entity decided to send, before the overrides have had their say.</summary>
public abstract record ProvisioningSend(Pdu Pdu);

/// <summary>The answer to a notification (a Response to an InformRequest, or a Report), encoded with the sender's security.</summary>
public sealed record NotificationAnswer(Pdu Pdu, Func<Pdu, byte[]> Encode) : ProvisioningSend(Pdu);

/// <summary>A request to an eUE's agent (eUE-16 GET, eUE-19 SET), sent and retransmitted by the SNMP requester.</summary>
public sealed record AgentRequest(Pdu Pdu, SnmpTarget Target) : ProvisioningSend(Pdu);

/// <summary>
/// Overrides on what the SNMP entity sends (<see cref="OptionPath"/>s are the varbinds' object instance
/// OIDs, e.g. 1.3.6.1.4.1.4491.2.2.1.1.2.7.0 for pktcMtaDevProvConfigHash.0): OmitOption leaves a varbind
/// out (eUE-19 without the hash), SetOption gives it these octets as an OCTET STRING (a wrong hash; added
/// when absent, e.g. a key for a plain file). SetField: "url", "hash" and "key" (hex) on eUE-19's SET in
/// whichever MTA MIB it uses; "community" on an SNMPv2c request; "error-status" and "request-id" on any
/// PDU (an INFORM answered with an error, or with another request-id).
/// </summary>
public static class ProvisioningEditor
{
    public static ProvisioningSend Apply(ProvisioningSend send, IReadOnlyList<Override> edits)
    {
        var pdu = send.Pdu;
        var target = (send as AgentRequest)?.Target;
        foreach (var edit in edits)
            switch (edit)
            {
                case OmitOption o:
                    pdu = WithVarBinds(pdu, [.. pdu.VarBinds.Where(v => v.Name != Oid(o.Path))]);
                    break;
                case SetOption s:
                    pdu = Set(pdu, Oid(s.Path), SnmpValue.OctetString(s.Value));
                    break;
                case SetField f:
                    (pdu, target) = Field(pdu, target, f);
                    break;
            }
        return send switch
        {
            NotificationAnswer a => a with { Pdu = pdu },
            AgentRequest r => r with { Pdu = pdu, Target = target! },
            _ => send,
        };
    }

    static (Pdu, SnmpTarget?) Field(Pdu pdu, SnmpTarget? target, SetField f)
    {
        switch (f.Field.ToLowerInvariant())
        {
            case "error-status":
                return (new Pdu(pdu.Type, pdu.RequestId, (SnmpErrorStatus)int.Parse(f.Value, CultureInfo.InvariantCulture), pdu.ErrorIndex, pdu.VarBinds), target);
            case "request-id":
                return (pdu.WithRequestId(int.Parse(f.Value, CultureInfo.InvariantCulture)), target);
            case "community" when target is not null:
                return (pdu, target with { Community = f.Value });
            case "url" or "hash" or "key" when pdu.Type == PduType.SetRequest:
            {
                var mib = MtaMib.Both.FirstOrDefault(m => pdu.VarBinds.Any(v => v.Name == m.ConfigFile.InstanceId(0))) ?? MtaMib.CableLabs;
                var (name, value) = f.Field.ToLowerInvariant() switch
                {
                    "url" => (mib.ConfigFile.InstanceId(0), SnmpValue.OctetString(f.Value)),
                    "hash" => (mib.ConfigHash.InstanceId(0), SnmpValue.OctetString(Convert.FromHexString(f.Value))),
                    _ => (mib.ConfigKey.InstanceId(0), SnmpValue.OctetString(Convert.FromHexString(f.Value))),
                };
                return (Set(pdu, name, value), target);
            }
            default:
                throw new ArgumentException($"'{f.Field}' cannot be set on an SNMP {SnmpEvidence.KindOf(pdu.Type)} (url, hash, key on the SET; community on a request; error-status, request-id)");
        }
    }

    static Pdu Set(Pdu pdu, ObjectIdentifier name, SnmpValue value) =>
        WithVarBinds(pdu, pdu.VarBinds.Any(v => v.Name == name)
            ? [.. pdu.VarBinds.Select(v => v.Name == name ? new VarBind(name, value) : v)]
            : [.. pdu.VarBinds, new VarBind(name, value)]);

    static Pdu WithVarBinds(Pdu pdu, IReadOnlyList<VarBind> varBinds) => new(pdu.Type, pdu.RequestId, pdu.ErrorStatus, pdu.ErrorIndex, varBinds);

    static ObjectIdentifier Oid(OptionPath path) => ObjectIdentifier.Parse(string.Join('.', path.Codes));
}
