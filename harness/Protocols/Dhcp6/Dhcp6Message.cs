using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// A DHCPv6 message (RFC 3315 §6, §7): a client/server message (type, 24-bit transaction ID) or a
/// relay message (type, hop count, link and peer addresses), then its options in order, each kept
/// as raw bytes with typed accessors (see the partial class in Dhcp6Message.Accessors.cs).
/// <see cref="Decode"/> checks every option the tables know and throws only <see cref="ParseError"/>;
/// <see cref="Encode()"/> writes the options back byte for byte, so encode(decode(b)) == b.
/// </summary>
public sealed partial class Dhcp6Message : IEquatable<Dhcp6Message>
{
    public const int ClientServerHeaderLength = 4;
    public const int RelayHeaderLength = 34;
    public const uint MaxTransactionId = 0xFFFFFF;

    readonly Dhcp6Option[] _options;
    readonly byte[]? _linkAddress;
    readonly byte[]? _peerAddress;

    Dhcp6Message(Dhcp6MessageType type, uint transactionId, byte hopCount, byte[]? linkAddress, byte[]? peerAddress, Dhcp6Option[] options)
    {
        Type = type;
        TransactionId = transactionId;
        HopCount = hopCount;
        _linkAddress = linkAddress;
        _peerAddress = peerAddress;
        _options = options;
    }

