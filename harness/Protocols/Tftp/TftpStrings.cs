using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Tftp;

/// <summary>
/// NUL-terminated strings, the only variable field TFTP has. Bytes map to chars one to one (Latin-1),
/// so that any byte a device sends is kept and re-encoded exactly; RFC 1350 asks for netascii, and
/// judging that is a verdict's business, not the decoder's.
/// </summary>
static class TftpStrings
{
    public static string Read(ref WireReader reader, string field)
    {
        int at = reader.Offset;
        int nul = reader.Rest.IndexOf((byte)0);
        if (nul < 0) throw reader.Error(field, reader.HasData ? "no NUL terminator before the end of the datagram" : "missing: the datagram ends here", at);
        var text = Encoding.Latin1.GetString(reader.ReadBytes(nul, field));
        reader.ReadByte(field);
        return text;
    }

    public static void Write(WireBuffer buffer, string text, string what)
    {
        foreach (char c in text)
            if (c is '\0' or > '\u00FF')
                throw new ArgumentException($"{what} '{text}' cannot be sent: TFTP strings are NUL-terminated bytes (no NUL, no char above U+00FF)");
        buffer.WriteBytes(Encoding.Latin1.GetBytes(text));
        buffer.WriteByte(0);
    }

    /// <summary>RFC 2347 option pairs up to the end of the datagram.</summary>
    public static List<TftpOption> ReadOptions(ref WireReader reader)
    {
        var options = new List<TftpOption>();
        while (reader.HasData)
        {
            int at = reader.Offset;
            string name = Read(ref reader, "tftp.option.name");
            if (name.Length == 0) throw reader.Error("tftp.option.name", "empty option name", at);
            if (!reader.HasData) throw reader.Error("tftp.option.value", $"option '{name}' has no value (an odd option list)");
            string value = Read(ref reader, "tftp.option.value");
            options.Add(new TftpOption(name, value));
        }
        return options;
    }

    public static void WriteOptions(WireBuffer buffer, IReadOnlyList<TftpOption> options)
    {
        foreach (var o in options)
        {
            if (o.Name.Length == 0) throw new ArgumentException("an option name cannot be empty");
            Write(buffer, o.Name, "option name");
            Write(buffer, o.Value, $"value of option '{o.Name}'");
        }
    }

    public static bool SameOptions(IReadOnlyList<TftpOption> a, IReadOnlyList<TftpOption> b) => a.SequenceEqual(b);

    public static int HashOptions(IReadOnlyList<TftpOption> options)
    {
        var h = new HashCode();
        foreach (var o in options) h.Add(o);
        return h.ToHashCode();
    }
}
