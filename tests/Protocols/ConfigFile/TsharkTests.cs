using System.Formats.Asn1;
using System.Net;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>
/// tshark 4.0 as the judge. Its DOCSIS TLV dissector (docsis_tlv) decodes MTA files, except TLV 64
/// which it reads as the DOCSIS TLV 64 with a 1-byte length; it is reached through an exported-PDU
/// pcap (no port, heuristic or Decode As leads to it; TFTP passes file data on as plain "data").
/// The VarBinds, TLV 64 included, are also checked by tshark's SNMP dissector inside a SetRequest.
/// </summary>
public class TsharkTests
{
    static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexString(b).ToLowerInvariant();

    [Fact]
    public void Docsis_tlv_decodes_our_files_with_the_TLVs_and_values_we_wrote()
    {
        EueConfigFile[] files = [ConfigFileSamples.SecureFlow(), ConfigFileSamples.BasicFlowWithHash()];
        string pcap = ExportedPduPcap.Write("docsis_tlv", [.. files.Select(f => f.Encode())]);
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));

        var rows = Tshark.Fields(pcap, "docsis_tlv.unknown.type", "docsis_tlv.unknown.value", "docsis_tlv.snmp_obj", "docsis_tlv.snmpv3ntfy", "docsis_vsif.vendorid");
        rows.Should().HaveCount(2);
        for (int i = 0; i < files.Length; i++)
        {
            var row = rows[i];
            var tlvs = files[i].Tlvs;
            row[0].Should().Be("254,254", "docsis_tlv shows the MTA delimiters as unknown TLVs");
            row[1].Should().Be("01,ff");
            row[2].Split(',').Should().Equal(tlvs.Where(t => t.Type == 11).Select(t => Hex(t.Value)));
            row[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Should().Equal(tlvs.Where(t => t.Type == 38).Select(t => Hex(t.Value)));
            row[4].Split(',', StringSplitOptions.RemoveEmptyEntries).Should().Equal(tlvs.Where(t => t.Type == 43).Select(_ => "0x" + Hex(ConfigFileSamples.VendorOui)));
        }
        // The hash TLV of the Basic-flow file: tshark sees the SHA-1 we computed inside the last TLV 11.
        rows[1][2].Split(',').Last().Should().EndWith(Hex(ConfigFileHash.VerifyBasicFlowHash(files[1]).Computed));
    }

    [Fact]
    public void The_SNMP_dissector_reads_every_varbind_of_the_file_with_its_name_and_value()
    {
        var file = ConfigFileSamples.AllSmiTypes();
        string pcap = Tshark.PcapOfUdp((SetRequest(file), new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000), new IPEndPoint(IPAddress.Parse("10.0.0.2"), 161)));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));

        var row = Tshark.Fields(pcap, "snmp.name", "snmp.value.int", "snmp.value.octets", "snmp.value.oid", "snmp.value.ipv4",
            "snmp.value.counter", "snmp.value.g32", "snmp.value.timeticks", "snmp.value.opaque").Single();
        row[0].Split(',').Should().Equal(file.VarBinds.Select(v => v.Oid));
        row[1].Should().Be("-5");
        row[2].Split(',').Should().Equal(Hex("text"u8), Hex(System.Text.Encoding.ASCII.GetBytes(new string('x', 400))));
        row[3].Should().Be("1.3.6.1.2.1.1");
        row[4].Should().Be("192.0.2.1");
        row[5].Split(',').Should().Equal("4000000000", "18000000000000000000"); // Counter32, Counter64
        row[6].Should().Be("7");
        row[7].Should().Be("12345");
        row[8].Should().Be("9f780442f60000");
    }

    [Fact]
    public void The_SNMP_dissector_reads_the_secure_flow_objects_by_OID()
    {
        var file = ConfigFileSamples.SecureFlow();
        string pcap = Tshark.PcapOfUdp((SetRequest(file), new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000), new IPEndPoint(IPAddress.Parse("10.0.0.2"), 161)));
        Tshark.Problems(pcap).Should().BeEmpty();
        var row = Tshark.Fields(pcap, "snmp.name", "snmp.value.octets").Single();
        row[0].Split(',').Should().Contain(["1.3.6.1.2.1.140.1.3.6.1.2.1", "1.3.6.1.2.1.140.1.3.6.1.5.1", "1.3.6.1.2.1.140.1.1.6.0"]);
        row[1].Split(',').Should().Contain([Hex("PCLAB.EXAMPLE.COM"u8), Hex("Example Cable Operator"u8)]);
    }

    [Fact]
    public void A_file_served_over_TFTP_arrives_intact_as_the_DATA_payload()
    {
        byte[] cfg = ConfigFileSamples.SecureFlow().Encode();
        cfg.Length.Should().BeLessThan(512, "one DATA block");
        byte[] rrq = [0, 1, .. "eue.cfg"u8, 0, .. "octet"u8, 0];
        byte[] data = [0, 3, 0, 1, .. cfg];
        var client = new IPEndPoint(IPAddress.Parse("10.0.0.9"), 40001);
        string pcap = Tshark.PcapOfUdp((rrq, client, new IPEndPoint(IPAddress.Parse("10.0.0.2"), 69)),
            (data, new IPEndPoint(IPAddress.Parse("10.0.0.2"), 50000), client));
        Tshark.Problems(pcap).Should().BeEmpty();
        var rows = Tshark.Fields(pcap, "tftp.opcode", "tftp.source_file", "tftp.block", "data.data");
        rows[0][..2].Should().Equal("1", "eue.cfg");
        rows[1][0].Should().Be("3");
        rows[1][2].Should().Be("1");
        rows[1][3].Should().Be(Hex(cfg));
    }

    /// <summary>An SNMPv2c SetRequest whose VarBindList is the raw TLV 11/64 values of the file.</summary>
    static byte[] SetRequest(EueConfigFile file)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1); // version-2c (RFC 3416 / RFC 1901)
            w.WriteOctetString("private"u8);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true))) // SetRequest-PDU
            {
                w.WriteInteger(4491);
                w.WriteInteger(0);
                w.WriteInteger(0);
                using (w.PushSequence())
                    foreach (var t in file.Tlvs.Where(t => t.IsVarBind))
                        w.WriteEncodedValue(t.Value);
            }
        }
        return w.Encode();
    }
}
