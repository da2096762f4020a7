using System.Formats.Asn1;
using System.Net;
using System.Text;

namespace EUeConformance.Protocols.Snmp;

/// <summary>A PDU: its type and its variable-bindings. <see cref="Pdu"/> and <see cref="TrapV1Pdu"/> are the two shapes.</summary>
public abstract class SnmpPdu : IEquatable<SnmpPdu>
{
    private protected SnmpPdu(PduType type, IReadOnlyList<VarBind> varBinds)
    {
        Type = type;
        VarBinds = varBinds ?? throw new ArgumentNullException(nameof(varBinds));
    }

    public PduType Type { get; }
    public IReadOnlyList<VarBind> VarBinds { get; }

    public abstract void WriteTo(AsnWriter writer);

    /// <summary>Reads the PDU at the reader's position; <paramref name="version"/> decides which PDUs and values are allowed.</summary>
    public static SnmpPdu Read(ref BerReader reader, SnmpVersion version)
    {
        var h = reader.PeekHeader(SnmpFields.Data, "the message ends before its PDU");
        int at = reader.Offset;
        if (h.Tag.TagClass != TagClass.ContextSpecific || !h.Tag.IsConstructed || h.Tag.TagValue > (int)PduType.Report)
            throw reader.Error(SnmpFields.Data, $"a PDU has a constructed context tag [0]..[8] (RFC 3416 §3), found {BerHeader.Describe(h.Tag)}");
        var type = (PduType)h.Tag.TagValue;
        if (version == SnmpVersion.V1 && !type.IsV1())
            throw reader.Error(SnmpFields.Data, $"{type.Describe()} is an SNMPv2 PDU: an SNMPv1 message cannot carry it (RFC 1157 §4.1)", at);
        if (version != SnmpVersion.V1 && type == PduType.TrapV1)
            throw reader.Error(SnmpFields.Data, "the SNMPv1 Trap-PDU is not part of SNMPv2 (RFC 3416 §3: [4] is obsolete; RFC 3584 §3 translates it)", at);
        var body = reader.ReadConstructed(h.Tag, SnmpFields.Data, type.Describe());
        return type == PduType.TrapV1 ? TrapV1Pdu.ReadBody(ref body) : Pdu.ReadBody(ref body, type, version);
    }

    /// <summary>The variable-bindings SEQUENCE OF VarBind (RFC 3416 §3: at most max-bindings = 2147483647; the input bounds it).</summary>
    private protected static List<VarBind> ReadVarBinds(ref BerReader body, SnmpValueSet values)
    {
        var list = body.ReadSequence(SnmpFields.VariableBindings, "variable-bindings SEQUENCE");
        var varBinds = new List<VarBind>();
        while (list.HasData) varBinds.Add(VarBind.Read(ref list, values));
        return varBinds;
    }

    private protected static void WriteVarBinds(AsnWriter writer, IReadOnlyList<VarBind> varBinds)
    {
        using (writer.PushSequence())
            foreach (var vb in varBinds) vb.WriteTo(writer);
    }

    public byte[] Encode()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        WriteTo(w);
        return w.Encode();
    }

    public abstract bool Equals(SnmpPdu? other);
    public override bool Equals(object? obj) => Equals(obj as SnmpPdu);
    public override int GetHashCode() => HashCode.Combine(Type, VarBinds.Count);

    private protected string VarBindText()
    {
        var sb = new StringBuilder();
        foreach (var vb in VarBinds) sb.Append("\n  ").Append(vb);
        return sb.ToString();
    }
}

/// <summary>
/// The RFC 3416 §3 PDU shape: request-id, error-status, error-index, variable-bindings. The
/// GetBulkRequest (BulkPDU) has the same shape with non-repeaters and max-repetitions in the second
/// and third fields; <see cref="NonRepeaters"/> and <see cref="MaxRepetitions"/> read them.
/// </summary>
public sealed class Pdu : SnmpPdu
{
    readonly int _field2, _field3;

    public Pdu(PduType type, int requestId, SnmpErrorStatus errorStatus, int errorIndex, IReadOnlyList<VarBind> varBinds) : base(type, varBinds)
    {
        if (type == PduType.TrapV1) throw new ArgumentException("the SNMPv1 Trap-PDU is a TrapV1Pdu", nameof(type));
        if (type == PduType.GetBulkRequest) throw new ArgumentException("use Pdu.GetBulk for a GetBulkRequest", nameof(type));
        ArgumentOutOfRangeException.ThrowIfNegative(errorIndex);
        RequestId = requestId; _field2 = (int)errorStatus; _field3 = errorIndex;
    }

    Pdu(int requestId, int nonRepeaters, int maxRepetitions, IReadOnlyList<VarBind> varBinds) : base(PduType.GetBulkRequest, varBinds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        RequestId = requestId; _field2 = nonRepeaters; _field3 = maxRepetitions;
    }

