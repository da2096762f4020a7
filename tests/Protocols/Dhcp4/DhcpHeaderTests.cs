using System.Net;
using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>The fixed BOOTP/DHCP header of RFC 2131 §2 (Figure 1, Table 1) and the message-type helpers.</summary>
public class DhcpHeaderTests
{
    [Fact]
    public void Every_RFC_2131_header_field_decodes_from_its_offset()
    {
        var bytes = RawDhcp.Build(2, 0xDEADBEEF, RawDhcp.CmMac, "350105 ff", flags: 0x8000, yiaddr: "0a010064", siaddr: "0a010001",
            giaddr: "0a0100fe", hops: 3, secs: 7, sname: DhcpMessage.FieldOf("server", 64), file: DhcpMessage.FieldOf("cm.cfg", 128));
        bytes[12] = 10; bytes[13] = 9; bytes[14] = 8; bytes[15] = 7; // ciaddr

        var m = DhcpMessage.Decode(bytes);

        m.Op.Should().Be(BootOp.BootReply);
        m.HType.Should().Be(1);
        m.HLen.Should().Be(6);
        m.Hops.Should().Be(3);
        m.Xid.Should().Be(0xDEADBEEF);
        m.Secs.Should().Be(7);
        m.Flags.Should().Be(0x8000);
        m.Broadcast.Should().BeTrue();
        m.CiAddr.Should().Be(IPAddress.Parse("10.9.8.7"));
        m.YiAddr.Should().Be(IPAddress.Parse("10.1.0.100"));
        m.SiAddr.Should().Be(IPAddress.Parse("10.1.0.1"));
        m.GiAddr.Should().Be(IPAddress.Parse("10.1.0.254"));
        m.ClientHardwareAddress.Should().Equal(RawDhcp.CmMac);
        m.ChAddr.Should().HaveCount(16);
        m.ServerHostName.Should().Be("server");
        m.BootFileName.Should().Be("cm.cfg");
        m.MessageType.Should().Be(DhcpMessageType.Ack);
        m.Overload.Should().Be(OptionOverload.None);
    }

    [Fact]
    public void The_broadcast_bit_is_the_leftmost_flags_bit()
    {
        DhcpMessage.Create(DhcpMessageType.Discover, 1, RawDhcp.CmMac, broadcast: true).Encode()[10].Should().Be(0x80);
        DhcpMessage.Create(DhcpMessageType.Discover, 1, RawDhcp.CmMac).Broadcast.Should().BeFalse();
        var reserved = RawDhcp.Build(1, 1, RawDhcp.CmMac, "350101 ff", flags: 0x0001);
        DhcpMessage.Decode(reserved).Broadcast.Should().BeFalse("only bit 15 is BROADCAST; the others are MBZ but kept");
        DhcpMessage.Decode(reserved).Flags.Should().Be(1);
    }

    [Theory]
    [InlineData(DhcpMessageType.Discover, BootOp.BootRequest)]
    [InlineData(DhcpMessageType.Offer, BootOp.BootReply)]
    [InlineData(DhcpMessageType.Request, BootOp.BootRequest)]
    [InlineData(DhcpMessageType.Decline, BootOp.BootRequest)]
    [InlineData(DhcpMessageType.Ack, BootOp.BootReply)]
    [InlineData(DhcpMessageType.Nak, BootOp.BootReply)]
    [InlineData(DhcpMessageType.Release, BootOp.BootRequest)]
    [InlineData(DhcpMessageType.Inform, BootOp.BootRequest)]
    public void Each_message_type_travels_with_the_op_RFC_2131_gives_it(DhcpMessageType type, BootOp op)
    {
        type.BootOp().Should().Be(op);
        var m = DhcpMessage.Create(type, 7, RawDhcp.EueMac);
        m.Op.Should().Be(op);
        m.Options[0].Should().Be(DhcpOption.MessageType(type), "option 53 comes first");
        DhcpMessage.Decode(m.Encode()).MessageType.Should().Be(type);
    }

    [Fact]
    public void A_reply_copies_xid_flags_giaddr_and_chaddr_from_the_request_as_RFC_2131_Table_3_says()
    {
        var request = Samples.RelayedEueDiscover();
        var offer = DhcpMessage.ReplyTo(request, DhcpMessageType.Offer, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"));
        offer.Op.Should().Be(BootOp.BootReply);
        offer.Xid.Should().Be(request.Xid);
        offer.Flags.Should().Be(request.Flags);
        offer.GiAddr.Should().Be(Samples.CmtsRelay);
        offer.ChAddr.Should().Equal(request.ChAddr);
        offer.YiAddr.Should().Be(IPAddress.Parse("10.2.0.100"));
        offer.CiAddr.Should().Be(IPAddress.Any);
        offer.ServerIdentifier.Should().Be(Samples.EueDhcpServer);
        offer.MessageType.Should().Be(DhcpMessageType.Offer);

        var nak = DhcpMessage.ReplyTo(request, DhcpMessageType.Nak, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"));
        nak.YiAddr.Should().Be(IPAddress.Any, "a DHCPNAK carries yiaddr 0");
    }

    [Fact]
    public void A_built_message_is_padded_to_the_300_byte_BOOTP_minimum_unless_asked_otherwise()
    {
        var m = DhcpMessage.Create(DhcpMessageType.Discover, 1, RawDhcp.CmMac);
        m.Encode().Should().HaveCount(300);
        m.Encode(new DhcpEncodingSettings { MinimumLength = 0 }).Should().HaveCount(240 + 3 + 1);
    }

    [Fact]
    public void Header_fields_reject_wrong_sizes_when_built()
    {
        var act = () => new DhcpMessage { ChAddr = new byte[6] };
        act.Should().Throw<ArgumentException>();
        var act2 = () => new DhcpMessage { SName = new byte[10] };
        act2.Should().Throw<ArgumentException>();
    }
}
