namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>Hand-built BER for malformed-input tests: T("30", children…) wraps the children's hex in a tag and a minimal length.</summary>
static class Ber
{
    public static string T(string tag, params string[] content)
    {
        string c = string.Concat(content).Replace(" ", "");
        int n = c.Length / 2;
        return tag + (n < 128 ? n.ToString("x2") : n < 256 ? "81" + n.ToString("x2") : "82" + n.ToString("x4")) + c;
    }

    public static string Int(long v)
    {
        var bytes = new System.Numerics.BigInteger(v).ToByteArray(isUnsigned: false, isBigEndian: true);
        return T("02", Convert.ToHexString(bytes));
    }

    public static string Str(string s) => T("04", Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(s)));
    public const string SysDescr0 = "06082b06010201010100";
    public static string VarBind(string name, string value = "0500") => T("30", name, value);
    public static string Pdu(string tag, int requestId, string varBinds, long status = 0, long index = 0) => T(tag, Int(requestId), Int(status), Int(index), T("30", varBinds));
    public static string Community(int version, string pdu, string community = "public") => T("30", Int(version), Str(community), pdu);
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
}
