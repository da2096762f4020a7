using System.Buffers.Binary;
using System.Text;
using EUeConformance.Tests.Support;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>
/// A pcap of LINKTYPE_WIRESHARK_UPPER_PDU (252) records: each record names the dissector that must
/// decode its payload (tag 12, EXP_PDU_TAG_DISSECTOR_NAME). This is how tshark is made to run its
/// DOCSIS TLV dissector ("docsis_tlv", which also decodes PacketCable MTA files) on a configuration
/// file: that dissector has no port, no heuristic and no Decode As entry, and TFTP hands file data to
/// no dissector. (The project's PcapWriter writes Ethernet only.)
/// </summary>
static class ExportedPduPcap
{
    const uint LinkTypeUpperPdu = 252;
    const ushort TagDissectorName = 12;

    public static string Write(string dissector, params byte[][] payloads)
    {
        string path = Path.Combine(Repo.TempDir(), "exported-pdu.pcap");
        using var f = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 262144);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeUpperPdu);
        f.Write(header);

        byte[] name = Encoding.ASCII.GetBytes(dissector);
        int padded = (name.Length + 3) / 4 * 4;
        uint seconds = 1274961600; // 2010-05-27 12:00 UTC, the spec's date
        Span<byte> rec = stackalloc byte[16];
        foreach (var payload in payloads)
        {
            // Tags are big-endian: tag(2) length(2) value padded to 4; end-of-options tag 0 length 0.
            var record = new byte[4 + padded + 4 + payload.Length];
            BinaryPrimitives.WriteUInt16BigEndian(record, TagDissectorName);
            BinaryPrimitives.WriteUInt16BigEndian(record.AsSpan(2), (ushort)padded);
            name.CopyTo(record, 4);
            payload.CopyTo(record, 4 + padded + 4);

            BinaryPrimitives.WriteUInt32LittleEndian(rec, seconds++);
            BinaryPrimitives.WriteUInt32LittleEndian(rec[8..], (uint)record.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(rec[12..], (uint)record.Length);
            f.Write(rec);
            f.Write(record);
        }
        return path;
    }
}