    public int RequestId { get; }
    public SnmpErrorStatus ErrorStatus => Type == PduType.GetBulkRequest ? SnmpErrorStatus.NoError : (SnmpErrorStatus)_field2;
    /// <summary>1-based index of the varbind an error concerns; 0 when none.</summary>
    public int ErrorIndex => Type == PduType.GetBulkRequest ? 0 : _field3;
    public int NonRepeaters => Type == PduType.GetBulkRequest ? _field2 : throw new InvalidOperationException("only a GetBulkRequest has non-repeaters");
    public int MaxRepetitions => Type == PduType.GetBulkRequest ? _field3 : throw new InvalidOperationException("only a GetBulkRequest has max-repetitions");

    /// <summary>A request or notification with NULL values for the given names (RFC 3416 §4.2.1: the value is unSpecified, encoded as NULL).</summary>
    public static Pdu Request(PduType type, int requestId, params ObjectIdentifier[] names) =>
        new(type, requestId, SnmpErrorStatus.NoError, 0, names.Select(n => new VarBind(n, SnmpValue.Null())).ToList());

    public static Pdu GetBulk(int requestId, int nonRepeaters, int maxRepetitions, IReadOnlyList<VarBind> varBinds) => new(requestId, nonRepeaters, maxRepetitions, varBinds);

    public Pdu WithRequestId(int requestId) =>
        Type == PduType.GetBulkRequest ? new(requestId, _field2, _field3, VarBinds) : new(Type, requestId, ErrorStatus, ErrorIndex, VarBinds);

    internal static Pdu ReadBody(ref BerReader body, PduType type, SnmpVersion version)
    {
        // RFC 3416 §3: request-id INTEGER (-2147483648..2147483647).
        int requestId = body.ReadInt32(SnmpFields.RequestId, "request-id", int.MinValue, int.MaxValue, "RFC 3416 §3");
        Pdu pdu;
        if (type == PduType.GetBulkRequest)
        {
            int nonRepeaters = body.ReadInt32(SnmpFields.NonRepeaters, "non-repeaters", 0, int.MaxValue, "RFC 3416 §3: INTEGER (0..max-bindings)");
            int maxRepetitions = body.ReadInt32(SnmpFields.MaxRepetitions, "max-repetitions", 0, int.MaxValue, "RFC 3416 §3: INTEGER (0..max-bindings)");
            pdu = new Pdu(requestId, nonRepeaters, maxRepetitions, ReadVarBinds(ref body, SnmpValueSet.V2));
        }
        else
        {
            int maxStatus = version == SnmpVersion.V1 ? (int)SnmpErrorStatus.GenErr : (int)SnmpErrorStatus.InconsistentName;
            var status = (SnmpErrorStatus)body.ReadInt32(SnmpFields.ErrorStatus, "error-status", 0, maxStatus, version == SnmpVersion.V1 ? "RFC 1157 §4.1.1" : "RFC 3416 §3");
            int errorIndex = body.ReadInt32(SnmpFields.ErrorIndex, "error-index", 0, int.MaxValue, "RFC 3416 §3: INTEGER (0..max-bindings)");
            var values = version == SnmpVersion.V1 ? SnmpValueSet.V1 : type == PduType.Response ? SnmpValueSet.V2Response : SnmpValueSet.V2;
            pdu = new Pdu(type, requestId, status, errorIndex, ReadVarBinds(ref body, values));
        }
        body.ExpectEnd(SnmpFields.Data, $"{type.Describe()} PDU (four fields, RFC 3416 §3)");
        return pdu;
    }

    public override void WriteTo(AsnWriter writer)
    {
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, (int)Type, isConstructed: true)))
        {
            writer.WriteInteger(RequestId);
            writer.WriteInteger(_field2);
            writer.WriteInteger(_field3);
            WriteVarBinds(writer, VarBinds);
        }
    }

    public override bool Equals(SnmpPdu? other) =>
        other is Pdu p && p.Type == Type && p.RequestId == RequestId && p._field2 == _field2 && p._field3 == _field3 && p.VarBinds.SequenceEqual(VarBinds);

    public override int GetHashCode() => HashCode.Combine(Type, RequestId, _field2, _field3, VarBinds.Count);

    public override string ToString() => Type == PduType.GetBulkRequest
        ? $"{Type.Describe()} request-id={RequestId} non-repeaters={_field2} max-repetitions={_field3}{VarBindText()}"
        : $"{Type.Describe()} request-id={RequestId} error-status={ErrorStatus.Describe()} error-index={ErrorIndex}{VarBindText()}";
}

