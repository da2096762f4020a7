using System.Globalization;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tls;

/// <summary>TLS record content types (RFC 5246 §6.2.1), with the names Wireshark gives them (tls.record.content_type).</summary>
public static class TlsContentType
{
    public const byte ChangeCipherSpec = 20, Alert = 21, Handshake = 22, ApplicationData = 23;

    public static string Name(byte type) => type switch
    {
        ChangeCipherSpec => "Change Cipher Spec",
        Alert => "Alert",
        Handshake => "Handshake",
        ApplicationData => "Application Data",
        _ => $"Unknown ({type})",
    };
}

/// <summary>Handshake message types (RFC 5246 §7.4), Wireshark's names (tls.handshake.type).</summary>
public static class TlsHandshakeType
{
    public const byte ClientHello = 1, ServerHello = 2, Certificate = 11, ServerKeyExchange = 12, CertificateRequest = 13, ServerHelloDone = 14,
        CertificateVerify = 15, ClientKeyExchange = 16, Finished = 20;

    public static string Name(byte type) => type switch
    {
        ClientHello => "Client Hello",
        ServerHello => "Server Hello",
        Certificate => "Certificate",
        ServerKeyExchange => "Server Key Exchange",
        CertificateRequest => "Certificate Request",
        ServerHelloDone => "Server Hello Done",
        CertificateVerify => "Certificate Verify",
        ClientKeyExchange => "Client Key Exchange",
        Finished => "Finished",
        _ => $"Unknown ({type})",
    };
}

/// <summary>Protocol versions on the wire (RFC 2246: 3.1; RFC 4346: 3.2; RFC 5246: 3.3), Wireshark's names.</summary>
public static class TlsVersion
{
    public const ushort Tls10 = 0x0301, Tls11 = 0x0302, Tls12 = 0x0303;

    public static string Name(ushort v) => v switch
    {
        0x0300 => "SSL 3.0",
        Tls10 => "TLS 1.0",
        Tls11 => "TLS 1.1",
        Tls12 => "TLS 1.2",
        0x0304 => "TLS 1.3",
        _ => $"Unknown (0x{v.ToString("x4", CultureInfo.InvariantCulture)})",
    };
}

/// <summary>Alert descriptions (RFC 5246 §7.2), Wireshark's names (tls.alert_message.desc).</summary>
public static class TlsAlert
{
    public const byte Warning = 1, Fatal = 2;
    public const byte CloseNotify = 0, UnexpectedMessage = 10, HandshakeFailure = 40, BadCertificate = 42, CertificateExpired = 45,
        CertificateUnknown = 46, IllegalParameter = 47, UnknownCa = 48, DecryptError = 51, InsufficientSecurity = 71, InternalError = 80;

    public static string Name(byte description) => description switch
    {
        CloseNotify => "Close Notify",
        UnexpectedMessage => "Unexpected Message",
        20 => "Bad Record MAC",
        HandshakeFailure => "Handshake Failure",
        BadCertificate => "Bad Certificate",
        43 => "Unsupported Certificate",
        44 => "Certificate Revoked",
        CertificateExpired => "Certificate Expired",
        CertificateUnknown => "Certificate Unknown",
        IllegalParameter => "Illegal Parameter",
        UnknownCa => "Unknown CA",
        50 => "Decode Error",
        DecryptError => "Decrypt Error",
        70 => "Protocol Version",
        InsufficientSecurity => "Insufficient Security",
        InternalError => "Internal Error",
        90 => "User Canceled",
        _ => $"Unknown ({description})",
    };
}

/// <summary>One TLS record (RFC 5246 §6.2.1): content type, legacy version, fragment.</summary>
public sealed record TlsRecord(byte ContentType, ushort Version, ReadOnlyMemory<byte> Fragment)
{
    public const string Protocol = "tls";
    public const int MaxFragment = 16384 + 2048;

    public byte[] Encode()
    {
        var b = new byte[5 + Fragment.Length];
        b[0] = ContentType;
        b[1] = (byte)(Version >> 8); b[2] = (byte)Version;
        b[3] = (byte)(Fragment.Length >> 8); b[4] = (byte)Fragment.Length;
        Fragment.Span.CopyTo(b.AsSpan(5));
        return b;
    }

