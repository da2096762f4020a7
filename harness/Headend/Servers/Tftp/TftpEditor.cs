using System.Globalization;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Tftp;

namespace EUeConformance.Headend.Servers.Tftp;

/// <summary>
/// Field overrides on what the TFTP server sends: an OACK option's value by its name ("blksize", "tsize",
/// "timeout"; added when absent), a DATA packet's "block" number, an ERROR's "code".
/// </summary>
public static class TftpEditor
{
    public static TftpPacket Apply(TftpPacket packet, IReadOnlyList<Override> edits)
    {
        foreach (var f in edits.OfType<SetField>())
            packet = (packet, f.Field.ToLowerInvariant()) switch
            {
                (TftpData d, "block") => d with { Block = ushort.Parse(f.Value, CultureInfo.InvariantCulture) },
                (TftpError e, "code") => e with { Code = (TftpErrorCode)ushort.Parse(f.Value, CultureInfo.InvariantCulture) },
                (TftpOptionAck o, var name) => o with
                {
                    Options = o.Options.Any(x => x.Is(name))
                        ? [.. o.Options.Select(x => x.Is(name) ? x with { Value = f.Value } : x)]
                        : [.. o.Options, new TftpOption(name, f.Value)],
                },
                _ => throw new ArgumentException($"'{f.Field}' cannot be set on a TFTP {TftpFields.KindOf(packet)}"),
            };
        return packet;
    }
}
