using System.Globalization;
using System.Text.RegularExpressions;

namespace EUeConformance.Protocols.Snmp.Mibs;

/// <summary>
/// What a SYNTAX clause allows, as an agent checks a SET against it (RFC 3416 §4.2.5 steps 3, 4, 6):
/// the base type (wrongType otherwise), the SIZE ranges of an OCTET STRING (wrongLength), the value
/// ranges or named numbers of a number (wrongValue). Textual conventions resolve to their SYNTAX
/// through <see cref="TextualConventions"/>, each with the document that defines it.
/// </summary>
public sealed partial record MibSyntax(SnmpType BaseType, string Text, IReadOnlyList<(long Min, long Max)>? Sizes, IReadOnlyList<(long Min, long Max)>? Values, IReadOnlyDictionary<string, int>? Names)
{
    /// <summary>Textual conventions the eUE MIBs use, by name: their SYNTAX and where it is defined.</summary>
    public static IReadOnlyDictionary<string, (string Syntax, string Source)> TextualConventions { get; } = new Dictionary<string, (string, string)>
    {
        ["TruthValue"] = ("INTEGER { true(1), false(2) }", "RFC 2579"),
        ["RowStatus"] = ("INTEGER { active(1), notInService(2), notReady(3), createAndGo(4), createAndWait(5), destroy(6) }", "RFC 2579"),
        ["StorageType"] = ("INTEGER { other(1), volatile(2), nonVolatile(3), permanent(4), readOnly(5) }", "RFC 2579"),
        ["DisplayString"] = ("OCTET STRING (SIZE (0..255))", "RFC 2579"),
        ["MacAddress"] = ("OCTET STRING (SIZE (6))", "RFC 2579"),
        ["PhysAddress"] = ("OCTET STRING", "RFC 2579"),
        ["DateAndTime"] = ("OCTET STRING (SIZE (8 | 11))", "RFC 2579"),
        ["TimeInterval"] = ("INTEGER (0..2147483647)", "RFC 2579"),
        ["TimeStamp"] = ("TimeTicks", "RFC 2579"),
        ["AutonomousType"] = ("OBJECT IDENTIFIER", "RFC 2579"),
        ["TDomain"] = ("OBJECT IDENTIFIER", "RFC 2579"),
        ["TAddress"] = ("OCTET STRING (SIZE (1..255))", "RFC 2579"),
        ["SnmpAdminString"] = ("OCTET STRING (SIZE (0..255))", "RFC 3411"),
        ["SnmpEngineID"] = ("OCTET STRING (SIZE(5..32))", "RFC 3411"),
        ["SnmpSecurityModel"] = ("INTEGER (0..2147483647)", "RFC 3411"),
        ["SnmpMessageProcessingModel"] = ("INTEGER (0..2147483647)", "RFC 3411"),
        ["SnmpSecurityLevel"] = ("INTEGER { noAuthNoPriv(1), authNoPriv(2), authPriv(3) }", "RFC 3411"),
        ["SnmpTagValue"] = ("OCTET STRING (SIZE (0..255))", "RFC 3413"),
        ["SnmpTagList"] = ("OCTET STRING (SIZE (0..255))", "RFC 3413"),
        ["InetAddressType"] = ("INTEGER { unknown(0), ipv4(1), ipv6(2), ipv4z(3), ipv6z(4), dns(16) }", "RFC 4001"),
        ["InetAddress"] = ("OCTET STRING (SIZE (0..255))", "RFC 4001"),
        ["InetAddressDNS"] = ("OCTET STRING (SIZE (1..255))", "RFC 4001"),
        ["InetPortNumber"] = ("Unsigned32 (0..65535)", "RFC 4001"),
        ["LongUtf8String"] = ("OCTET STRING (SIZE (0..1024))", "RFC 2287 SYSAPPL-MIB (not in shared/reference; the size is as remembered, not re-checked)"),
        ["DocsX509ASN1DEREncodedCertificate"] = ("OCTET STRING (SIZE (0..4096))", "RFC 4131 DOCS-IETF-BPI2-MIB"),
        ["X509Certificate"] = ("OCTET STRING (SIZE (0..4096))", "PKTC-MTA-MIB"),
        ["PktcMtaDevProvEncryptAlg"] = ("INTEGER { none (0), des64CbcMode (1), t3Des192CbcMode (2), aes128CbcMode (3), aes256CbcMode (4) }", "RFC 4682 PKTC-IETF-MTA-MIB"),
        ["PktcEUETCID"] = ("OCTET STRING(SIZE(0..1023))", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCIDType"] = ("INTEGER { other(1), gruu(2), publicIdentity(3), privateIdentity(4), publicPrivatePair(5), username(6), macaddress(7), packetcableIdentity(8) }", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCAdminStatus"] = ("INTEGER { active(1), inactive(2) }", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCOperStatus"] = ("INTEGER { active(1), inactive(2), notPresent(3), unknown(4) }", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCStatusInfo"] = ("OCTET STRING (SIZE(0..31))", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCUsrElementIndexType"] = ("Unsigned32 (0..63)", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCAppOrgIdentifier"] = ("Unsigned32", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCAppIdentifier"] = ("Unsigned32(1..127)", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCUsrAppIndexType"] = ("Unsigned32 (0..31)", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCCredsType"] = ("INTEGER { other(1), none(2), password(3), preSharedKey(4), certificate(5) }", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUETCCreds"] = ("OCTET STRING (SIZE (0..8192))", "CL-PKTC-EUE-TC-MIB"),
        ["PktcEUEDevSipProtID"] = ("INTEGER { other(1), udp(2), tcp(3), tls(4) }", "CL-PKTC-EUE-DEV-MIB"),
    };