    /// <summary>The first complete record at the start of <paramref name="data"/>, or null while incomplete; <paramref name="consumed"/> its length.</summary>
    public static TlsRecord? TryDecode(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        if (data.Length < 5) return null;
        byte type = data[0];
        if (type is < 20 or > 24) throw new ParseError(Protocol, 0, "tls.record.content_type", $"{type} is not a TLS content type");
        int length = (data[3] << 8) | data[4];
        if (length > MaxFragment) throw new ParseError(Protocol, 3, "tls.record.length", $"{length} exceeds 2^14 + 2048 (RFC 5246 §6.2.3)");
        if (data.Length < 5 + length) return null;
        consumed = 5 + length;
        return new TlsRecord(type, (ushort)((data[1] << 8) | data[2]), data.Slice(5, length).ToArray());
    }
}

/// <summary>One handshake message (RFC 5246 §7.4): type and body.</summary>
public sealed record TlsHandshake(byte Type, ReadOnlyMemory<byte> Body)
{
    public byte[] Encode()
    {
        var b = new byte[4 + Body.Length];
        b[0] = Type;
        b[1] = (byte)(Body.Length >> 16); b[2] = (byte)(Body.Length >> 8); b[3] = (byte)Body.Length;
        Body.Span.CopyTo(b.AsSpan(4));
        return b;
    }

    /// <summary>Splits the concatenated plaintext handshake fragments into messages; <paramref name="consumed"/> the bytes of whole messages.</summary>
    public static IReadOnlyList<TlsHandshake> Split(ReadOnlySpan<byte> stream, out int consumed)
    {
        var list = new List<TlsHandshake>();
        int at = 0;
        while (stream.Length - at >= 4)
        {
            int length = (stream[at + 1] << 16) | (stream[at + 2] << 8) | stream[at + 3];
            if (stream.Length - at - 4 < length) break;
            list.Add(new TlsHandshake(stream[at], stream.Slice(at + 4, length).ToArray()));
            at += 4 + length;
        }
        consumed = at;
        return list;
    }
}

/// <summary>A ClientHello (RFC 5246 §7.4.1.2) as the server sees it: what the client offers.</summary>
public sealed record TlsClientHello(ushort Version, ReadOnlyMemory<byte> Random, ReadOnlyMemory<byte> SessionId, IReadOnlyList<int> CipherSuites,
    IReadOnlyList<byte> CompressionMethods, IReadOnlyList<int> Extensions)
{
    public static TlsClientHello Decode(ReadOnlyMemory<byte> body)
    {
        var r = new Cursor(body.Span, "client_hello");
        ushort version = r.U16("tls.handshake.version");
        var random = r.Bytes(32, "tls.handshake.random").ToArray();
        var session = r.Bytes(r.U8("tls.handshake.session_id_length"), "tls.handshake.session_id").ToArray();
        int suitesLength = r.U16("tls.handshake.cipher_suites_length");
        if (suitesLength % 2 != 0 || suitesLength == 0) throw new ParseError(TlsRecord.Protocol, r.At, "tls.handshake.cipher_suites_length", $"{suitesLength} is not a positive even number");
        var suites = new List<int>();
        for (int i = 0; i < suitesLength / 2; i++) suites.Add(r.U16("tls.handshake.ciphersuite"));
        var compression = r.Bytes(r.U8("tls.handshake.comp_methods_length"), "tls.handshake.comp_method").ToArray().ToList();
        var extensions = r.Remaining > 0 ? ReadExtensionTypes(ref r) : [];
        return new TlsClientHello(version, random, session, suites, compression, extensions);
    }

    internal static List<int> ReadExtensionTypes(ref Cursor r)
    {
        int total = r.U16("tls.handshake.extensions_length");
        int end = r.At + total;
        var list = new List<int>();
        while (r.At < end)
        {
            list.Add(r.U16("tls.handshake.extension.type"));
            r.Bytes(r.U16("tls.handshake.extension.len"), "tls.handshake.extension.data");
        }
        return list;
    }
}

