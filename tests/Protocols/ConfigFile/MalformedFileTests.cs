using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>
/// Malformed files: each problem is reported with the offset of the offending TLV or BER element and
/// the right field, the tolerant parse carries on to the next TLV, and strict mode throws ParseError.
/// </summary>
public class MalformedFileTests
{
    static readonly byte[] Start = [0xFE, 0x01, 0x01];
    static readonly byte[] End = [0xFE, 0x01, 0xFF];
    static readonly byte[] Enabled = new VarBind(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), SnmpValue.TruthValue(true)).Encode();

    static byte[] Tlv(byte type, params byte[] value) => [type, (byte)value.Length, .. value];
    static byte[] Tlv11(byte[] varBind) => Tlv(ConfigTlvType.SnmpMibObject, varBind);
    static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
    static byte[] File(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    static ConfigFileProblem Single(byte[] data, ConfigFileProblemKind kind)
    {
        var result = EueConfigFile.Parse(data);
        result.File.Encode().Should().Equal(data, "a tolerant parse keeps every byte");
        return result.Problems.Should().ContainSingle(p => p.Kind == kind, string.Join("\n", result.Problems)).Subject;
    }

    static ParseError Strict(byte[] data) => FluentActions.Invoking(() => EueConfigFile.Decode(data)).Should().Throw<ParseError>().Which;

    [Fact]
    public void A_well_formed_file_has_no_problems()
    {
        var data = File(Start, Tlv11(Enabled), End);
        EueConfigFile.Parse(data).Problems.Should().BeEmpty();
        EueConfigFile.Decode(data).Tlvs.Should().HaveCount(3);
    }

    [Fact]
    public void Empty_input_misses_both_delimiters()
    {
        var r = EueConfigFile.Parse([]);
        r.Problems.Select(p => (p.Kind, p.Offset)).Should().Equal((ConfigFileProblemKind.MissingStartOfFile, 0), (ConfigFileProblemKind.MissingEndOfFile, 0));
        var e = Strict([]);
        e.Offset.Should().Be(0);
        e.Field.Should().Be(ConfigFileFields.Delimiter);
    }

    [Fact]
    public void Missing_start_is_reported_at_offset_0()
    {
        var p = Single(File(Tlv11(Enabled), End), ConfigFileProblemKind.MissingStartOfFile);
        p.Offset.Should().Be(0);
        p.TlvType.Should().Be(11);
    }

    [Fact]
    public void A_second_start_is_misplaced()
    {
        int at = 3 + 2 + Enabled.Length;
        var p = Single(File(Start, Tlv11(Enabled), Start, End), ConfigFileProblemKind.MisplacedStartOfFile);
        p.Offset.Should().Be(at);
        Strict(File(Start, Tlv11(Enabled), Start, End)).Offset.Should().Be(at);
    }

    [Fact]
    public void Missing_end_is_reported_at_the_end_of_the_data()
    {
        var data = File(Start, Tlv11(Enabled));
        Single(data, ConfigFileProblemKind.MissingEndOfFile).Offset.Should().Be(data.Length);
    }

    [Fact]
    public void Data_after_the_end_is_reported_once_at_its_first_byte_and_its_TLVs_are_still_read()
    {
        var data = File(Start, End, Tlv11(Enabled), Tlv11(Enabled));
        var p = Single(data, ConfigFileProblemKind.DataAfterEndOfFile);
        p.Offset.Should().Be(6);
        EueConfigFile.Parse(data).File.Tlvs.Should().HaveCount(4);
        Strict(data).Offset.Should().Be(6);
    }

    [Fact]
    public void A_TLV_cut_inside_its_header_is_truncated()
    {
        var data = File(Start, [ConfigTlvType.SnmpMibObject]);
        var p = Single(data, ConfigFileProblemKind.TruncatedTlv);
        (p.Offset, p.Field, p.TlvType).Should().Be((3, ConfigFileFields.Length, 11));
        EueConfigFile.Parse(data).File.Trailer.ToArray().Should().Equal([ConfigTlvType.SnmpMibObject]);
    }

    [Fact]
    public void A_TLV64_needs_two_length_bytes()
    {
        var p = Single(File(Start, [ConfigTlvType.SnmpMibObjectLong, 0x01]), ConfigFileProblemKind.TruncatedTlv);
        (p.Offset, p.TlvType).Should().Be((3, 64));
    }

    [Fact]
    public void An_overlong_length_is_truncated_at_the_TLV_and_ends_the_walk()
    {
        var data = File(Start, [ConfigTlvType.SnmpMibObject, 0x40], Enabled, End);
        var r = EueConfigFile.Parse(data);
        var p = Single(data, ConfigFileProblemKind.TruncatedTlv);
        p.Offset.Should().Be(3);
        r.Problems.Should().Contain(x => x.Kind == ConfigFileProblemKind.MissingEndOfFile && x.Offset == 3);
        Strict(data).Offset.Should().Be(3);
    }

    [Fact]
    public void A_zero_length_TLV11_is_not_a_VarBind()
    {
        var p = Single(File(Start, Tlv(11), End), ConfigFileProblemKind.InvalidVarBind);
        (p.Offset, p.Field).Should().Be((5, ConfigFileFields.SnmpObject));
    }

    [Theory]
    // Offsets are relative to the TLV 11 value, which starts at byte 5 of the file.
    [InlineData("04 03 41 42 43", 0, ConfigFileFields.SnmpObject, "SEQUENCE")]                         // not a SEQUENCE
    [InlineData("30 80 06 01 2B 02 01 01 00 00", 0, ConfigFileFields.SnmpObject, "indefinite")]        // indefinite length
    [InlineData("30 06 04 01 41 02 01 01", 2, ConfigFileFields.VarBindName, "OBJECT IDENTIFIER")]       // name is not an OID
    [InlineData("30 03 06 01 2B", 5, ConfigFileFields.VarBindValue, "no value")]                        // no value
    [InlineData("30 06 06 01 2B 45 01 00", 5, ConfigFileFields.VarBindValue, "not an SMI type")]        // [APPLICATION 5]
    [InlineData("30 08 06 01 2B 24 03 04 01 41", 5, ConfigFileFields.VarBindValue, "constructed")]      // constructed OCTET STRING
    [InlineData("30 08 06 01 2B 40 03 0A 00 01", 5, ConfigFileFields.VarBindValue, "IpAddress")]        // IpAddress of 3 bytes
    [InlineData("30 0A 06 01 2B 02 05 01 00 00 00 00", 5, ConfigFileFields.VarBindValue, "Integer32")]  // INTEGER 2^32
    [InlineData("30 08 06 01 2B 41 03 FF 00 00", 5, ConfigFileFields.VarBindValue, "Counter32")]        // negative Counter32
    [InlineData("30 06 06 01 2B 02 00 05", 5, ConfigFileFields.VarBindValue, "BER")]                    // zero-length INTEGER
    [InlineData("30 08 06 01 2B 02 01 01 05 00", 8, ConfigFileFields.SnmpObject, "exactly two")]       // a third element
    [InlineData("30 06 06 01 2B 02 01 01 00", 8, ConfigFileFields.SnmpObject, "after the VarBind")]    // bytes after the SEQUENCE
    [InlineData("30 09 06 01 2B 02 01 01", 0, ConfigFileFields.SnmpObject, "runs past")]               // SEQUENCE longer than TLV
    [InlineData("30 04 06 03 2B 06", 2, ConfigFileFields.VarBindName, "runs past")]                    // OID longer than SEQUENCE
    [InlineData("30 05 06 01 80 05 00", 2, ConfigFileFields.VarBindName, "OBJECT IDENTIFIER")]          // bad OID encoding
    public void A_varbind_that_is_not_a_BER_SEQUENCE_of_OID_and_value_is_reported_where_it_breaks(string hex, int at, string field, string why)
    {
        var p = Single(File(Start, Tlv11(Hex(hex)), End), ConfigFileProblemKind.InvalidVarBind);
        p.Offset.Should().Be(5 + at);
        p.Field.Should().Be(field);
        p.Problem.Should().Contain(why);
        var e = Strict(File(Start, Tlv11(Hex(hex)), End));
        (e.Offset, e.Field).Should().Be((5 + at, field));
    }

    [Fact]
    public void A_TLV64_varbind_error_points_past_the_two_byte_length()
    {
        var data = File(Start, [ConfigTlvType.SnmpMibObjectLong, 0x00, 0x03, 0x04, 0x01, 0x41], End);
        Single(data, ConfigFileProblemKind.InvalidVarBind).Offset.Should().Be(6);
    }

    [Fact]
    public void A_delimiter_must_have_length_1_and_value_01_or_FF()
    {
        Single(File(Start, Hex("FE 02 01 01"), End), ConfigFileProblemKind.InvalidDelimiter).Offset.Should().Be(3);
        var p = Single(File(Start, Hex("FE 01 02"), End), ConfigFileProblemKind.InvalidDelimiter);
        (p.Offset, p.Field).Should().Be((5, ConfigFileFields.Delimiter));
    }

    [Fact]
    public void TLV38_8_of_other_than_16_bytes_is_an_error_at_the_sub_TLV()
    {
        // EUE-PROV 6.5: 38.8 is 16 bytes; PKT-PROV1.5 §11: a wrong length rejects the file.
        var v = File(Hex("03 02 00 03"), Hex("08 0F"), new byte[15]);
        var data = File(Start, Tlv(38, v), End);
        var p = Single(data, ConfigFileProblemKind.InvalidSubTlvLength);
        (p.Offset, p.TlvType, p.SubType, p.Field).Should().Be((3 + 2 + 4, 38, 8, ConfigFileFields.NotificationReceiverSubLength));
        Strict(data).Offset.Should().Be(9);
    }

    [Theory]
    [InlineData("01 03 0A 00 01", 1)]       // IPv4 of 3 bytes
    [InlineData("02 01 A2", 2)]             // port of 1 byte
    [InlineData("03 01 02", 3)]             // type of 1 byte
    [InlineData("04 03 00 00 01", 4)]       // timeout of 3 bytes
    [InlineData("05 00", 5)]                // retries of 0 bytes
    [InlineData("07 01 41", 7)]             // security name below 2 bytes (PKT-PROV1.5 §11.1.7: 2-26)
    public void TLV38_sub_TLVs_of_the_wrong_length_are_errors(string sub, int subType)
    {
        byte[] address = subType == 1 ? [] : Hex("01 04 0A 00 05 09");
        byte[] type = subType == 3 ? [] : Hex("03 02 00 03");
        var data = File(Start, Tlv(38, File(address, type, Hex(sub))), End);
        var p = EueConfigFile.Parse(data).Problems.Single(x => x.Kind == ConfigFileProblemKind.InvalidSubTlvLength);
        p.SubType.Should().Be(subType);
        p.Severity.Should().Be(ConfigFileProblemSeverity.Error);
    }

    [Fact]
    public void A_duplicate_sub_TLV_is_an_error_at_the_second_one()
    {
        var data = File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03 02 00 03  01 04 0A 00 05 0A")), End);
        var p = Single(data, ConfigFileProblemKind.DuplicateSubTlv);
        (p.Offset, p.SubType).Should().Be((3 + 2 + 10, 1));
    }

    [Fact]
    public void An_unknown_TLV38_sub_TLV_is_a_warning_and_is_kept()
    {
        // PKT-PROV1.5 §11: 1-byte length, ignored, passWithWarnings.
        var data = File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03 02 00 03  09 02 AB CD")), End);
        var p = Single(data, ConfigFileProblemKind.UnknownSubTlv);
        (p.Offset, p.Severity, p.SubType).Should().Be((15, ConfigFileProblemSeverity.Warning, 9));
        var file = EueConfigFile.Decode(data);
        file.NotificationReceivers.Single().OtherSubTlvs.Should().Equal(new SubTlv(9, [0xAB, 0xCD]));
    }

    [Fact]
    public void A_sub_TLV_running_past_its_TLV38_is_truncated()
    {
        var p = Single(File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03 05 00 03")), End), ConfigFileProblemKind.TruncatedSubTlv);
        (p.Offset, p.SubType).Should().Be((11, 3));
        Single(File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03")), End), ConfigFileProblemKind.TruncatedSubTlv).Offset.Should().Be(11);
    }

    [Fact]
    public void TLV38_values_out_of_range_and_missing_parts_are_warnings()
    {
        Single(File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03 02 00 06")), End), ConfigFileProblemKind.InvalidSubTlvValue).Severity.Should().Be(ConfigFileProblemSeverity.Warning);
        Single(File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03 02 00 03  05 02 01 00")), End), ConfigFileProblemKind.InvalidSubTlvValue).SubType.Should().Be(5);
        var missing = EueConfigFile.Parse(File(Start, Tlv(38, Hex("02 02 00 A2")), End)).Problems;
        missing.Where(p => p.Kind == ConfigFileProblemKind.MissingSubTlv).Select(p => (p.Offset, p.SubType)).Should().Equal((3, 1), (3, 3));
    }

    [Fact]
    public void TLV38_6_must_be_a_complete_BER_OID()
    {
        var p = Single(File(Start, Tlv(38, Hex("01 04 0A 00 05 09  03 02 00 03  06 03 2B 06 01")), End), ConfigFileProblemKind.InvalidSubTlvValue);
        (p.Offset, p.Severity).Should().Be((15, ConfigFileProblemSeverity.Error));
    }

    [Fact]
    public void TLV43_needs_one_three_byte_vendor_id_first()
    {
        Single(File(Start, Tlv(43, Hex("01 01 00")), End), ConfigFileProblemKind.MissingVendorId).Offset.Should().Be(3);
        Single(File(Start, Tlv(43, Hex("08 02 00 10")), End), ConfigFileProblemKind.InvalidSubTlvLength).Offset.Should().Be(5);
        Single(File(Start, Tlv(43, Hex("08 03 00 10 95  08 03 00 10 96")), End), ConfigFileProblemKind.DuplicateSubTlv).Offset.Should().Be(10);
        Single(File(Start, Tlv(43, Hex("01 01 00  08 03 00 10 95")), End), ConfigFileProblemKind.MisplacedVendorId).Offset.Should().Be(8);
    }

    [Fact]
    public void An_unknown_TLV_is_skipped_with_a_two_byte_length_and_kept()
    {
        // PKT-PROV1.5 §9.1: an unrecognised TLV is ignored "assuming the length field ... is 2 bytes".
        var data = File(Start, Hex("63 00 03 AA BB CC"), Tlv11(Enabled), End);
        var p = Single(data, ConfigFileProblemKind.UnknownTlv);
        (p.Offset, p.TlvType, p.Severity).Should().Be((3, 99, ConfigFileProblemSeverity.Warning));
        var file = EueConfigFile.Decode(data);
        file.Tlvs[1].LengthFieldSize.Should().Be(2);
        file.Tlvs[1].Value.ToArray().Should().Equal(0xAA, 0xBB, 0xCC);
        file.VarBinds.Should().ContainSingle();
    }

    [Fact]
    public void TLV64_for_a_short_varbind_and_TLV11_of_255_bytes_are_warnings()
    {
        var data = File(Start, [ConfigTlvType.SnmpMibObjectLong, 0, (byte)Enabled.Length], Enabled, End);
        Single(data, ConfigFileProblemKind.Tlv64WhereTlv11Fits).Severity.Should().Be(ConfigFileProblemSeverity.Warning);

        var big = new VarBind("1.3.6.1.4.1.4491.99.1.0", SnmpValue.OctetString(new byte[255 - 18])).Encode();
        big.Length.Should().Be(255);
        Single(File(Start, Tlv11(big), End), ConfigFileProblemKind.VarBindTooLongForTlv11).Offset.Should().Be(3);
    }

    [Fact]
    public void Every_malformed_TLV_is_reported_not_only_the_first()
    {
        byte[] badVarBind = Tlv11(Hex("04 01 41"));
        byte[] badV6 = Tlv(38, File(Hex("03 02 00 03 08 04"), new byte[4]));
        byte[] data = File(Start, badVarBind, Tlv11(Enabled), badV6, End, Tlv11(Enabled));
        int v6At = 3 + badVarBind.Length + 2 + Enabled.Length;
        int afterEnd = v6At + badV6.Length + 3;

        var result = EueConfigFile.Parse(data);
        result.Errors.Select(p => (p.Kind, p.Offset)).Should().Equal(
            (ConfigFileProblemKind.InvalidVarBind, 5),
            (ConfigFileProblemKind.InvalidSubTlvLength, v6At + 2 + 4),
            (ConfigFileProblemKind.DataAfterEndOfFile, afterEnd));
        result.File.Tlvs.Should().HaveCount(6);
        result.File.VarBinds.Should().HaveCount(2, "the well-formed VarBinds are still read");
        result.File.Encode().Should().Equal(data);
        Strict(data).Offset.Should().Be(5, "strict mode stops at the first error");
    }
}
