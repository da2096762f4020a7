using System.Formats.Asn1;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp;

/// <summary>
/// Where a stand-alone VarBind is read: the protocol and field a <see cref="ParseError"/> names for
/// the SEQUENCE itself, which values may appear, and whether longer-than-needed lengths are refused.
/// Inside a message the message codec decides these; the eUE configuration file has its own.
/// </summary>
public sealed record VarBindContext(string Protocol, string ElementField, SnmpValueSet Values, bool MinimalLengths)
{
    /// <summary>A VarBind as an SNMP Set request carries it: SMIv2 values, RFC 3417 §8 lengths.</summary>
    public static VarBindContext Snmp { get; } = new(SnmpFields.Protocol, SnmpFields.VarBind, SnmpValueSet.V2, MinimalLengths: false);
}

/// <summary>
/// One SNMP VarBind, SEQUENCE { name ObjectName, value ObjectSyntax } (RFC 3416 §3): in every PDU,
/// and as the value of the configuration file's TLV 11 and TLV 64 (PKT-PROV1.5 §9.1: "encoded in
/// ASN.1 Basic Encoding Rules, just as it would be if part of an SNMP Set request"). Decoding
/// rejects the indefinite length form and constructed encodings of simple types (RFC 3417 §8);
/// encoding is minimal (DER).
/// </summary>
public sealed record VarBind
{
    public VarBind(ObjectIdentifier name, SnmpValue value)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public VarBind(string oid, SnmpValue value) : this(ObjectIdentifier.Parse(oid), value) { }

    public ObjectIdentifier Name { get; }
    /// <summary>The name in dotted form.</summary>
    public string Oid => Name.ToString();
    public SnmpValue Value { get; }

    /// <summary>Octets of the VarBind's minimal encoding, computed without encoding (GetBulk fills a response up to a size).</summary>
    public int EncodedLength
    {
        get
        {
            int name = Name.ContentLength;
            int content = 1 + BerHeader.LengthFieldSize(name) + name + Value.EncodedLength;
            return 1 + BerHeader.LengthFieldSize(content) + content;
        }
    }

    public byte[] Encode()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        WriteTo(w);
        return w.Encode();
    }

    public void WriteTo(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oid);
            Value.WriteTo(writer);
        }
    }

    /// <summary>Reads one VarBind at the reader's position (RFC 3416 §3 VarBind).</summary>
    public static VarBind Read(ref BerReader reader, SnmpValueSet values, string elementField = SnmpFields.VarBind)
    {
        var h = reader.PeekHeader(elementField, "the enclosing element ends before this VarBind");
        if (h.Tag != Asn1Tag.Sequence) throw reader.Error(elementField, $"a VarBind is a SEQUENCE (tag 0x30), found tag {BerHeader.Describe(h.Tag)}");
        var seq = reader.ReadSequence(elementField, "VarBind");
        if (!seq.HasData) throw seq.Error(SnmpFields.Name, "empty VarBind SEQUENCE: no name");
        var name = seq.ReadObjectIdentifier(SnmpFields.Name, "OBJECT IDENTIFIER of the VarBind name");
        if (!seq.HasData) throw seq.Error(SnmpFields.Value, $"VarBind {name} has no value");
        var value = SnmpValue.Read(ref seq, values);
        if (seq.HasData) throw seq.Error(elementField, $"{seq.Remaining} byte(s) after the VarBind value: a VarBind has exactly two elements");
        return new VarBind(name, value);
    }

    /// <summary>Decodes a VarBind that fills <paramref name="bytes"/> exactly; throws only <see cref="ParseError"/>.</summary>
    public static VarBind Decode(ReadOnlySpan<byte> bytes, int baseOffset = 0, VarBindContext? context = null)
    {
        context ??= VarBindContext.Snmp;
        var reader = new BerReader(bytes, context.Protocol, baseOffset, context.MinimalLengths);
        var varBind = Read(ref reader, context.Values, context.ElementField);
        if (reader.HasData) throw reader.Error(context.ElementField, $"{reader.Remaining} byte(s) after the VarBind SEQUENCE");
        return varBind;
    }

    /// <summary>Decodes, or returns null and a <see cref="ParseError"/> that points at the offending byte.</summary>
    public static VarBind? TryDecode(ReadOnlySpan<byte> bytes, int baseOffset, out ParseError? error) => TryDecode(bytes, baseOffset, VarBindContext.Snmp, out error);

    public static VarBind? TryDecode(ReadOnlySpan<byte> bytes, int baseOffset, VarBindContext context, out ParseError? error)
    {
        error = null;
        try { return Decode(bytes, baseOffset, context); }
        catch (ParseError e) { error = e; return null; }
    }

    /// <summary>"PKTC-IETF-MTA-MIB::pktcMtaDevEnabled.0 = INTEGER: 1" when the name is known.</summary>
    public override string ToString() => $"{MibNames.Describe(Name)} = {Value}";
}
