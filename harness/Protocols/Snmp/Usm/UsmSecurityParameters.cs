using System.Buffers;
using System.Formats.Asn1;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// The User-based Security Model's msgSecurityParameters (RFC 3414 §2.4):
/// <code>
/// UsmSecurityParameters ::= SEQUENCE {
///     msgAuthoritativeEngineID     OCTET STRING,
///     msgAuthoritativeEngineBoots  INTEGER (0..2147483647),
///     msgAuthoritativeEngineTime   INTEGER (0..2147483647),
///     msgUserName                  OCTET STRING (SIZE(0..32)),
///     msgAuthenticationParameters  OCTET STRING,
///     msgPrivacyParameters         OCTET STRING }
/// </code>
/// The SNMPv3 message carries this SEQUENCE's BER encoding as the content of its msgSecurityParameters
/// OCTET STRING. Decoding accepts BER as RFC 3417 §8 restricts it (definite lengths, long form allowed;
/// primitive INTEGER and OCTET STRING) and throws only <see cref="ParseError"/>; encoding is minimal (DER).
/// Both directions report where the msgAuthenticationParameters content sits, because HMAC-96 is
/// computed over the whole message with those 12 octets zeroed and then written into that place.
/// </summary>
public sealed record UsmSecurityParameters
{
    /// <summary>RFC 3414 §2.4: msgUserName OCTET STRING (SIZE(0..32)).</summary>
    public const int MaxUserNameLength = 32;
    /// <summary>RFC 3411 §5 SnmpEngineID: OCTET STRING (SIZE(5..32)); RFC 3414 §4 adds the zero-length ID of discovery.</summary>
    public const int MinEngineIdLength = 5;
    public const int MaxEngineIdLength = 32;
    /// <summary>RFC 3414 §2.4: msgAuthoritativeEngineBoots/Time INTEGER (0..2147483647).</summary>
    public const int MaxEngineValue = int.MaxValue;

    public UsmSecurityParameters(byte[] authoritativeEngineId, int authoritativeEngineBoots, int authoritativeEngineTime,
        byte[] userName, byte[] authenticationParameters, byte[] privacyParameters)
    {
        ArgumentNullException.ThrowIfNull(authoritativeEngineId);
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(authenticationParameters);
        ArgumentNullException.ThrowIfNull(privacyParameters);
        if (EngineIdProblem(authoritativeEngineId.Length) is { } idProblem) throw new ArgumentException(idProblem, nameof(authoritativeEngineId));
        ArgumentOutOfRangeException.ThrowIfNegative(authoritativeEngineBoots);
        ArgumentOutOfRangeException.ThrowIfNegative(authoritativeEngineTime);
        if (userName.Length > MaxUserNameLength) throw new ArgumentException($"msgUserName is at most {MaxUserNameLength} octets, not {userName.Length} (RFC 3414 §2.4)", nameof(userName));
        AuthoritativeEngineId = authoritativeEngineId;
        AuthoritativeEngineBoots = authoritativeEngineBoots;
        AuthoritativeEngineTime = authoritativeEngineTime;
        UserName = userName;
        AuthenticationParameters = authenticationParameters;
        PrivacyParameters = privacyParameters;
    }

    public byte[] AuthoritativeEngineId { get; }
    public int AuthoritativeEngineBoots { get; }
    public int AuthoritativeEngineTime { get; }
    /// <summary>The user name's octets (an SnmpAdminString, UTF-8); see <see cref="UserNameText"/>.</summary>
    public byte[] UserName { get; }
    public byte[] AuthenticationParameters { get; }
    public byte[] PrivacyParameters { get; }

    public string UserNameText => Encoding.UTF8.GetString(UserName);

    /// <summary>Same fields with other authentication/privacy parameters (e.g. the 12 zero octets before signing).</summary>
    public UsmSecurityParameters WithAuthenticationParameters(byte[] authenticationParameters) =>
        new(AuthoritativeEngineId, AuthoritativeEngineBoots, AuthoritativeEngineTime, UserName, authenticationParameters, PrivacyParameters);

    internal static string? EngineIdProblem(int length) =>
        length == 0 || length is >= MinEngineIdLength and <= MaxEngineIdLength ? null
            : $"an snmpEngineID is {MinEngineIdLength}..{MaxEngineIdLength} octets (RFC 3411 §5), or empty for discovery (RFC 3414 §4); this one is {length}";

    // ---------------------------------------------------------------- encoding

    /// <summary>The minimal BER (DER) encoding of the SEQUENCE: the content of msgSecurityParameters.</summary>
    public byte[] Encode() => Encode(out _);

