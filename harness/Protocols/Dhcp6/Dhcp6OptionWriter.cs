using System.Net;
using System.Text;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// Writes option data, in the manner of AsnWriter: network-order fields, whole options, and
/// nested options whose length is filled in when their scope ends:
/// <code>using (w.PushOption(ClOptionCode.Cccv6)) { w.WriteOption(...); }</code>
/// </summary>
public sealed class Dhcp6OptionWriter(int capacity = 64)
{
    readonly WireBuffer _buffer = new(capacity);
    int _open;

    public int Length => _buffer.Length;
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray()
    {
        if (_open != 0) throw new InvalidOperationException($"{_open} option(s) pushed and not popped");
        return _buffer.ToArray();
    }

    public void WriteUInt8(byte value) => _buffer.WriteByte(value);
    public void WriteUInt16(ushort value) => _buffer.WriteUInt16(value);
    public void WriteUInt32(uint value) => _buffer.WriteUInt32(value);
    public void WriteInt32(int value) => _buffer.WriteUInt32(unchecked((uint)value));
    public void WriteUInt64(ulong value) => _buffer.WriteUInt64(value);
    public void WriteBytes(ReadOnlySpan<byte> value) => _buffer.WriteBytes(value);

    /// <summary>An IPv4 address as 4 octets or an IPv6 address as 16.</summary>
    public void WriteAddress(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out int n)) throw new ArgumentException("cannot write the address", nameof(address));
        _buffer.WriteBytes(b[..n]);
    }

    /// <summary>Text, one octet per character (CableLabs strings are ASCII; Latin-1 keeps octets 0x80-0xFF).</summary>
    public void WriteString(string value) => _buffer.WriteBytes(Encoding.Latin1.GetBytes(value));

    /// <summary>A domain name in RFC 1035 wire format; without <paramref name="fullyQualified"/> the root label is left off (RFC 4704 §4.2 partial name).</summary>
    public void WriteDomainName(string name, bool fullyQualified = true) => _buffer.WriteBytes(DnsLabels.Encode(name, fullyQualified));

    public void WriteOption(ushort code, ReadOnlySpan<byte> data)
    {
        if (data.Length > Dhcp6Option.MaxDataLength) throw new ArgumentException($"option {code}: {data.Length} octets do not fit a 2-octet length", nameof(data));
        _buffer.WriteUInt16(code);
        _buffer.WriteUInt16((ushort)data.Length);
        _buffer.WriteBytes(data);
    }

    public void WriteOption(Dhcp6Option option) => WriteOption(option.Code, option.Span);

    /// <summary>Starts an option whose data is what is written until the scope is disposed (or <see cref="PopOption"/>).</summary>
    public Scope PushOption(ushort code)
    {
        _buffer.WriteUInt16(code);
        _open++;
        return new Scope(this, _buffer.ReserveLength(2));
    }

    public void PopOption(Scope scope)
    {
        _buffer.FillLength(scope.LengthAt, 2);
        _open--;
    }

    public readonly struct Scope : IDisposable
    {
        readonly Dhcp6OptionWriter _writer;
        internal Scope(Dhcp6OptionWriter writer, int lengthAt) { _writer = writer; LengthAt = lengthAt; }
        internal int LengthAt { get; }
        public void Dispose() => _writer.PopOption(this);
    }
}
