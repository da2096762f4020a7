using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>Malformed input: each is a <see cref="ParseError"/> naming the offending offset and Wireshark field.</summary>
public class Dhcp6MalformedTests
{
    static ParseError Rejects(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex.Replace(" ", ""));
        var act = () => Dhcp6Message.Decode(bytes);
        return act.Should().Throw<ParseError>().Which;
    }

    static void Expect(ParseError e, int offset, string field)
    {
        e.Protocol.Should().Be("DHCPv6");
        e.Offset.Should().Be(offset, e.Message);
        e.Field.Should().Be(field, e.Message);
    }

    // ---- truncated ----

    [Fact]
    public void An_empty_datagram_has_no_message_type() => Expect(Rejects(""), 0, "dhcpv6.msgtype");

    [Fact]
    public void A_client_message_cut_inside_its_transaction_ID() => Expect(Rejects("01 4A1B"), 1, "dhcpv6.xid");

    [Fact]
    public void A_relay_message_cut_before_its_hop_count() => Expect(Rejects("0C"), 1, "dhcpv6.hopcount");

    [Fact]
    public void A_relay_message_cut_inside_its_link_address() => Expect(Rejects("0C 00 20010DB8"), 2, "dhcpv6.linkaddr");

    [Fact]
    public void A_relay_message_cut_inside_its_peer_address() => Expect(Rejects("0C 00 20010DB8000100000000000000000001 FE80"), 18, "dhcpv6.peeraddr");

    [Fact]
    public void An_option_cut_inside_its_code() => Expect(Rejects("01 000001 00"), 4, "dhcpv6.option.type");

    [Fact]
    public void An_option_cut_inside_its_length() => Expect(Rejects("01 000001 0008 00"), 6, "dhcpv6.option.length");

    [Fact]
    public void A_truncated_eUE_SOLICIT_points_at_the_length_that_runs_past_the_end()
    {
        byte[] wire = Dhcp6Samples.Solicit().Encode();
        var cut = wire[..^5];
        var vendorOpts = Dhcp6Message.Decode(wire).Find(Dhcp6OptionCode.VendorOpts)!.Value;
        var e = FluentActions.Invoking(() => Dhcp6Message.Decode(cut)).Should().Throw<ParseError>().Which;
        Expect(e, vendorOpts.Offset + 2, "dhcpv6.option.length");
    }

    // ---- overlong lengths ----

    [Fact]
    public void An_option_length_past_the_end_of_the_datagram() => Expect(Rejects("01 000001 0008 0004 0000"), 6, "dhcpv6.option.length");

    [Fact]
    public void An_IA_address_length_past_the_end_of_its_IA_NA()
    {
        // IA_NA of 16 octets: 12 fixed + IAADDR header claiming 24 octets with none left.
        Expect(Rejects("01 000001 0003 0010 00000001 00000000 00000000 0005 0018"), 22, "dhcpv6.option.length");
    }

    [Fact]
    public void A_CableLabs_option_length_past_the_end_of_OPTION_VENDOR_OPTS()
    {
        // VENDOR_OPTS 4491 with CL option 2 (device type) claiming 8 octets, 4 present.
        Expect(Rejects("01 000001 0011 000C 0000118B 0002 0008 45445641"), 14, "dhcpv6.vendoropts.enterprise.option_length");
    }

    [Fact]
    public void A_CCCV6_sub_option_length_past_the_end_of_CL_OPTION_CCCV6()
    {
        // CCCV6 holding sub-option 6 (realm) claiming 9 octets, 5 present.
        Expect(Rejects("07 000001 0011 0011 0000118B 087B 0009 0006 0009 0542415349"), 18, "dhcpv6.packetcable.cccV6.suboption");
    }

    [Fact]
    public void A_vendor_class_data_length_past_the_end()
    {
        Expect(Rejects("01 000001 0010 000A 0000118B 0007 706B7463"), 12, "dhcpv6.vendorclass.data");
    }

    [Fact]
    public void A_capability_length_past_the_end_of_CL_OPTION_MODEM_CAPABILITIES()
    {
        // VENDOR_OPTS 4491 with option 35 = 01 01 02 03 05 01 (capability 3 claims 5 octets, 1 present)
        Expect(Rejects("01 000001 0011 000E 0000118B 0023 0006 010102 030501"), 20, "dhcpv6.cccV6.tlv5.suboption.length");
    }

    [Fact]
    public void A_domain_label_running_past_the_end_of_OPTION_FQDN()
    {
        Expect(Rejects("01 000001 0027 0004 01 05 6575"), 9, "dhcpv6.client_domain");
    }

    [Fact]
    public void A_realm_label_longer_than_63_octets()
    {
        Expect(Rejects("07 000001 0011 000D 0000118B 087B 0005 0006 0001 40"), 20, "dhcpv6.packetcable.cccV6.krb_realm");
    }

    [Fact]
    public void A_DUID_longer_than_130_octets()
    {
        string duid = "0002" + new string('A', 2 * 129);
        Expect(Rejects($"01 000001 0001 {131:X4} {duid}"), 6, "dhcpv6.option.length");
    }

    [Fact]
    public void A_fixed_size_option_with_an_overlong_length()
    {
        // ELAPSED_TIME of 3 octets: the length field (offset 6) is wrong.
        Expect(Rejects("01 000001 0008 0003 000000"), 6, "dhcpv6.option.length");
    }

    [Fact]
    public void An_ORO_with_an_odd_length() => Expect(Rejects("01 000001 0006 0003 002700"), 6, "dhcpv6.option.length");

    [Fact]
    public void Octets_after_the_root_label_of_an_FQDN() => Expect(Rejects("01 000001 0027 0004 01 00 4142"), 10, "dhcpv6.client_domain");

    // ---- bad types ----

    [Theory]
    [InlineData("00 000001")]
    [InlineData("0E 000001")]
    [InlineData("FF 000001")]
    public void A_message_type_outside_RFC_3315(string hex) => Expect(Rejects(hex), 0, "dhcpv6.msgtype");

    [Fact]
    public void A_relayed_message_of_a_bad_type_points_into_the_relay_message()
    {
        // RELAY-FORW (34 octets) then RELAY_MSG (offset 34) holding type 0 at offset 38.
        Expect(Rejects("0C 00" + new string('0', 64) + "0009 0004 00000001"), 38, "dhcpv6.msgtype");
    }

    [Fact]
    public void A_compressed_name_in_DOMAIN_LIST_is_a_bad_label_type()
    {
        // RFC 3315 §8: names are never compressed; C0 0C is a pointer.
        Expect(Rejects("07 000001 0018 0005 01 61 00 C00C"), 11, "dhcpv6.search_list_entry");
    }

    [Fact]
    public void A_provisioning_server_of_type_1_with_a_short_address()
    {
        Expect(Rejects("07 000001 0011 0011 0000118B 087B 0009 0003 0005 01 20010DB8"), 18, "dhcpv6.packetcable.cccV6.suboption");
    }

    // ---- zero length where forbidden ----

    [Fact]
    public void An_empty_client_ID() => Expect(Rejects("01 000001 0001 0000"), 6, "dhcpv6.option.length");

    [Fact]
    public void An_empty_elapsed_time() => Expect(Rejects("01 000001 0008 0000"), 6, "dhcpv6.option.length");

    [Fact]
    public void An_empty_FQDN_option_lacks_its_flags() => Expect(Rejects("01 000001 0027 0000"), 6, "dhcpv6.option.length");

    [Fact]
    public void An_empty_IA_NA() => Expect(Rejects("01 000001 0003 0000"), 6, "dhcpv6.option.length");

    [Fact]
    public void An_empty_relay_message() => Expect(Rejects("0D 00" + new string('0', 64) + "0009 0000"), 38, "dhcpv6.msgtype");

    [Fact]
    public void An_empty_Kerberos_realm()
    {
        Expect(Rejects("07 000001 0011 000C 0000118B 087B 0004 0006 0000"), 20, "dhcpv6.packetcable.cccV6.krb_realm");
    }

    [Fact]
    public void A_non_empty_Rapid_Commit() => Expect(Rejects("01 000001 000E 0001 00"), 6, "dhcpv6.option.length");

    [Fact]
    public void An_empty_provisioning_server() => Expect(Rejects("07 000001 0011 000C 0000118B 087B 0004 0003 0000"), 18, "dhcpv6.packetcable.cccV6.suboption");

    [Fact]
    public void A_DUID_LLT_too_short_for_its_fields() => Expect(Rejects("01 000001 0001 0006 0001 0001 0000"), 6, "dhcpv6.option.length");

    // ---- depth ----

    [Fact]
    public void Relay_messages_nested_deeper_than_32_are_rejected_not_recursed_without_end()
    {
        var m = Dhcp6Samples.Solicit();
        for (int i = 0; i < 40; i++)
            m = Dhcp6Message.CreateRelay(Dhcp6MessageType.RelayForw, (byte)i, Dhcp6Samples.RelayLinkAddress, Dhcp6Samples.EueLinkLocal, Dhcp6Options.RelayMsg(m));
        var act = () => Dhcp6Message.Decode(m.Encode());
        act.Should().Throw<ParseError>().Which.Problem.Should().Contain("nested");
    }

    [Fact]
    public void IA_NA_options_nested_in_each_other_are_bounded_too()
    {
        var o = Dhcp6Options.ElapsedTime(0);
        for (int i = 0; i < 40; i++) o = new IaNa(1, 0, 0, [o]).ToOption();
        var act = () => Dhcp6Message.Decode(Dhcp6Message.Create(Dhcp6MessageType.Solicit, 1, o).Encode());
        act.Should().Throw<ParseError>().Which.Problem.Should().Contain("nested");
    }

    // ---- hand-built options read through typed accessors fail the same way ----

    [Fact]
    public void A_hand_built_IA_NA_that_is_too_short_gives_a_ParseError_from_its_accessor()
    {
        var m = Dhcp6Message.Create(Dhcp6MessageType.Solicit, 1, new Dhcp6Option(Dhcp6OptionCode.IaNa, new byte[5]));
        FluentActions.Invoking(() => m.IaNa).Should().Throw<ParseError>().Which.Field.Should().Be("dhcpv6.option.length");
        FluentActions.Invoking(() => Dhcp6Message.Decode(m.Encode())).Should().Throw<ParseError>();
    }
}