    /// <summary>
    /// The encoding, and the offset within it of the msgAuthenticationParameters content (the 12
    /// octets HMAC-96 fills). The message codec adds the offset of the msgSecurityParameters content
    /// within the whole message to get the offset <see cref="UsmAuthProtocol.Sign"/> takes.
    /// </summary>
    public byte[] Encode(out int authenticationParametersOffset)
    {
        var w = Writer();
        byte[] bytes = w.Encode();
        authenticationParametersOffset = LocateAuthenticationParameters(bytes);
        return bytes;
    }

    /// <summary>Writes the encoding; returns the offset of the msgAuthenticationParameters content relative to its start.</summary>
    public int Encode(IBufferWriter<byte> destination)
    {
        var w = Writer();
        int length = w.GetEncodedLength();
        var span = destination.GetSpan(length)[..length];
        w.Encode(span);
        int offset = LocateAuthenticationParameters(span);
        destination.Advance(length);
        return offset;
    }

    AsnWriter Writer()
    {
        var w = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 64 + AuthoritativeEngineId.Length + UserName.Length + AuthenticationParameters.Length + PrivacyParameters.Length);
        using (w.PushSequence())
        {
            w.WriteOctetString(AuthoritativeEngineId);
            w.WriteInteger(AuthoritativeEngineBoots);
            w.WriteInteger(AuthoritativeEngineTime);
            w.WriteOctetString(UserName);
            w.WriteOctetString(AuthenticationParameters);
            w.WriteOctetString(PrivacyParameters);
        }
        return w;
    }

    /// <summary>Walks our own (well-formed) encoding to the fifth element's content.</summary>
    static int LocateAuthenticationParameters(ReadOnlySpan<byte> encoded)
    {
        var seq = BerHeader.TryRead(encoded, out _)!.Value;
        int at = seq.HeaderLength;
        for (int i = 0; i < 4; i++) at += BerHeader.TryRead(encoded[at..], out _)!.Value.TotalLength;
        return at + BerHeader.TryRead(encoded[at..], out _)!.Value.HeaderLength;
    }

    // ---------------------------------------------------------------- decoding

    /// <summary>Decodes an encoding that fills <paramref name="encoded"/> exactly; throws only <see cref="ParseError"/>.</summary>
    public static UsmSecurityParameters Decode(ReadOnlySpan<byte> encoded, int baseOffset = 0) => Decode(encoded, baseOffset, out _);

    /// <summary>
    /// Decodes, and gives the absolute offset (<paramref name="baseOffset"/> + position) of the
    /// msgAuthenticationParameters content. With <paramref name="baseOffset"/> = the offset of the
    /// msgSecurityParameters content in the whole message, that is the offset
    /// <see cref="UsmAuthProtocol.Verify"/> takes. Offsets in a <see cref="ParseError"/> are absolute too.
    /// </summary>
    public static UsmSecurityParameters Decode(ReadOnlySpan<byte> encoded, int baseOffset, out int authenticationParametersOffset) =>
        Decode(encoded, baseOffset, minimalLengths: false, out authenticationParametersOffset);

    /// <summary>As above; with <paramref name="minimalLengths"/> a longer-than-needed length is a ParseError too (the codec's strict profile).</summary>
    public static UsmSecurityParameters Decode(ReadOnlySpan<byte> encoded, int baseOffset, bool minimalLengths, out int authenticationParametersOffset)
    {
        var r = new Reader(encoded, baseOffset, minimalLengths);
        var seq = r.Header(0, encoded, UsmFields.SecurityParameters);
        if (seq.Tag != Asn1Tag.Sequence)
            throw r.Fail(0, UsmFields.SecurityParameters, $"UsmSecurityParameters is a SEQUENCE (tag 0x30), found {BerHeader.Describe(seq.Tag)} (RFC 3414 §2.4)");
        int end = seq.TotalLength;
        if (end < encoded.Length)
            throw r.Fail(end, UsmFields.SecurityParameters, $"{encoded.Length - end} byte(s) after the UsmSecurityParameters SEQUENCE");
        var body = encoded[..end];
        int at = seq.HeaderLength;

        var engineId = r.OctetString(body, ref at, UsmFields.AuthoritativeEngineId, out int engineIdAt);
        if (EngineIdProblem(engineId.Length) is { } idProblem) throw r.Fail(engineIdAt, UsmFields.AuthoritativeEngineId, idProblem);
        int boots = r.Integer(body, ref at, UsmFields.AuthoritativeEngineBoots);
        int time = r.Integer(body, ref at, UsmFields.AuthoritativeEngineTime);
        var userName = r.OctetString(body, ref at, UsmFields.UserName, out int userAt);
        if (userName.Length > MaxUserNameLength)
            throw r.Fail(userAt, UsmFields.UserName, $"msgUserName is at most {MaxUserNameLength} octets (RFC 3414 §2.4), this one is {userName.Length}");
        var auth = r.OctetString(body, ref at, UsmFields.AuthenticationParameters, out int authAt);
        var priv = r.OctetString(body, ref at, UsmFields.PrivacyParameters, out _);
        if (at < end)
            throw r.Fail(at, UsmFields.SecurityParameters, $"{end - at} byte(s) after msgPrivacyParameters: UsmSecurityParameters has exactly six elements (RFC 3414 §2.4)");

        // authAt is the start of the element; its content follows the header.
        authenticationParametersOffset = baseOffset + authAt + (BerHeader.TryRead(body[authAt..], out _)!.Value.HeaderLength);
        return new UsmSecurityParameters(engineId.ToArray(), boots, time, userName.ToArray(), auth.ToArray(), priv.ToArray());
    }

    readonly ref struct Reader(ReadOnlySpan<byte> all, int baseOffset, bool minimalLengths)
    {
        readonly int _length = all.Length;

        public ParseError Fail(int at, string field, string problem) => new(UsmFields.Protocol, baseOffset + at, field, problem);

        public BerHeader Header(int at, ReadOnlySpan<byte> within, string field)
        {
            if (at >= within.Length)
                throw Fail(at, field, at >= _length ? "the input ends before this element" : "the SEQUENCE ends before this element");
            return BerHeader.TryRead(within[at..], minimalLengths, out string? problem) ?? throw Fail(at, field, problem!);
        }

        public ReadOnlySpan<byte> OctetString(ReadOnlySpan<byte> body, ref int at, string field, out int elementAt)
        {
            elementAt = at;
            var h = Header(at, body, field);
            if (h.Tag == Asn1Tag.ConstructedOctetString)
                throw Fail(at, field, "constructed OCTET STRING: SNMP uses the primitive form for simple types (RFC 3417 §8)");
            if (h.Tag != Asn1Tag.PrimitiveOctetString)
                throw Fail(at, field, $"expected an OCTET STRING (tag 0x04), found {BerHeader.Describe(h.Tag)}");
            var content = body.Slice(at + h.HeaderLength, h.ContentLength);
            at += h.TotalLength;
            return content;
        }

        public int Integer(ReadOnlySpan<byte> body, ref int at, string field)
        {
            var h = Header(at, body, field);
            if (h.Tag.IsConstructed && h.Tag.TagClass == TagClass.Universal && h.Tag.TagValue == (int)UniversalTagNumber.Integer)
                throw Fail(at, field, "constructed INTEGER: SNMP uses the primitive form for simple types (RFC 3417 §8)");
            if (h.Tag != Asn1Tag.Integer)
                throw Fail(at, field, $"expected an INTEGER (tag 0x02), found {BerHeader.Describe(h.Tag)}");
            var element = body.Slice(at, h.TotalLength);
            bool fits;
            int value;
            try { fits = AsnDecoder.TryReadInt32(element, AsnEncodingRules.BER, out value, out _); }
            catch (AsnContentException e) { throw Fail(at, field, $"invalid INTEGER: {e.Message}"); }
            if (!fits || value < 0)
                throw Fail(at, field, $"out of range: INTEGER (0..2147483647) (RFC 3414 §2.4), found {new System.Numerics.BigInteger(body.Slice(at + h.HeaderLength, h.ContentLength), isUnsigned: false, isBigEndian: true)}");
            at += h.TotalLength;
            return value;
        }
    }

    // ---------------------------------------------------------------- equality and evidence

    public bool Equals(UsmSecurityParameters? other) =>
        other is not null && AuthoritativeEngineBoots == other.AuthoritativeEngineBoots && AuthoritativeEngineTime == other.AuthoritativeEngineTime
        && AuthoritativeEngineId.AsSpan().SequenceEqual(other.AuthoritativeEngineId) && UserName.AsSpan().SequenceEqual(other.UserName)
        && AuthenticationParameters.AsSpan().SequenceEqual(other.AuthenticationParameters) && PrivacyParameters.AsSpan().SequenceEqual(other.PrivacyParameters);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(AuthoritativeEngineBoots);
        h.Add(AuthoritativeEngineTime);
        h.AddBytes(AuthoritativeEngineId);
        h.AddBytes(UserName);
        h.AddBytes(AuthenticationParameters);
        h.AddBytes(PrivacyParameters);
        return h.ToHashCode();
    }

    public override string ToString() =>
        $"msgAuthoritativeEngineID={Hex(AuthoritativeEngineId)} msgAuthoritativeEngineBoots={AuthoritativeEngineBoots} msgAuthoritativeEngineTime={AuthoritativeEngineTime} " +
        $"msgUserName=\"{UserNameText}\" msgAuthenticationParameters={Hex(AuthenticationParameters)} msgPrivacyParameters={Hex(PrivacyParameters)}";

    static string Hex(byte[] b) => b.Length == 0 ? "(empty)" : Convert.ToHexString(b).ToLowerInvariant();
}
