using System.Globalization;

namespace EUeConformance.Protocols.Tls;

/// <summary>
/// TLS cipher suite code points (IANA "TLS Cipher Suites" registry; RFC 2246 Appendix A.5, RFC 3268, RFC 5246 Appendix A.5)
/// with the names Wireshark's TLS dissector shows (field tls.handshake.ciphersuite), and the two properties EUE-PROV 6.6.5
/// cares about: NULL bulk encryption and NULL integrity (MAC).
/// </summary>
public static class CipherSuites
{
    public const int TlsNullWithNullNull = 0x0000;
    public const int TlsRsaWithNullMd5 = 0x0001;
    public const int TlsRsaWithNullSha = 0x0002;
    public const int TlsRsaWith3DesEdeCbcSha = 0x000A;
    public const int TlsRsaWithAes128CbcSha = 0x002F;
    public const int TlsRsaWithAes256CbcSha = 0x0035;
    public const int TlsRsaWithNullSha256 = 0x003B;
    public const int TlsEmptyRenegotiationInfoScsv = 0x00FF;

    static readonly Dictionary<int, string> Names = new()
    {
        [0x0000] = "TLS_NULL_WITH_NULL_NULL",
        [0x0001] = "TLS_RSA_WITH_NULL_MD5",
        [0x0002] = "TLS_RSA_WITH_NULL_SHA",
        [0x0004] = "TLS_RSA_WITH_RC4_128_MD5",
        [0x0005] = "TLS_RSA_WITH_RC4_128_SHA",
        [0x0009] = "TLS_RSA_WITH_DES_CBC_SHA",
        [0x000A] = "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        [0x0016] = "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
        [0x002C] = "TLS_PSK_WITH_NULL_SHA",
        [0x002D] = "TLS_DHE_PSK_WITH_NULL_SHA",
        [0x002E] = "TLS_RSA_PSK_WITH_NULL_SHA",
        [0x002F] = "TLS_RSA_WITH_AES_128_CBC_SHA",
        [0x0033] = "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
        [0x0035] = "TLS_RSA_WITH_AES_256_CBC_SHA",
        [0x0039] = "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
        [0x003B] = "TLS_RSA_WITH_NULL_SHA256",
        [0x003C] = "TLS_RSA_WITH_AES_128_CBC_SHA256",
        [0x003D] = "TLS_RSA_WITH_AES_256_CBC_SHA256",
        [0x0067] = "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
        [0x006B] = "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
        [0x009C] = "TLS_RSA_WITH_AES_128_GCM_SHA256",
        [0x009D] = "TLS_RSA_WITH_AES_256_GCM_SHA384",
        [0x009E] = "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        [0x009F] = "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
        [0x00B0] = "TLS_PSK_WITH_NULL_SHA256",
        [0x00B1] = "TLS_PSK_WITH_NULL_SHA384",
        [0x00FF] = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
        [0x1301] = "TLS_AES_128_GCM_SHA256",
        [0x1302] = "TLS_AES_256_GCM_SHA384",
        [0x1303] = "TLS_CHACHA20_POLY1305_SHA256",
        [0x5600] = "TLS_FALLBACK_SCSV",
        [0xC001] = "TLS_ECDH_ECDSA_WITH_NULL_SHA",
        [0xC006] = "TLS_ECDHE_ECDSA_WITH_NULL_SHA",
        [0xC009] = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        [0xC00A] = "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        [0xC00B] = "TLS_ECDH_RSA_WITH_NULL_SHA",
        [0xC010] = "TLS_ECDHE_RSA_WITH_NULL_SHA",
        [0xC012] = "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
        [0xC013] = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        [0xC014] = "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        [0xC015] = "TLS_ECDH_anon_WITH_NULL_SHA",
        [0xC023] = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        [0xC027] = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        [0xC02B] = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        [0xC02C] = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        [0xC02F] = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        [0xC030] = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        [0xC039] = "TLS_ECDHE_PSK_WITH_NULL_SHA",
        [0xC03A] = "TLS_ECDHE_PSK_WITH_NULL_SHA256",
        [0xC03B] = "TLS_ECDHE_PSK_WITH_NULL_SHA384",
        [0xCCA8] = "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        [0xCCA9] = "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    };

    /// <summary>Suites whose bulk cipher is NULL (the registry's "_WITH_NULL_" suites).</summary>
    static readonly HashSet<int> NullEncryption =
        [0x0000, 0x0001, 0x0002, 0x002C, 0x002D, 0x002E, 0x003B, 0x00B0, 0x00B1, 0x00B4, 0x00B5, 0x00B8, 0x00B9,
         0xC001, 0xC006, 0xC00B, 0xC010, 0xC015, 0xC039, 0xC03A, 0xC03B];

    /// <summary>The name as Wireshark shows it ("Unknown (0x1234)" when neither knows it).</summary>
    public static string Name(int suite) => Names.TryGetValue(suite, out var n) ? n : $"Unknown (0x{suite:x4})";

    /// <summary>The code point of a suite by its name; null when this table does not know the name.</summary>
    public static int? Code(string name) => Names.Where(p => p.Value == name).Select(p => (int?)p.Key).FirstOrDefault();

    /// <summary>Wireshark's rendering of the field: "TLS_RSA_WITH_AES_128_CBC_SHA (0x002f)".</summary>
    public static string Describe(int suite) => $"{Name(suite)} (0x{suite.ToString("x4", CultureInfo.InvariantCulture)})";

    /// <summary>EUE-PROV 6.6.5 bullet 2: a suite with NULL encryption.</summary>
    public static bool HasNullEncryption(int suite) => NullEncryption.Contains(suite);

    /// <summary>EUE-PROV 6.6.5 bullet 3: a suite with NULL integrity protection; in the TLS 1.0-1.2 registry only TLS_NULL_WITH_NULL_NULL.</summary>
    public static bool HasNullMac(int suite) => suite == TlsNullWithNullNull;

    /// <summary>Signalling values that are not suites (RFC 5746 §3.3, RFC 7507).</summary>
    public static bool IsSignallingValue(int suite) => suite is TlsEmptyRenegotiationInfoScsv or 0x5600;
}
