using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Option 43 as the MTA/eUE sends it (CableLabs sub-options) and option 82 (RFC 3046).</summary>
public class VendorAndRelayTests
{
    [Fact]
    public void Option_43_carries_the_CableLabs_device_sub_options()
    {
        var m = DhcpMessage.Decode(Samples.EueDiscover().Encode());
        var v = m.CableLabsVendorInformation!;
        v.DeviceType.Should().Be("EDVA");
        v.EsafeTypes.Should().Be("ECM:EMTA");
        v.SerialNumber.Should().Be("SN-0001");
        v.HardwareVersion.Should().Be("1.0");
        v.SoftwareVersion.Should().Be("2.0.1");
        v.BootRomVersion.Should().Be("0.9");
        v.VendorOui.Should().Equal(0x00, 0x10, 0x95);
        v.ModelNumber.Should().Be("EUE-1");
        v.VendorName.Should().Be("Example");
        v.MtaMacAddress.Should().Equal(RawDhcp.EueMac);
        v.CorrelationId.Should().Be(42u);
    }

    [Fact]
    public void Pads_and_an_end_inside_option_43_are_honoured()
    {
        var v = CableLabsVendorInformation.Decode(RawDhcp.Hex("00 0204" + RawDhcp.Ascii("EDVA") + " 00 ff 0201 41"));
        v.SubOptions.Should().ContainSingle();
        v.DeviceType.Should().Be("EDVA");
    }

    [Fact]
    public void Option_82_keeps_circuit_id_remote_id_and_unknown_sub_options_in_order()
    {
        var value = RawDhcp.Hex("0104" + RawDhcp.Ascii("cmts") + " 0206001095000001 7703aabbcc");
        var r = RelayAgentInformation.Decode(value);
        r.AgentCircuitId.Should().Equal(System.Text.Encoding.ASCII.GetBytes("cmts"));
        r.AgentRemoteId.Should().Equal(RawDhcp.CmMac);
        r.SubOptions.Select(s => (int)s.Code).Should().Equal(1, 2, 119);
        r.Encode().Should().Equal(value);
    }

    [Fact]
    public void The_relayed_DISCOVER_carries_option_82()
    {
        var m = DhcpMessage.Decode(Samples.RelayedEueDiscover().Encode());
        m.GiAddr.Should().Be(Samples.CmtsRelay);
        m.RelayAgentInformation!.AgentRemoteId.Should().Equal(RawDhcp.CmMac);
        m.RelayAgentInformation.AgentCircuitId.Should().Equal("cable-1/0/0"u8.ToArray());
    }
}