/// <summary>
/// The SNMPv1 Trap-PDU (RFC 1157 §4.1.6): enterprise, agent-addr, generic-trap, specific-trap,
/// time-stamp, variable-bindings. Decoded for evidence from v1 devices; RFC 3584 §3.1 maps it to an
/// SNMPv2 notification (<see cref="SnmpTrapOid"/>).
/// </summary>
public sealed class TrapV1Pdu(ObjectIdentifier enterprise, IPAddress agentAddress, GenericTrap genericTrap, int specificTrap, uint timeStamp, IReadOnlyList<VarBind> varBinds)
    : SnmpPdu(PduType.TrapV1, varBinds)
{
    public ObjectIdentifier Enterprise { get; } = enterprise ?? throw new ArgumentNullException(nameof(enterprise));
    public IPAddress AgentAddress { get; } = agentAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? agentAddress : throw new ArgumentException("agent-addr is an IpAddress (RFC 1157 §4.1.6)", nameof(agentAddress));
    public GenericTrap GenericTrap { get; } = genericTrap;
    public int SpecificTrap { get; } = specificTrap;
    public uint TimeStamp { get; } = timeStamp;

    /// <summary>RFC 3584 §3.1 (3): snmpTrap.(generic+1) for generic traps, enterprise.0.specific for enterprise-specific ones.</summary>
    public ObjectIdentifier SnmpTrapOid => GenericTrap == GenericTrap.EnterpriseSpecific
        ? Enterprise.Append(0, (uint)SpecificTrap)
        : ObjectIdentifier.Parse("1.3.6.1.6.3.1.1.5").Append((uint)GenericTrap + 1);

    static readonly Asn1Tag IpAddressTag = new(TagClass.Application, 0);
    static readonly Asn1Tag TimeTicksTag = new(TagClass.Application, 3);

    internal static TrapV1Pdu ReadBody(ref BerReader body)
    {
        var enterprise = body.ReadObjectIdentifier(SnmpFields.Enterprise, "enterprise OBJECT IDENTIFIER");
        var address = body.ReadPrimitive(IpAddressTag, SnmpFields.AgentAddress, "agent-addr IpAddress", out int addressAt);
        if (address.Length != 4) throw body.Error(SnmpFields.AgentAddress, $"IpAddress of {address.Length} bytes, not 4 (RFC 1155 §3.2.3.2)", addressAt);
        int generic = body.ReadInt32(SnmpFields.GenericTrap, "generic-trap", 0, 6, "RFC 1157 §4.1.6");
        int specific = body.ReadInt32(SnmpFields.SpecificTrap, "specific-trap", int.MinValue, int.MaxValue, "RFC 1157 §4.1.6");
        var ticks = body.ReadPrimitive(TimeTicksTag, SnmpFields.TimeStamp, "time-stamp TimeTicks", out int ticksAt);
        if (BerInteger.Decode(ticks, out Int128 t) is { } p) throw body.Error(SnmpFields.TimeStamp, $"time-stamp: {p}", ticksAt);
        if (t < 0 || t > uint.MaxValue) throw body.Error(SnmpFields.TimeStamp, $"time-stamp {t} is outside TimeTicks 0..4294967295 (RFC 1155 §3.2.3.5)", ticksAt);
        var varBinds = ReadVarBinds(ref body, SnmpValueSet.V1);
        body.ExpectEnd(SnmpFields.Data, "Trap-PDU (six fields, RFC 1157 §4.1.6)");
        return new TrapV1Pdu(enterprise, new IPAddress(address), (GenericTrap)generic, specific, (uint)t, varBinds);
    }

    public override void WriteTo(AsnWriter writer)
    {
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, (int)PduType.TrapV1, isConstructed: true)))
        {
            writer.WriteObjectIdentifier(Enterprise.ToString());
            writer.WriteOctetString(AgentAddress.GetAddressBytes(), IpAddressTag);
            writer.WriteInteger((int)GenericTrap);
            writer.WriteInteger(SpecificTrap);
            writer.WriteInteger(TimeStamp, TimeTicksTag);
            WriteVarBinds(writer, VarBinds);
        }
    }

    public override bool Equals(SnmpPdu? other) =>
        other is TrapV1Pdu t && t.Enterprise == Enterprise && t.AgentAddress.Equals(AgentAddress) && t.GenericTrap == GenericTrap
        && t.SpecificTrap == SpecificTrap && t.TimeStamp == TimeStamp && t.VarBinds.SequenceEqual(VarBinds);

    public override int GetHashCode() => HashCode.Combine(Enterprise, GenericTrap, SpecificTrap, TimeStamp);

    public override string ToString() =>
        $"trap enterprise={Enterprise} agent-addr={AgentAddress} generic-trap={GenericTrap} specific-trap={SpecificTrap} time-stamp={TimeStamp}{VarBindText()}";
}
