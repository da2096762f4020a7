using System.Net;
using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>RFC 3396 long options and option 52 overload (RFC 2131 §4.1, RFC 2132 §9.3).</summary>
public class LongOptionTests
{
    static byte[] Bytes(int length, int seed) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + seed)).ToArray();

    [Fact]
    public void An_option_longer_than_255_bytes_is_sent_as_consecutive_instances_and_read_back_as_one()
    {
        var value = Bytes(600, 1);
        var m = DhcpMessage.Create(DhcpMessageType.Offer, 1, RawDhcp.CmMac, [new DhcpOption(200, value)]);
        var bytes = m.Encode();

        // 53 (3 bytes), then 200 as 255 + 255 + 90.
        bytes[243].Should().Be(200); bytes[244].Should().Be(255);
        bytes[243 + 257].Should().Be(200); bytes[244 + 257].Should().Be(255);
        bytes[243 + 514].Should().Be(200); bytes[244 + 514].Should().Be(90);
        bytes[243 + 514 + 92].Should().Be(255, "the end option follows");

        var back = DhcpMessage.Decode(bytes);
        back.GetOption(200)!.Value.ToArray().Should().Equal(value);
        back.GetOption(200)!.InstanceCount.Should().Be(3);
        back.Layout!.InstanceCount(200).Should().Be(3);
        back.Should().Be(m);
    }

    [Fact]
    public void Instances_that_are_not_adjacent_are_concatenated_in_the_order_they_appear()
    {
        var bytes = RawDhcp.Build(2, 1, RawDhcp.CmMac, "c802 0102 350105 c803 030405 ff");
        var m = DhcpMessage.Decode(bytes);
        m.GetOption(200)!.Value.ToArray().Should().Equal(1, 2, 3, 4, 5);
        m.Options.Select(o => (int)o.Code).Should().Equal(200, 53);
        m.GetOption(200)!.AbsoluteOffset(3).Should().Be(240 + 2 + 2 + 3 + 2 + 1, "byte 3 is the second byte of the second instance");
        m.Encode().Should().Equal(bytes, "the layout is replayed");
    }

    [Fact]
    public void With_option_52_the_options_field_comes_first_then_file_then_sname_RFC_3396_5()
    {
        var (_, bytes) = Samples.Captured().Single(s => s.Name.StartsWith("ACK with option 52"));
        var m = DhcpMessage.Decode(bytes);
        m.Overload.Should().Be(OptionOverload.Both);
        m.SName.Should().BeNull();
        m.File.Should().BeNull();
        // 122 pieces: options field (sub-option 1), file (sub-option 2), sname (sub-option 8), although sname precedes file in the datagram.
        m.ClientConfiguration!.SubOptions.Select(s => (int)s.Code).Should().Equal(1, 2, 8);
        m.ClientConfiguration.ProvisioningTimer.Should().Be(5);
        m.HostName.Should().Be("host1");
        m.DomainName.Should().Be("example.net");
        m.Options.Select(o => (int)o.Code).Should().Equal(53, 52, 54, 122, 12, 15);
        m.Encode().Should().Equal(bytes);
    }

    [Fact]
    public void The_encoder_spills_into_file_then_sname_when_option_52_allows_it()
    {
        var config = ClientConfiguration.Create(primaryDhcpServer: Samples.EueDhcpServer, secondaryDhcpServer: IPAddress.Broadcast,
            provisioningServer: ProvisioningServerAddress.FromFqdn(new string('p', 60) + ".example.net"), kerberosRealm: "HYBRID.2");
        var m = DhcpMessage.Create(DhcpMessageType.Ack, 9, RawDhcp.EueMac,
        [
            DhcpOption.OptionOverload(OptionOverload.Both),
            DhcpOption.ServerIdentifier(Samples.EueDhcpServer),
            config.ToOption(),
            DhcpOption.FromString(DhcpOptionCode.HostName, new string('h', 40)),
            DhcpOption.FromString(DhcpOptionCode.DomainName, "example.net"),
        ]) with { SName = null, File = null };

        var bytes = m.Encode(new DhcpEncodingSettings { OverloadedOptionsFieldLength = 40 });
        bytes.Length.Should().Be(300);
        bytes[108].Should().NotBe(0, "the file field carries options");
        bytes[44].Should().NotBe(0, "the sname field carries options");

        var back = DhcpMessage.Decode(bytes);
        back.Should().Be(m);
        back.ClientConfiguration.Should().Be(config);
        back.Layout!.File!.Should().Contain(e => e.Kind == LayoutElementKind.End);
        back.Layout.SName!.Should().Contain(e => e.Kind == LayoutElementKind.End);
        back.Layout.InstanceCount(DhcpOptionCode.CableLabsClientConfiguration).Should().BeGreaterThan(1, "122 did not fit in 40 bytes");
    }

    [Fact]
    public void Options_that_do_not_fit_the_overloaded_fields_are_an_encoder_error()
    {
        var m = DhcpMessage.Create(DhcpMessageType.Ack, 9, RawDhcp.EueMac,
            [DhcpOption.OptionOverload(OptionOverload.SName), new DhcpOption(200, Bytes(500, 3))]) with { SName = null };
        var act = () => m.Encode();
        act.Should().Throw<InvalidOperationException>();
        var withName = m with { SName = new byte[64] };
        var act2 = () => withName.Encode();
        act2.Should().Throw<InvalidOperationException>("sname cannot hold both a name and options");
    }

    [Fact]
    public void Two_options_with_the_same_code_cannot_be_encoded()
    {
        var m = DhcpMessage.Create(DhcpMessageType.Ack, 9, RawDhcp.EueMac, [new DhcpOption(200, [1]), new DhcpOption(200, [2])]);
        var act = () => m.Encode();
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_changed_value_of_the_same_length_keeps_the_split_and_a_changed_length_encodes_canonically()
    {
        var bytes = RawDhcp.Build(2, 1, RawDhcp.CmMac, "350105 c802 0102 c801 03 ff");
        var m = DhcpMessage.Decode(bytes);

        var same = m.WithOption(new DhcpOption(200, [9, 8, 7])) with { Layout = m.Layout };
        var sameBytes = same.Encode();
        sameBytes.Length.Should().Be(bytes.Length);
        DhcpMessage.Decode(sameBytes).Layout!.InstanceCount(200).Should().Be(2);
        DhcpMessage.Decode(sameBytes).GetOption(200)!.Value.ToArray().Should().Equal(9, 8, 7);

        var longer = m.WithOption(new DhcpOption(200, [9, 8, 7, 6]));
        longer.Layout.Should().BeNull();
        DhcpMessage.Decode(longer.Encode()).Layout!.InstanceCount(200).Should().Be(1);
    }
}