    static readonly Dictionary<string, SnmpType> BaseTypes = new()
    {
        ["INTEGER"] = SnmpType.Integer, ["Integer32"] = SnmpType.Integer, ["Unsigned32"] = SnmpType.Gauge32, ["Gauge32"] = SnmpType.Gauge32,
        ["Counter32"] = SnmpType.Counter32, ["Counter64"] = SnmpType.Counter64, ["TimeTicks"] = SnmpType.TimeTicks, ["IpAddress"] = SnmpType.IpAddress,
        ["Opaque"] = SnmpType.Opaque, ["OCTET STRING"] = SnmpType.OctetString, ["OBJECT IDENTIFIER"] = SnmpType.ObjectIdentifier,
        // RFC 2578 §7.1.4: BITS is encoded as an OCTET STRING.
        ["BITS"] = SnmpType.OctetString,
    };

    [GeneratedRegex(@"^(OCTET STRING|OBJECT IDENTIFIER|[A-Za-z][A-Za-z0-9-]*)\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Head();
    [GeneratedRegex(@"([a-zA-Z][A-Za-z0-9-]*)\s*\(\s*(-?\d+)\s*\)")]
    private static partial Regex NamedNumber();

    /// <summary>Resolves a SYNTAX text (base type or textual convention, then a constraint); throws for one it does not know.</summary>
    public static MibSyntax Resolve(string text)
    {
        string t = text.Trim();
        var m = Head().Match(t);
        if (!m.Success) throw new ArgumentException($"SYNTAX '{text}' is not understood", nameof(text));
        string head = m.Groups[1].Value, rest = m.Groups[2].Value.Trim();
        MibSyntax basis;
        if (BaseTypes.TryGetValue(head, out var type)) basis = new MibSyntax(type, t, null, type == SnmpType.Integer && head == "Integer32" ? [(int.MinValue, int.MaxValue)] : null, null);
        else if (TextualConventions.TryGetValue(head, out var tc)) basis = Resolve(tc.Syntax) with { Text = t };
        else throw new ArgumentException($"SYNTAX '{text}': '{head}' is neither an SMI type nor a known textual convention", nameof(text));
        if (rest.Length == 0) return basis;

        if (rest.StartsWith('{'))
        {
            var names = NamedNumber().Matches(rest).ToDictionary(n => n.Groups[1].Value, n => int.Parse(n.Groups[2].Value, CultureInfo.InvariantCulture));
            if (head == "BITS") return basis with { Names = names };
            return basis with { Names = names, Values = names.Values.Select(v => ((long)v, (long)v)).ToList() };
        }
        string inner = rest.Trim('(', ')', ' ');
        bool size = inner.StartsWith("SIZE", StringComparison.Ordinal);
        if (size) inner = inner[4..].Trim().Trim('(', ')', ' ');
        var ranges = inner.Split('|').Select(r => r.Trim()).Select(r =>
        {
            var parts = r.Split("..");
            long lo = long.Parse(parts[0], CultureInfo.InvariantCulture);
            return (lo, parts.Length > 1 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : lo);
        }).ToList();
        return size ? basis with { Sizes = ranges } : basis with { Values = ranges };
    }

    /// <summary>
    /// The error a SET of <paramref name="value"/> meets, in RFC 3416 §4.2.5's order: wrongType (not
    /// the base type), wrongLength (an OCTET STRING size outside SIZE), wrongValue (a number outside
    /// its ranges or named numbers); noError when the value fits.
    /// </summary>
    public SnmpErrorStatus Check(SnmpValue value)
    {
        if (value.Type != BaseType) return SnmpErrorStatus.WrongType;
        if (Sizes is not null && !Sizes.Any(s => value.Bytes.Length >= s.Min && value.Bytes.Length <= s.Max)) return SnmpErrorStatus.WrongLength;
        if (Values is not null && value.IsNumber)
        {
            var n = value.Number;
            if (!Values.Any(r => n >= r.Min && n <= r.Max)) return SnmpErrorStatus.WrongValue;
        }
        return SnmpErrorStatus.NoError;
    }

    /// <summary>The named number's value (e.g. createAndGo → 4).</summary>
    public int this[string name] => Names is not null && Names.TryGetValue(name, out int v) ? v : throw new KeyNotFoundException($"'{name}' is not a named number of {Text}");

    public override string ToString() => Text;
}
