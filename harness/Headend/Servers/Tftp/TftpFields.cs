using System.Globalization;
using EUeConformance.Protocols.Tftp;

namespace EUeConformance.Headend.Servers.Tftp;

/// <summary>A TFTP packet's fields for evidence, under Wireshark's names (packet-tftp.c).</summary>
public static class TftpFields
{
    public static string KindOf(TftpPacket p) => p switch
    {
        TftpReadRequest => "RRQ",
        TftpWriteRequest => "WRQ",
        TftpData => "DATA",
        TftpAck => "ACK",
        TftpError => "ERROR",
        TftpOptionAck => "OACK",
        _ => p.Opcode.ToString(),
    };

    public static IReadOnlyDictionary<string, string> Of(TftpPacket p)
    {
        var f = new Dictionary<string, string> { ["tftp.opcode"] = ((ushort)p.Opcode).ToString(CultureInfo.InvariantCulture) };
        switch (p)
        {
            case TftpRequest r:
                f[r is TftpWriteRequest ? "tftp.destination_file" : "tftp.source_file"] = r.Filename;
                f["tftp.type"] = r.ModeText;
                Options(f, r.Options);
                break;
            case TftpOptionAck o: Options(f, o.Options); break;
            case TftpData d:
                f["tftp.block"] = d.Block.ToString(CultureInfo.InvariantCulture);
                f["tftp.data.length"] = d.Payload.Length.ToString(CultureInfo.InvariantCulture);
                break;
            case TftpAck a: f["tftp.block"] = a.Block.ToString(CultureInfo.InvariantCulture); break;
            case TftpError e:
                f["tftp.error.code"] = ((ushort)e.Code).ToString(CultureInfo.InvariantCulture);
                f["tftp.error.message"] = e.Message;
                break;
        }
        return f;
    }

    static void Options(Dictionary<string, string> f, IReadOnlyList<TftpOption> options)
    {
        if (options.Count == 0) return;
        f["tftp.option.name"] = string.Join(',', options.Select(o => o.Name));
        f["tftp.option.value"] = string.Join(',', options.Select(o => o.Value));
    }
}
