using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>100,000 mutated inputs to the UsmSecurityParameters decoder: nothing but ParseError.</summary>
public class SecurityParametersFuzzTests
{
    [Fact]
    public void Decode_raises_only_ParseError()
    {
        byte[][] seeds =
        [
            UsmTestData.NetSnmpSecurityParameters,
            UsmTestData.DiscoveryProbeParameters,
            new UsmSecurityParameters(UsmTestData.EngineId, 7, 123456, "provserver"u8.ToArray(), new byte[12], new byte[8]).Encode(),
            new UsmSecurityParameters(UsmTestData.EngineId, int.MaxValue, 65536, new byte[32], [], []).Encode(),
            // Long-form lengths, so that the mutator hits length-of-length octets.
            [0x30, 0x81, 0x30, .. UsmTestData.NetSnmpSecurityParameters[2..18], 0x04, 0x82, 0x00, 0x04, .. UsmTestData.NetSnmpSecurityParameters[20..]],
        ];
        Fuzzer.Run(seeds, bytes =>
        {
            var p = UsmSecurityParameters.Decode(bytes, 17, out int authOffset);
            if (authOffset < 17 || authOffset - 17 + p.AuthenticationParameters.Length > bytes.Length)
                throw new InvalidOperationException($"auth offset {authOffset} outside the input");
            _ = p.ToString();
            _ = p.Encode();
        }).Should().BeEmpty();
    }
}