/// <summary>A ServerHello (RFC 5246 §7.4.1.3): what the server chose.</summary>
public sealed record TlsServerHello(ushort Version, ReadOnlyMemory<byte> Random, ReadOnlyMemory<byte> SessionId, int CipherSuite, byte Compression,
    IReadOnlyList<(int Type, byte[] Data)> Extensions)
{
    public static TlsServerHello Decode(ReadOnlyMemory<byte> body)
    {
        var r = new Cursor(body.Span, "server_hello");
        ushort version = r.U16("tls.handshake.version");
        var random = r.Bytes(32, "tls.handshake.random").ToArray();
        var session = r.Bytes(r.U8("tls.handshake.session_id_length"), "tls.handshake.session_id").ToArray();
        int suite = r.U16("tls.handshake.ciphersuite");
        byte compression = r.U8("tls.handshake.comp_method");
        var extensions = new List<(int, byte[])>();
        if (r.Remaining > 0)
        {
            int total = r.U16("tls.handshake.extensions_length");
            int end = r.At + total;
            while (r.At < end)
            {
                int type = r.U16("tls.handshake.extension.type");
                extensions.Add((type, r.Bytes(r.U16("tls.handshake.extension.len"), "tls.handshake.extension.data").ToArray()));
            }
        }
        return new TlsServerHello(version, random, session, suite, compression, extensions);
    }

    public byte[] EncodeBody()
    {
        var w = new List<byte> { (byte)(Version >> 8), (byte)Version };
        w.AddRange(Random.ToArray());
        w.Add((byte)SessionId.Length); w.AddRange(SessionId.ToArray());
        w.Add((byte)(CipherSuite >> 8)); w.Add((byte)CipherSuite);
        w.Add(Compression);
        if (Extensions.Count > 0)
        {
            var ext = new List<byte>();
            foreach (var (type, data) in Extensions)
            {
                ext.Add((byte)(type >> 8)); ext.Add((byte)type);
                ext.Add((byte)(data.Length >> 8)); ext.Add((byte)data.Length);
                ext.AddRange(data);
            }
            w.Add((byte)(ext.Count >> 8)); w.Add((byte)ext.Count);
            w.AddRange(ext);
        }
        return [.. w];
    }
}

/// <summary>A Certificate message (RFC 5246 §7.4.2 / §7.4.6): the DER certificates, sender's first.</summary>
public static class TlsCertificateMessage
{
    public static IReadOnlyList<byte[]> Decode(ReadOnlyMemory<byte> body)
    {
        var r = new Cursor(body.Span, "certificate");
        int total = r.U24("tls.handshake.certificates_length");
        int end = r.At + total;
        var list = new List<byte[]>();
        while (r.At < end) list.Add(r.Bytes(r.U24("tls.handshake.certificate_length"), "tls.handshake.certificate").ToArray());
        return list;
    }

    public static byte[] EncodeBody(IReadOnlyList<byte[]> chain)
    {
        int total = chain.Sum(c => 3 + c.Length);
        var w = new List<byte> { (byte)(total >> 16), (byte)(total >> 8), (byte)total };
        foreach (var c in chain) { w.Add((byte)(c.Length >> 16)); w.Add((byte)(c.Length >> 8)); w.Add((byte)c.Length); w.AddRange(c); }
        return [.. w];
    }
}

/// <summary>A CertificateRequest (RFC 2246 §7.4.4; RFC 5246 §7.4.4 adds supported_signature_algorithms): rsa_sign, no CA names.</summary>
public static class TlsCertificateRequest
{
    public static byte[] EncodeBody(ushort version)
    {
        var w = new List<byte> { 1, 1 }; // certificate_types: rsa_sign(1)
        if (version >= TlsVersion.Tls12) w.AddRange(new byte[] { 0x00, 0x04, 0x04, 0x01, 0x02, 0x01 }); // sha256+rsa, sha1+rsa
        w.AddRange(new byte[] { 0x00, 0x00 }); // certificate_authorities: none
        return [.. w];
    }
}

/// <summary>A big-endian reader that fails with the Wireshark field name and offset.</summary>
internal ref struct Cursor(ReadOnlySpan<byte> data, string what)
{
    readonly ReadOnlySpan<byte> _data = data;
    public int At { get; private set; }
    public readonly int Remaining => _data.Length - At;

    readonly void Need(int n, string field)
    {
        if (Remaining < n) throw new ParseError(TlsRecord.Protocol, At, field, $"{what} ends after {Remaining} of {n} bytes");
    }

    public byte U8(string field) { Need(1, field); return _data[At++]; }
    public ushort U16(string field) { Need(2, field); var v = (ushort)((_data[At] << 8) | _data[At + 1]); At += 2; return v; }
    public int U24(string field) { Need(3, field); int v = (_data[At] << 16) | (_data[At + 1] << 8) | _data[At + 2]; At += 3; return v; }
    public ReadOnlySpan<byte> Bytes(int n, string field) { Need(n, field); var s = _data.Slice(At, n); At += n; return s; }
}
