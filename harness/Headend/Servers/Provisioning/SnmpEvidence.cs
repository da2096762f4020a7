using System.Globalization;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// An SNMP message as evidence: its kind (the PDU type, e.g. "InformRequest", "SetRequest", "Response",
/// "Report"; "encrypted" for an SNMPv3 message whose PDU this server could not read) and its fields under
/// Wireshark's names (packet-snmp.c: snmp.version, snmp.community, snmp.msgUserName, snmp.request_id,
/// snmp.error_status, snmp.name / snmp.value, one entry per varbind, joined with " | ").
/// </summary>
public static class SnmpEvidence
{
    public const string Protocol = SnmpFields.Protocol;

    public static string KindOf(SnmpPdu? pdu) => pdu is null ? "encrypted" : KindOf(pdu.Type);

    public static string KindOf(PduType type) => type switch
    {
        PduType.SnmpV2Trap => "SNMPv2-Trap",
        PduType.TrapV1 => "Trap",
        _ => type.ToString(),
    };

    /// <summary>The PDU a message carries in the clear (null for an encrypted SNMPv3 one).</summary>
    public static SnmpPdu? PduOf(SnmpMessage message) => message switch
    {
        CommunityMessage c => c.Pdu,
        SnmpV3Message v3 => v3.ScopedPdu?.Pdu,
        _ => null,
    };

    /// <summary>Fields of a message; <paramref name="readable"/> is the PDU when the server decrypted it.</summary>
    public static IReadOnlyDictionary<string, string> Of(SnmpMessage message, SnmpPdu? readable = null)
    {
        var f = new Dictionary<string, string>
        {
            [SnmpFields.Version] = ((int)message.Version).ToString(CultureInfo.InvariantCulture),
        };
        switch (message)
        {
            case CommunityMessage c:
                f[SnmpFields.Community] = c.CommunityText;
                break;
            case SnmpV3Message v3:
                f[SnmpFields.MsgId] = v3.MessageId.ToString(CultureInfo.InvariantCulture);
                f[SnmpFields.MsgFlags] = $"0x{v3.Flags:x2}";
                try { f["snmp.msgUserName"] = UsmSecurityParameters.Decode(v3.SecurityParameters).UserNameText; }
                catch (ParseError) { f["snmp.msgUserName"] = "(undecodable msgSecurityParameters)"; }
                break;
        }
        if ((readable ?? PduOf(message)) is { } pdu) AddPdu(f, pdu);
        return f;
    }

    static void AddPdu(Dictionary<string, string> f, SnmpPdu pdu)
    {
        f[SnmpFields.Data] = ((int)pdu.Type).ToString(CultureInfo.InvariantCulture);
        if (pdu is Pdu p)
        {
            f[SnmpFields.RequestId] = p.RequestId.ToString(CultureInfo.InvariantCulture);
            if (p.Type != PduType.GetBulkRequest)
            {
                f[SnmpFields.ErrorStatus] = ((int)p.ErrorStatus).ToString(CultureInfo.InvariantCulture);
                f[SnmpFields.ErrorIndex] = p.ErrorIndex.ToString(CultureInfo.InvariantCulture);
            }
        }
        if (pdu.VarBinds.Count > 0)
        {
            f[SnmpFields.Name] = string.Join(" | ", pdu.VarBinds.Select(v => v.Name.ToString()));
            f[SnmpFields.Value] = string.Join(" | ", pdu.VarBinds.Select(v => v.Value.ToString()));
        }
    }
}
