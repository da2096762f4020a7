using System.Numerics;
using System.Text.RegularExpressions;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>
/// Every VarBind our encoder writes, TLV 64 ones included (which tshark's docsis_tlv cannot read),
/// parsed by an independent BER decoder, `openssl asn1parse -inform DER`, whose printed OID and value
/// are compared with what was put in.
/// </summary>
public partial class OpensslVarBindTests
{
    sealed record Line(int Offset, int Depth, int HeaderLength, int Length, bool Constructed, string Tag, string Value);

    [GeneratedRegex(@"^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(prim|cons):\s(.*)$")]
    private static partial Regex LinePattern();

    static List<Line> AsnParse(byte[] der)
    {
        string path = Path.Combine(Repo.TempDir(), "varbind.der");
        File.WriteAllBytes(path, der);
        var (exit, stdout, stderr) = ExternalTool.Run(ExternalTool.OpenSsl, ["asn1parse", "-inform", "DER", "-in", path]);
        exit.Should().Be(0, stderr);
        var lines = new List<Line>();
        foreach (var raw in System.Text.Encoding.ASCII.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = LinePattern().Match(raw);
            m.Success.Should().BeTrue($"openssl printed '{raw}'");
            string rest = m.Groups[6].Value;
            // openssl pads the tag name to 18 columns and appends ":value" or "[HEX DUMP]:hex".
            string tag = (rest.Length > 18 ? rest[..18] : rest).Trim();
            string value = rest.Length > 18 ? rest[18..] : "";
            lines.Add(new(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value),
                int.Parse(m.Groups[4].Value), m.Groups[5].Value == "cons", tag, value));
        }
        return lines;
    }

    static string OpensslInteger(BigInteger n)
    {
        string hex = BigInteger.Abs(n).ToString("X").TrimStart('0');
        if (hex.Length == 0) hex = "0";
        if (hex.Length % 2 == 1) hex = "0" + hex;
        return (n.Sign < 0 ? ":-" : ":") + hex;
    }

    [Fact]
    public void Openssl_reads_each_varbind_as_a_SEQUENCE_of_our_OID_and_value()
    {
        int checkedCount = 0;
        foreach (var file in ConfigFileSamples.All())
        foreach (var tlv in file.Tlvs.Where(t => t.IsVarBind))
        {
            byte[] der = tlv.Value.ToArray();
            var vb = tlv.GetVarBind();
            var lines = AsnParse(der);
            lines.Should().HaveCount(3);

            var seq = lines[0];
            (seq.Offset, seq.Depth, seq.Constructed, seq.Tag).Should().Be((0, 0, true, "SEQUENCE"));
            (seq.HeaderLength + seq.Length).Should().Be(der.Length, "the VarBind fills the TLV");

            var name = lines[1];
            (name.Depth, name.Tag).Should().Be((1, "OBJECT"));
            name.Value.Should().Be(":" + vb.Oid);

            var value = lines[2];
            value.Depth.Should().Be(1);
            value.Constructed.Should().BeFalse();
            byte[] content = der.AsSpan(value.Offset + value.HeaderLength, value.Length).ToArray();
            switch (vb.Value.Type)
            {
                case SnmpType.Integer:
                    value.Tag.Should().Be("INTEGER");
                    value.Value.Should().Be(OpensslInteger(vb.Value.Number));
                    break;
                case SnmpType.OctetString:
                    value.Tag.Should().Be("OCTET STRING");
                    value.Value.Should().BeOneOf(":" + System.Text.Encoding.Latin1.GetString(vb.Value.Bytes), "[HEX DUMP]:" + Convert.ToHexString(vb.Value.Bytes));
                    break;
                case SnmpType.Null:
                    (value.Tag, value.Length).Should().Be(("NULL", 0));
                    break;
                case SnmpType.ObjectIdentifier:
                    value.Tag.Should().Be("OBJECT");
                    value.Value.Should().Be(":" + vb.Value.Oid);
                    break;
                default:
                {
                    // openssl names application tags but prints no value: check the tag and the content bytes.
                    int tagNumber = vb.Value.Type switch
                    {
                        SnmpType.IpAddress => 0, SnmpType.Counter32 => 1, SnmpType.Gauge32 => 2,
                        SnmpType.TimeTicks => 3, SnmpType.Opaque => 4, _ => 6,
                    };
                    value.Tag.Should().Be($"appl [ {tagNumber} ]");
                    if (vb.Value.Type is SnmpType.IpAddress or SnmpType.Opaque) content.Should().Equal(vb.Value.Bytes.ToArray());
                    else new BigInteger(content, isUnsigned: false, isBigEndian: true).Should().Be(vb.Value.Number);
                    break;
                }
            }
            checkedCount++;
        }
        checkedCount.Should().BeGreaterThan(20);
    }

    [Fact]
    public void Openssl_agrees_on_what_our_parser_refuses()
    {
        // A SEQUENCE whose length runs past the data: openssl fails too.
        byte[] overlong = Convert.FromHexString("300906012B020101");
        VarBind.TryDecode(overlong, 0, out _).Should().BeNull();
        string path = Path.Combine(Repo.TempDir(), "bad.der");
        File.WriteAllBytes(path, overlong);
        ExternalTool.Run(ExternalTool.OpenSsl, ["asn1parse", "-inform", "DER", "-in", path]).ExitCode.Should().NotBe(0);

        // An indefinite length: openssl (a BER reader here) shows it as l=inf; RFC 3417 §8 forbids it in SNMP, so we refuse.
        byte[] indefinite = Convert.FromHexString("308006012B0201010000");
        VarBind.TryDecode(indefinite, 0, out var error).Should().BeNull();
        error!.Problem.Should().Contain("indefinite");
        File.WriteAllBytes(path, indefinite);
        var (exit, stdout, _) = ExternalTool.Run(ExternalTool.OpenSsl, ["asn1parse", "-inform", "DER", "-in", path]);
        exit.Should().Be(0);
        System.Text.Encoding.ASCII.GetString(stdout).Should().Contain("l=inf");
    }
}
