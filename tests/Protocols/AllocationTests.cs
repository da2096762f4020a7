using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Http;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;
using EUeConformance.Tests.Protocols.Dhcp4;
using EUeConformance.Tests.Protocols.Snmp;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols;

/// <summary>
/// Issue 3's rule for every decoder: no allocation driven by an untrusted length beyond the input's
/// size. Each input here is a few dozen bytes whose length or count field claims far more (65,535
/// octets, 2^31-1 octets, 65,535 records, 2^31-1 repetitions); decoding it is a ParseError (or, where
/// the claim is legal, a small message), and this thread allocates less than 16 KiB doing so, where
/// trusting the claim would cost at least 64 KiB. <see cref="Fuzzer"/> applies a size-relative bound
/// to every mutated input as well.
/// </summary>
public class AllocationTests
{
    const long Bound = 16 * 1024;

    static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    static readonly byte[] DhcpHeader = RawDhcp.Build(1, 1, RawDhcp.EueMac, "", padTo: 0);

    public static TheoryData<string> Cases => [.. Inputs.Keys];

    static readonly Dictionary<string, (byte[] Input, Action<byte[]> Decode)> Inputs = new()
    {
        ["DHCPv4 option 61 claiming 255 octets past the end"] = ([.. DhcpHeader, .. H("350101 3dff ff0000000100")], b => DhcpMessage.Decode(b)),
        ["DHCPv4 option 60 capabilities claiming 255 hex-encoded octets"] = ("pktc2.0:05ff0101020301"u8.ToArray(), b => DeviceCapabilities.Decode(b)),
        ["DHCPv6 client ID claiming 65,535 octets"] = (H("01 000001 0001 ffff 0001"), b => Dhcp6Message.Decode(b)),
        ["DHCPv6 vendor class data claiming 65,535 octets"] = (H("01 000001 0010 0008 0000118b ffff 7070"), b => Dhcp6Message.Decode(b)),
        ["DHCPv6 CableLabs sub-option claiming 65,535 octets"] = (H("01 000001 0011 0008 0000118b 0020 ffff"), b => Dhcp6Message.Decode(b)),
        ["DHCPv6 relay message claiming 65,535 octets"] = (H("0c 00" + new string('0', 64) + "0009 ffff 01000001"), b => Dhcp6Message.Decode(b)),
        ["DNS header with 65,535 in each count"] = (H("0001 8180 ffff ffff ffff ffff"), b => DnsMessage.Decode(b)),
        ["DNS answer with RDLENGTH 65,535"] = (H("0001 8180 0000 0001 0000 0000 01 61 00 0001 0001 0000003c ffff 0a00"), b => DnsMessage.Decode(b)),
        ["TFTP OACK with blksize 4294967295"] = ("\0\u0006blksize\04294967295\0"u8.ToArray(), b => EUeConformance.Protocols.Tftp.TftpPacket.Decode(b)),
        ["SNMP message claiming 2^31-1 octets"] = (H("30 84 7fffffff 020101"), b => SnmpMessage.Decode(b)),
        ["SNMP community claiming 2^31-1 octets"] = (H("30 0c 020101 04 84 7fffffff 7075"), b => SnmpMessage.Decode(b)),
        ["SNMP varbind list claiming 2^31-1 octets"] = (H(Ber.Community(1, Ber.T("a0", Ber.Int(1), Ber.Int(0), Ber.Int(0), "30847fffffff3000"))), b => SnmpMessage.Decode(b, SnmpDecodeOptions.Rfc3417)),
        ["SNMP GetBulk asking for 2^31-1 repetitions"] = (H(Ber.Community(1, Ber.T("a5", Ber.Int(1), Ber.Int(0), Ber.Int(int.MaxValue), Ber.T("30", Ber.VarBind("06082b06010201010100"))))), b => SnmpMessage.Decode(b)),
        ["SNMP OBJECT IDENTIFIER claiming 2^31-1 octets"] = (H(Ber.Community(1, Ber.T("a0", Ber.Int(1), Ber.Int(0), Ber.Int(0), Ber.T("30", Ber.T("30", "06847fffffff2b06"))))), b => SnmpMessage.Decode(b, SnmpDecodeOptions.Rfc3417)),
        ["SNMPv3 USM parameters claiming 2^31-1 octets"] = (H("30 84 7fffffff 0400"), b => UsmSecurityParameters.Decode(b)),
        ["SNMPv3 ScopedPDU claiming 2^31-1 octets"] = (H("30 84 7fffffff 0400 0400"), b => ScopedPdu.Decode(b)),
        ["configuration file TLV 64 claiming 65,535 octets"] = (H("fe0101 40 ffff 3082"), b => EueConfigFile.Decode(b)),
        ["configuration file TLV 11 varbind claiming 2^31-1 octets"] = (H("fe0101 0b 08 30 84 7fffffff 0601 fe01ff"), b => EueConfigFile.Decode(b)),
        ["configuration file TLV 64 claiming 65,535 octets, tolerant parse"] = (H("fe0101 40 ffff 3082 fe01ff"), b => _ = EueConfigFile.Parse(b).Problems.Count),
        ["HTTP request announcing a body of 2^31-1 octets"] = ("GET /eue.cfg HTTP/1.1\r\nContent-Length: 2147483647\r\n\r\nab"u8.ToArray(), b => HttpRequest.TryDecode(b, out _)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_length_or_count_claiming_more_than_the_input_allocates_nothing_in_proportion(string name)
    {
        var (input, decode) = Inputs[name];
        input.Length.Should().BeLessThan(300, "the inputs are small, the claims are not");
        try { decode(input); }
        catch (ParseError e) { e.Offset.Should().BeInRange(0, input.Length, $"{name}: {e.Message}"); }
        long allocated = Fuzzer.AllocatedBy(() => decode(input));
        allocated.Should().BeLessThan(Bound, $"{name} must not allocate what its length field claims ({input.Length}-byte input)");
    }

    [Fact]
    public void The_bound_would_see_an_allocation_that_trusts_a_16_bit_length()
    {
        // The check can fail: a decoder that sized a buffer by a 65,535 length would be over it.
        Fuzzer.AllocatedBy(() => GC.KeepAlive(new byte[ushort.MaxValue])).Should().BeGreaterThan(Bound);
        var findings = Fuzzer.Run([H("0001ffff")], b => GC.KeepAlive(new byte[(b.Length > 3 ? b[2] << 8 | b[3] : 0) + 1]), iterations: 200);
        findings.Should().Contain(f => f.Exception is Fuzzer.AllocationBeyondInput);
    }

    [Fact]
    public void An_agent_asked_for_2_to_the_31_repetitions_answers_within_its_message_size()
    {
        var bed = new SnmpTestBed();
        var request = new CommunityMessage(SnmpVersion.V2c, "public", Pdu.GetBulk(1, 0, int.MaxValue, [new("1.3.6.1", SnmpValue.Null())])).Encode();
        byte[]? reply = null;
        long allocated = Fuzzer.AllocatedBy(() => reply = bed.Agent.Handle(request, SnmpTestBed.ManagerEndPoint));
        reply.Should().NotBeNull();
        reply!.Length.Should().BeLessThanOrEqualTo(65507);
        allocated.Should().BeLessThan(4 * 1024 * 1024, "the repetitions stop at the end of the MIB or the message size, not at max-repetitions");
    }
}
