using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Steps.Management;

/// <summary>
/// MIB objects and values as feature files write them: an instance as descriptor and index ("pktcEUEDevSipPort.0",
/// "pktcEUEUsrIMPUId.1") or a dotted OID; a value by the object's SYNTAX: a named number ("createAndGo",
/// "publicIdentity", "true"), a number, a quoted string, octets in hex ("0x0000000673656372"), "a 300-character text"
/// (a fixed text of that length, the same every run), or "an empty string".
/// </summary>
public static partial class MibText
{
    [GeneratedRegex(@"^(?<name>[a-zA-Z][A-Za-z0-9-]*)(?:\.(?<index>\d+(?:\.\d+)*))?$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^an? (?<n>\d+)-character (?:text|SIP URI)$")]
    private static partial Regex LongText();

    /// <summary>The instance OID and the object it is an instance of (null for an OID no module of the suite names).</summary>
    public static (ObjectIdentifier Instance, MibObject? Object) Instance(string text)
    {
        text = text.Trim();
        if (ObjectIdentifier.TryParse(text.TrimStart('.'), out var oid) && char.IsDigit(text.TrimStart('.')[0]))
            return (oid!, MibNames.Lookup(oid!)?.Object);
        var m = Reference().Match(text);
        if (!m.Success) throw new ArgumentException($"'{text}' is neither a MIB instance (descriptor.index) nor an OID");
        string name = m.Groups["name"].Value;
        var obj = PreferredObject(name) ?? throw new ArgumentException($"'{name}' is not an object of the suite's MIB modules (harness/Protocols/Snmp/Mibs)");
        var index = m.Groups["index"].Success ? m.Groups["index"].Value.Split('.').Select(a => uint.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [0u];
        return (obj.InstanceId(index), obj);
    }

    /// <summary>
    /// By descriptor: the E-UE modules' own first, then RFC 4682's MTA MIB (6.4.2.1 bullet 4: the realm table without the
    /// realm name as index is RFC 4682's layout), then any other.
    /// </summary>
    static MibObject? PreferredObject(string name)
    {
        var all = MibNames.All.Where(o => o.Name == name).ToList();
        return all.FirstOrDefault(o => o.Module.StartsWith("CL-PKTC-EUE", StringComparison.Ordinal))
            ?? all.FirstOrDefault(o => o.Module == MibNames.IetfMta.Module)
            ?? all.FirstOrDefault();
    }

    /// <summary>The value <paramref name="text"/> denotes for <paramref name="obj"/> (by its SYNTAX; integers for an unknown object).</summary>
    public static SnmpValue Value(string text, MibObject? obj)
    {
        text = text.Trim();
        if (text == "an empty string") return SnmpValue.OctetString("");
        if (LongText().Match(text) is { Success: true } m) return SnmpValue.OctetString(FixedText(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)));
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') return SnmpValue.OctetString(text[1..^1]);
        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length % 2 == 0) return SnmpValue.OctetString(Convert.FromHexString(text[2..]));
        var syntax = obj?.Type;
        if (syntax?.Names is { } names && names.TryGetValue(text, out int named)) return syntax.BaseType == SnmpType.OctetString
            ? throw new ArgumentException($"'{text}' names a bit of {obj}: write BITS values as octets")
            : SnmpValue.Integer(named);
        if (text is "true" or "false") return SnmpValue.TruthValue(text == "true");
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n))
            return syntax?.BaseType switch
            {
                SnmpType.Gauge32 => SnmpValue.Gauge32(checked((uint)n)),
                SnmpType.Counter32 => SnmpValue.Counter32(checked((uint)n)),
                SnmpType.TimeTicks => SnmpValue.TimeTicks(checked((uint)n)),
                SnmpType.OctetString => SnmpValue.OctetString(text),
                _ => SnmpValue.Integer(n),
            };
        if (IPAddress.TryParse(text, out var ip) && syntax?.BaseType == SnmpType.OctetString) return SnmpValue.OctetString(ip.GetAddressBytes());
        if (syntax is null || syntax.BaseType == SnmpType.OctetString) return SnmpValue.OctetString(text);
        throw new ArgumentException($"'{text}' is not a value of {obj} ({syntax.Text})");
    }

    /// <summary>A printable text of exactly <paramref name="length"/> characters, the same in every run.</summary>
    public static string FixedText(int length)
    {
        const string head = "sip:", tail = "@example.net";
        if (length < head.Length + tail.Length + 1) return new string('x', length);
        var sb = new StringBuilder(head);
        for (int i = 0; sb.Length < length - tail.Length; i++) sb.Append((char)('a' + i % 26));
        return sb.Append(tail).ToString();
    }
}
