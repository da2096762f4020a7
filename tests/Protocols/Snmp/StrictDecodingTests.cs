using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Snmp.Ber;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// Strict decoding: every malformed message is a ParseError that names the Wireshark field and the
/// offset of the first offending element (found here by locating the culprit's bytes in the
/// message), and nothing else is ever thrown.
/// </summary>
public class StrictDecodingTests
{
    static readonly string Get = Pdu("a0", 1, VarBind(SysDescr0));
    static readonly string V2cGet = Community(1, Get);

    static string V3(string flags = "04", string maxSize = "020300ffe3", string model = "020103", string data = "")
    {
        string usm = T("30", "0400", "020100", "020100", "0400", "0400", "0400");
        string scoped = data.Length > 0 ? data : T("30", "0400", "0400", Pdu("a0", 7, ""));
        return T("30", Int(3), T("30", Int(99), maxSize, T("04", flags), model), T("04", usm), scoped);
    }

    static string Deep(int depth) => depth == 0 ? "0500" : T("30", Deep(depth - 1));

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, message, culprit (its offset is the expected one; with a '|', the offset of what follows it), field, problem
        { "empty datagram", "", "", "snmp", "empty" },
        { "indefinite length", "3080" + V2cGet[4..] + "0000", "3080", "snmp", "indefinite" },
        { "longer-than-minimal length", "3081" + V2cGet[2..], "3081", "snmp", "not the minimal" },
        { "a 5-octet length field", "30850000000029" + V2cGet[4..], "3085", "snmp", "5 octets" },
        { "a length past the end", "3040" + V2cGet[4..], "3040", "snmp", "runs past" },
        { "bytes after the message", V2cGet + "deadbeef", "deadbeef", "snmp", "after the message" },
        { "version 2 (SNMPv2u)", Community(2, Get), "020102", "snmp.version", "snmpInBadVersions" },
        { "version in 2 octets", T("30", "02020001", Str("public"), Get), "02020001", "snmp.version", "fewest octets" },
        { "community not an OCTET STRING", T("30", Int(1), Int(5), Get), "020105", "snmp.community", "OCTET STRING" },
        { "PDU tag [9]", Community(1, Pdu("a9", 1, VarBind(SysDescr0))), "a9", "snmp.data", "context tag" },
        { "GetBulk in SNMPv1", Community(0, Pdu("a5", 1, VarBind(SysDescr0))), "a5", "snmp.data", "SNMPv2 PDU" },
        { "Trap-PDU in SNMPv2c", Community(1, T("a4", "06022b06", T("40", "0a000001"), Int(6), Int(1), T("43", "01"), T("30", ""))), "a4", "snmp.data", "obsolete" },
        { "request-id beyond Integer32", Community(1, T("a0", "02050100000000", Int(0), Int(0), T("30", ""))), "02050100000000", "snmp.request_id", "outside" },
        { "error-status 19", Community(1, Pdu("a2", 1, "", status: 19)), "020113", "snmp.error_status", "outside 0..18" },
        { "SNMPv1 error-status 6 (noAccess)", Community(0, Pdu("a2", 1, "", status: 6)), "020106", "snmp.error_status", "outside 0..5" },
        { "negative error-index", Community(1, Pdu("a2", 1, "", index: -1)), "0201ff", "snmp.error_index", "outside" },
        { "negative non-repeaters", Community(1, T("a5", Int(1), "0201fe", Int(5), T("30", ""))), "0201fe", "snmp.non_repeaters", "outside" },
        { "a name of 129 arcs", Community(1, Pdu("a0", 1, VarBind(T("06", "2b" + string.Concat(Enumerable.Repeat("01", 128)))))), "0681", "snmp.name", "more than 128" },
        { "a name arc of 2^32", Community(1, Pdu("a0", 1, VarBind("06062b9080808000"))), "06062b9080808000", "snmp.name", "exceeds 2^32-1" },
        { "a name sub-identifier with a leading 0x80", Community(1, Pdu("a0", 1, VarBind("06032b8001"))), "06032b8001", "snmp.name", "0x80" },
        { "a name ending inside a sub-identifier", Community(1, Pdu("a0", 1, VarBind("06022b81"))), "06022b81", "snmp.name", "ends inside" },
        { "an empty name", Community(1, Pdu("a0", 1, VarBind("0600"))), "0600", "snmp.name", "empty" },
        { "noSuchObject in a GetRequest", Community(1, Pdu("a0", 1, VarBind(SysDescr0, "8000"))), "8000", "snmp.value", "only a v2 Response" },
        { "Counter64 in SNMPv1", Community(0, Pdu("a2", 1, VarBind(SysDescr0, "460101"))), "460101", "snmp.value", "SMIv2" },
        { "a constructed OCTET STRING value", Community(1, Pdu("a3", 1, VarBind(SysDescr0, "2403040141"))), "2403040141", "snmp.value", "constructed" },
        { "200 nested SEQUENCEs as a value", Community(1, Pdu("a3", 1, VarBind(SysDescr0, Deep(200)))), SysDescr0 + "|" + Deep(200)[..8], "snmp.value", "constructed" },
        { "a NULL with content", Community(1, Pdu("a0", 1, VarBind(SysDescr0, "050100"))), "050100", "snmp.value", "NULL has none" },
        { "an INTEGER value of 5 octets", Community(1, Pdu("a3", 1, VarBind(SysDescr0, "02050100000000"))), "02050100000000", "snmp.value", "Integer32" },
        { "an IpAddress of 5 octets", Community(1, Pdu("a3", 1, VarBind(SysDescr0, "40050a00000100"))), "40050a00000100", "snmp.value", "not 4" },
        { "variable-bindings not a SEQUENCE", Community(1, T("a0", Int(1), Int(0), Int(0), "0400")), "0400", "snmp.variable_bindings", "SEQUENCE" },
        { "a fifth PDU field", Community(1, T("a0", Int(1), Int(0), Int(0), T("30", ""), "0500")), "0500", "snmp.data", "after the last element" },
        { "a VarBind with a third element", Community(1, Pdu("a0", 1, T("30", SysDescr0, "0500", "0201ff"))), "0201ff", "snmp.VarBind_element", "exactly two" },
        { "msgFlags of 2 octets", V3(flags: "0400"), "04020400", "snmp.msgFlags", "SIZE(1)" },
        { "msgMaxSize 483", V3(maxSize: "020201e3"), "020201e3", "snmp.msgMaxSize", "484" },
        { "msgSecurityModel 0", V3(model: "020100"), "020100" + "04", "snmp.msgSecurityModel", "outside 1" },
        { "privFlag with a plaintext ScopedPDU", V3(flags: "07"), "3011", "snmp.msgData", "encryptedPDU" },
        { "a ScopedPDU with a GetBulk of negative max-repetitions", V3(data: T("30", "0400", "0400", T("a5", Int(7), Int(0), "0201ff", T("30", "")))), "0201ff", "snmp.max_repetitions", "outside" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_message_is_a_ParseError_at_the_first_offending_element(string name, string hex, string culprit, string field, string why)
    {
        byte[] message = Bytes(hex);
        string[] parts = culprit.Split('|');
        int expected = culprit.Length == 0 ? 0 : IndexOf(message, Bytes(culprit.Replace("|", "")));
        if (parts.Length == 2 && expected >= 0) expected += parts[0].Length / 2;
        expected.Should().BeGreaterThanOrEqualTo(0, $"the culprit {culprit} is in {hex}");
        var error = FluentActions.Invoking(() => SnmpMessage.Decode(message)).Should().Throw<ParseError>($"{name} is malformed").Which;
        (error.Protocol, error.Offset, error.Field).Should().Be(("snmp", expected, field), error.Message);
        error.Problem.Should().Contain(why);
    }

    /// <summary>The culprit's first occurrence (the msgSecurityModel case adds the next octet to tell it from the USM's INTEGERs).</summary>
    static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    [Fact]
    public void RFC_3417_lets_a_sender_use_a_longer_length_form_and_that_profile_accepts_it()
    {
        byte[] longForm = Bytes("308200" + V2cGet[2..]);
        var lenient = SnmpMessage.Decode(longForm, SnmpDecodeOptions.Rfc3417);
        ((Pdu)((CommunityMessage)lenient).Pdu).VarBinds.Single().Oid.Should().Be("1.3.6.1.2.1.1.1.0");
        lenient.Encode().Should().Equal(Bytes(V2cGet), "our encoder always writes the minimal form");
        FluentActions.Invoking(() => SnmpMessage.Decode(longForm)).Should().Throw<ParseError>().Which.Offset.Should().Be(0);
    }

    [Fact]
    public void A_message_cut_anywhere_is_a_ParseError_inside_the_input()
    {
        byte[] whole = Bytes(V2cGet);
        for (int n = 0; n < whole.Length; n++)
        {
            var error = FluentActions.Invoking(() => SnmpMessage.Decode(whole.AsSpan(0, n))).Should().Throw<ParseError>().Which;
            error.Offset.Should().BeInRange(0, n);
        }
    }
}
