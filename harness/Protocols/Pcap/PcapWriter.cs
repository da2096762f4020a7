namespace EUeConformance.Protocols.Pcap;

/// <summary>
/// Classic libpcap files (magic 0xa1b2c3d4, microsecond timestamps, LINKTYPE_ETHERNET), the format
/// every version of Wireshark and tshark opens. Frames come from <see cref="Frames"/>.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    const uint Magic = 0xA1B2C3D4;
    const uint LinkTypeEthernet = 1;
    readonly Stream _stream;
    readonly bool _ownsStream;

    public PcapWriter(Stream stream, bool ownsStream = false, uint snapLength = 262144)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        Span<byte> header = stackalloc byte[24];
        // The header is written in little-endian; readers detect the byte order from the magic.
        BitConverter.TryWriteBytes(header[0..], Magic);
        BitConverter.TryWriteBytes(header[4..], (ushort)2);
        BitConverter.TryWriteBytes(header[6..], (ushort)4);
        BitConverter.TryWriteBytes(header[8..], 0);
        BitConverter.TryWriteBytes(header[12..], 0u);
        BitConverter.TryWriteBytes(header[16..], snapLength);
        BitConverter.TryWriteBytes(header[20..], LinkTypeEthernet);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("pcap writing assumes a little-endian host");
        _stream.Write(header);
    }

    public static PcapWriter Create(string path) => new(File.Create(path), ownsStream: true);

    public void Write(DateTimeOffset timestamp, ReadOnlySpan<byte> frame)
    {
        long micros = (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        Span<byte> record = stackalloc byte[16];
        BitConverter.TryWriteBytes(record[0..], (uint)(micros / 1_000_000));
        BitConverter.TryWriteBytes(record[4..], (uint)(micros % 1_000_000));
        BitConverter.TryWriteBytes(record[8..], (uint)frame.Length);
        BitConverter.TryWriteBytes(record[12..], (uint)frame.Length);
        _stream.Write(record);
        _stream.Write(frame);
    }

    public void Dispose()
    {
        _stream.Flush();
        if (_ownsStream) _stream.Dispose();
    }
}
