using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>100,000 mutated inputs per decoder: nothing but ParseError may come out.</summary>
public class FuzzTests
{
    static IReadOnlyList<byte[]> MessageSeeds() =>
    [
        .. Samples.Captured().Select(s => s.Bytes),
        Samples.EcmDiscover().Encode(), Samples.EcmReply(DhcpMessageType.Offer).Encode(), Samples.EueDiscover().Encode(),
        Samples.RelayedEueDiscover().Encode(),
    ];

    [Fact]
    public void DhcpMessage_Decode_raises_only_ParseError_and_what_it_accepts_re_encodes_exactly()
    {
        var findings = Fuzzer.Run(MessageSeeds(), bytes =>
        {
            var m = DhcpMessage.Decode(bytes);
            // Every typed view of an accepted message must work or say ParseError, and the bytes must come back.
            _ = (m.MessageType, m.ServerHostName, m.BootFileName, m.DeviceCapabilities, m.ClientIdentifier, m.CableLabsVendorInformation,
                m.RelayAgentInformation, m.ClientConfiguration?.ProvisioningServer, m.ClientConfiguration?.KerberosRealm, m.CableLabsV4?.Cccv6, m.ToString());
            if (!m.Encode().AsSpan().SequenceEqual(bytes)) throw new InvalidOperationException("decoded message does not re-encode to its input");
        });
        findings.Should().BeEmpty(string.Join("\n", findings.Take(3).Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }

    [Fact]
    public void ClientConfiguration_Decode_raises_only_ParseError() =>
        Run([Samples.EueClientConfiguration().Encode(), RawDhcp.Hex("030501 0a010005 0609054241534943013100")],
            b => { var c = ClientConfiguration.Decode(b, 300); _ = (c.ProvisioningServer, c.KerberosRealm, c.AsReqBackoff, c.Flow, c.SecurityTicketControl); });

    [Fact]
    public void VendorIdentifyingData_Decode_raises_only_ParseError() =>
        Run([Samples.EcmReply(DhcpMessageType.Offer).CableLabsV4!.ToOption().ToArray(), RawDhcp.Hex("0000118B 04 01027B7C 00000DE9 03 010203")],
            b => { var v = VendorIdentifyingData.Decode(b, 300); _ = (v.CableLabs?.Cccv6?.Primary?.Kind, v.CableLabs?.Oro, v.CableLabs?.IpPref); });

    [Fact]
    public void DeviceCapabilities_Decode_raises_only_ParseError() =>
        Run([DeviceCapabilities.ForEue().Encode(), "pktc2.0:05180101020201020301010401010B03060903120200071A0100"u8.ToArray()],
            b => { var c = DeviceCapabilities.Decode(b, 300); _ = (c.SupportedProvisioningFlows, c.EncodeString()); });

    [Fact]
    public void ClientIdentifier_Decode_raises_only_ParseError() =>
        Run([Samples.EueClientId().Bytes, ClientIdentifier.Rfc4361(9, Duid.En(4491, [1, 2, 3])).Bytes],
            b => { var c = ClientIdentifier.Decode(b, 300); _ = (c.Duid?.LinkLayerAddress, c.Duid?.Time, c.Duid?.Identifier, c.ToString()); });

    [Fact]
    public void CableLabs_vendor_and_relay_sub_options_raise_only_ParseError() =>
        Run([Samples.EueDiscover().CableLabsVendorInformation!.Encode(), Samples.RelayedEueDiscover().RelayAgentInformation!.Encode()],
            b => { var v = CableLabsVendorInformation.Decode(b, 300); _ = (v.DeviceType, v.CorrelationId); _ = RelayAgentInformation.Decode(b, 300).AgentRemoteId; });

    [Fact]
    public void ClientFqdnOption_Decode_raises_only_ParseError() =>
        Run([new ClientFqdnOption(ClientFqdnFlags.S | ClientFqdnFlags.E, "eue-0001.voice.example.net").Encode(),
             new ClientFqdnOption(ClientFqdnFlags.S | ClientFqdnFlags.E, "eue-0001", IsFullyQualified: false).Encode(),
             new ClientFqdnOption(ClientFqdnFlags.None, "eue-0001.voice.example.net", Rcode1: 0, Rcode2: 0).Encode()],
            b => { var f = ClientFqdnOption.Decode(b, 300); _ = (f.S, f.N, f.E, f.IsFullyQualified, f.DomainName, f.Encode()); });

    static void Run(IReadOnlyList<byte[]> seeds, Action<byte[]> decode)
    {
        var findings = Fuzzer.Run(seeds, decode);
        findings.Should().BeEmpty(string.Join("\n", findings.Take(3).Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }
}