    /// <summary>A client/server message (RFC 3315 §6).</summary>
    public static Dhcp6Message Create(Dhcp6MessageType type, uint transactionId, params IEnumerable<Dhcp6Option> options)
    {
        if (IsRelayType(type)) throw new ArgumentException($"{type} is a relay message: use CreateRelay", nameof(type));
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type), type, "not an RFC 3315 message type");
        if (transactionId > MaxTransactionId) throw new ArgumentOutOfRangeException(nameof(transactionId), transactionId, "the transaction ID has 24 bits");
        return new Dhcp6Message(type, transactionId, 0, null, null, [.. options]);
    }

    /// <summary>A RELAY-FORW or RELAY-REPL message (RFC 3315 §7).</summary>
    public static Dhcp6Message CreateRelay(Dhcp6MessageType type, byte hopCount, IPAddress linkAddress, IPAddress peerAddress, params IEnumerable<Dhcp6Option> options)
    {
        if (!IsRelayType(type)) throw new ArgumentException($"{type} is not a relay message: use Create", nameof(type));
        return new Dhcp6Message(type, 0, hopCount, Ipv6Bytes(linkAddress, nameof(linkAddress)), Ipv6Bytes(peerAddress, nameof(peerAddress)), [.. options]);
    }

    public Dhcp6MessageType Type { get; }
    /// <summary>The 24-bit transaction ID of a client/server message; 0 for a relay message.</summary>
    public uint TransactionId { get; }
    public bool IsRelay => IsRelayType(Type);
    /// <summary>Relay messages: the number of relays the message has passed (RFC 3315 §7.1).</summary>
    public byte HopCount { get; }
    /// <summary>Relay messages: the link-address field; null for client/server messages.</summary>
    public IPAddress? LinkAddress => _linkAddress is null ? null : new IPAddress(_linkAddress);
    /// <summary>Relay messages: the peer-address field; null for client/server messages.</summary>
    public IPAddress? PeerAddress => _peerAddress is null ? null : new IPAddress(_peerAddress);
    /// <summary>The options in wire order.</summary>
    public IReadOnlyList<Dhcp6Option> Options => _options;

    public int HeaderLength => IsRelay ? RelayHeaderLength : ClientServerHeaderLength;

    public int EncodedLength
    {
        get
        {
            int n = HeaderLength;
            foreach (var o in _options) n += o.EncodedLength;
            return n;
        }
    }

    /// <summary>A copy with other options, same header.</summary>
    public Dhcp6Message WithOptions(params IEnumerable<Dhcp6Option> options) =>
        new(Type, TransactionId, HopCount, _linkAddress, _peerAddress, [.. options]);

    static bool IsRelayType(Dhcp6MessageType type) => type is Dhcp6MessageType.RelayForw or Dhcp6MessageType.RelayRepl;

    static byte[] Ipv6Bytes(IPAddress address, string name)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) throw new ArgumentException("needs an IPv6 address", name);
        return address.GetAddressBytes();
    }

    // ---- decoding ----

    /// <summary>Decodes one DHCPv6 datagram (the UDP payload); throws only <see cref="ParseError"/>.</summary>
    public static Dhcp6Message Decode(ReadOnlySpan<byte> datagram)
    {
        // Validate first so that nothing is allocated for a datagram that will be rejected.
        Validate(datagram, 0, 0);
        return Read(datagram.ToArray(), 0);
    }

    /// <summary>Reads a message already validated; its option data are slices of <paramref name="buffer"/>.</summary>
    internal static Dhcp6Message Read(ReadOnlyMemory<byte> buffer, int baseOffset)
    {
        var span = buffer.Span;
        var type = (Dhcp6MessageType)span[0];
        int header;
        uint xid = 0;
        byte hops = 0;
        byte[]? link = null, peer = null;
        if (IsRelayType(type))
        {
            hops = span[1];
            link = span.Slice(2, 16).ToArray();
            peer = span.Slice(18, 16).ToArray();
            header = RelayHeaderLength;
        }
        else
        {
            xid = (uint)(span[1] << 16 | span[2] << 8 | span[3]);
            header = ClientServerHeaderLength;
        }
        var options = ReadOptions(buffer[header..], baseOffset + header);
        return new Dhcp6Message(type, xid, hops, link, peer, options);
    }

    static Dhcp6Option[] ReadOptions(ReadOnlyMemory<byte> data, int baseOffset)
    {
        var span = data.Span;
        int count = 0;
        for (int pos = 0; pos < span.Length; count++) pos += 4 + BinaryPrimitives.ReadUInt16BigEndian(span[(pos + 2)..]);
        var options = new Dhcp6Option[count];
        for (int i = 0, pos = 0; i < count; i++)
        {
            ushort code = BinaryPrimitives.ReadUInt16BigEndian(span[pos..]);
            int len = BinaryPrimitives.ReadUInt16BigEndian(span[(pos + 2)..]);
            options[i] = new Dhcp6Option(code, data.Slice(pos + 4, len), baseOffset + pos, Dhcp6OptionSpaces.Dhcp6);
            pos += 4 + len;
        }
        return options;
    }

    /// <summary>Checks a whole message (header, then every option, recursively) without allocating.</summary>
    internal static void Validate(ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        if (depth > OptionValidator.MaxDepth)
            throw new ParseError(OptionValidator.Protocol, baseOffset, "dhcpv6.msgtype", $"relay messages nested more than {OptionValidator.MaxDepth} deep");
        if (data.Length < 1)
            throw new ParseError(OptionValidator.Protocol, baseOffset, "dhcpv6.msgtype", "empty message: needs at least the message type");
        byte type = data[0];
        if (type is 0 or > (byte)Dhcp6MessageType.RelayRepl)
            throw new ParseError(OptionValidator.Protocol, baseOffset, "dhcpv6.msgtype", $"message type {type} is not an RFC 3315 message type (1..13)");
        int header;
        if (IsRelayType((Dhcp6MessageType)type))
        {
            if (data.Length < 2) throw Truncated(baseOffset + 1, "dhcpv6.hopcount", 1, data.Length - 1);
            if (data.Length < 18) throw Truncated(baseOffset + 2, "dhcpv6.linkaddr", 16, data.Length - 2);
            if (data.Length < 34) throw Truncated(baseOffset + 18, "dhcpv6.peeraddr", 16, data.Length - 18);
            header = RelayHeaderLength;
        }
        else
        {
            if (data.Length < 4) throw Truncated(baseOffset + 1, "dhcpv6.xid", 3, data.Length - 1);
            header = ClientServerHeaderLength;
        }
        Dhcp6OptionReader.ValidateAll(data[header..], baseOffset + header, Dhcp6OptionSpaces.Dhcp6, depth);
    }

    static ParseError Truncated(int offset, string field, int needs, int left) =>
        new(OptionValidator.Protocol, offset, field, $"needs {needs} octet(s), only {left} left");

    // ---- encoding ----

    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        WriteUnchecked(bytes);
        return bytes;
    }

    public void Encode(IBufferWriter<byte> output)
    {
        int length = EncodedLength;
        WriteUnchecked(output.GetSpan(length));
        output.Advance(length);
    }

    public void Encode(WireBuffer output) => output.WriteBytes(Encode());

    /// <summary>Writes the message to the start of <paramref name="destination"/>; returns the octets written.</summary>
    public int Write(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length) throw new ArgumentException($"needs {length} octets, has {destination.Length}", nameof(destination));
        return WriteUnchecked(destination);
    }

    int WriteUnchecked(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        int pos;
        if (IsRelay)
        {
            destination[1] = HopCount;
            _linkAddress.CopyTo(destination[2..]);
            _peerAddress.CopyTo(destination[18..]);
            pos = RelayHeaderLength;
        }
        else
        {
            destination[1] = (byte)(TransactionId >> 16);
            destination[2] = (byte)(TransactionId >> 8);
            destination[3] = (byte)TransactionId;
            pos = ClientServerHeaderLength;
        }
        foreach (var o in _options)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[pos..], o.Code);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(pos + 2)..], (ushort)o.Length);
            o.Span.CopyTo(destination[(pos + 4)..]);
            pos += o.EncodedLength;
        }
        return pos;
    }

    // ---- equality: header and options (code and data), not where they were decoded from ----

    public bool Equals(Dhcp6Message? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (Type != other.Type || TransactionId != other.TransactionId || HopCount != other.HopCount) return false;
        if (!AddressEquals(_linkAddress, other._linkAddress) || !AddressEquals(_peerAddress, other._peerAddress)) return false;
        if (_options.Length != other._options.Length) return false;
        for (int i = 0; i < _options.Length; i++)
            if (!_options[i].Equals(other._options[i])) return false;
        return true;
    }

    static bool AddressEquals(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    public override bool Equals(object? obj) => Equals(obj as Dhcp6Message);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Type);
        h.Add(TransactionId);
        h.Add(HopCount);
        foreach (var o in _options) h.Add(o);
        return h.ToHashCode();
    }

    public override string ToString() => IsRelay
        ? $"{Type} hops={HopCount} link={LinkAddress} peer={PeerAddress} options=[{string.Join(", ", _options)}]"
        : $"{Type} xid=0x{TransactionId:x6} options=[{string.Join(", ", _options)}]";
}
