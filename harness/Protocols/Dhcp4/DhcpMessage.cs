using System.Buffers;
using System.Net;
using System.Text;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// A BOOTP/DHCPv4 message (RFC 2131 §2, Figure 1): every header field, and the options as an
/// ordered list of <see cref="DhcpOption"/>s (RFC 3396-concatenated), with typed views for the
/// options the E-UE flows use. Immutable: build with an object initializer or the
/// <see cref="Create"/>/<see cref="ReplyTo"/> helpers; change with <c>with</c> and
/// <see cref="WithOption"/>. <see cref="Decode"/> throws only <see cref="Wire.ParseError"/>, and a
/// decoded message re-encodes to its exact input (see <see cref="DhcpWireLayout"/>).
/// </summary>
public sealed record DhcpMessage
{
    public const ushort BroadcastFlag = 0x8000;

    readonly byte[] _chAddr = new byte[16];
    readonly byte[]? _sName = new byte[Dhcp4Protocol.ServerNameLength];
    readonly byte[]? _file = new byte[Dhcp4Protocol.FileLength];
    readonly IReadOnlyList<DhcpOption> _options = [];

    public BootOp Op { get; init; } = BootOp.BootRequest;
    /// <summary>htype: ARP hardware type, 1 = Ethernet.</summary>
    public byte HType { get; init; } = 1;
    /// <summary>hlen: bytes of chaddr in use (6 for Ethernet).</summary>
    public byte HLen { get; init; } = 6;
    public byte Hops { get; init; }
    public uint Xid { get; init; }
    public ushort Secs { get; init; }
    /// <summary>RFC 2131 §2: the leftmost bit is BROADCAST, the rest MBZ.</summary>
    public ushort Flags { get; init; }
    public IPAddress CiAddr { get; init; } = IPAddress.Any;
    public IPAddress YiAddr { get; init; } = IPAddress.Any;
    /// <summary>siaddr: the next server (TFTP in the Basic flow).</summary>
    public IPAddress SiAddr { get; init; } = IPAddress.Any;
    public IPAddress GiAddr { get; init; } = IPAddress.Any;

    /// <summary>The whole 16-byte chaddr field, padding included.</summary>
    public byte[] ChAddr
    {
        get => _chAddr;
        init => _chAddr = value is { Length: 16 } ? value : throw new ArgumentException("chaddr is 16 bytes", nameof(value));
    }

    /// <summary>The 64-byte sname field, or null when option 52 makes it carry options.</summary>
    public byte[]? SName
    {
        get => _sName;
        init => _sName = value is null or { Length: Dhcp4Protocol.ServerNameLength } ? value : throw new ArgumentException("sname is 64 bytes", nameof(value));
    }

    /// <summary>The 128-byte file field, or null when option 52 makes it carry options.</summary>
    public byte[]? File
    {
        get => _file;
        init => _file = value is null or { Length: Dhcp4Protocol.FileLength } ? value : throw new ArgumentException("file is 128 bytes", nameof(value));
    }

    public IReadOnlyList<DhcpOption> Options
    {
        get => _options;
        init => _options = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The wire layout a decoded message came with (null for a built one); not part of equality.</summary>
    public DhcpWireLayout? Layout { get; init; }

    // Header views.

    public bool Broadcast => (Flags & BroadcastFlag) != 0;
    public byte[] ClientHardwareAddress => _chAddr[..Math.Min((int)HLen, 16)];
    /// <summary>sname as text up to the first NUL (null when it carries options).</summary>
    public string? ServerHostName => _sName is null ? null : FieldText(_sName);
    public string? BootFileName => _file is null ? null : FieldText(_file);

    /// <summary>A 16-byte chaddr holding <paramref name="hardwareAddress"/> then zeros.</summary>
    public static byte[] ChAddrOf(ReadOnlySpan<byte> hardwareAddress)
    {
        if (hardwareAddress.Length > 16) throw new ArgumentException("chaddr holds at most 16 bytes", nameof(hardwareAddress));
        var field = new byte[16];
        hardwareAddress.CopyTo(field);
        return field;
    }

    /// <summary>A NUL-padded sname (64) or file (128) field holding <paramref name="text"/>.</summary>
    public static byte[] FieldOf(string text, int size)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        if (bytes.Length > size) throw new ArgumentException($"'{text}' does not fit a {size}-byte field", nameof(text));
        var field = new byte[size];
        bytes.CopyTo(field, 0);
        return field;
    }

    static string FieldText(byte[] field)
    {
        int end = Array.IndexOf(field, (byte)0);
        return OptionText.Decode(field.AsSpan(0, end < 0 ? field.Length : end));
    }

    // Option access.

    /// <summary>The option with this code (all its instances concatenated), or null.</summary>
    public DhcpOption? GetOption(byte code)
    {
        foreach (var o in _options) if (o.Code == code) return o;
        return null;
    }

    public bool HasOption(byte code) => GetOption(code) is not null;

    /// <summary>A copy with <paramref name="option"/> replacing the option of the same code (or appended).</summary>
    public DhcpMessage WithOption(DhcpOption option)
    {
        var list = _options.ToList();
        int i = list.FindIndex(o => o.Code == option.Code);
        if (i >= 0) list[i] = option; else list.Add(option);
        return CopyWith(list);
    }

    /// <summary>A copy without option <paramref name="code"/>.</summary>
    public DhcpMessage WithoutOption(byte code) => CopyWith(_options.Where(o => o.Code != code).ToList());

    /// <summary>A copy with these options (the wire layout is dropped: the copy encodes canonically).</summary>
    public DhcpMessage CopyWith(IReadOnlyList<DhcpOption> options) => this with { Options = options, Layout = null };

    // Typed views of the options the E-UE flows use.

    public DhcpMessageType? MessageType => GetOption(DhcpOptionCode.DhcpMessageType) is { Length: 1 } o ? (DhcpMessageType)o.Value[0] : null;
    public OptionOverload Overload => GetOption(DhcpOptionCode.OptionOverload) is { Length: 1 } o ? (OptionOverload)(o.Value[0] & 3) : OptionOverload.None;
    public IPAddress? SubnetMask => GetOption(DhcpOptionCode.SubnetMask)?.AsAddress();
    public IReadOnlyList<IPAddress>? Routers => GetOption(DhcpOptionCode.Router)?.AsAddresses();
    public IReadOnlyList<IPAddress>? DomainNameServers => GetOption(DhcpOptionCode.DomainNameServer)?.AsAddresses();
    /// <summary>Option 7; EUE-PROV: the eUE uses the first as its syslog server.</summary>
    public IReadOnlyList<IPAddress>? LogServers => GetOption(DhcpOptionCode.LogServer)?.AsAddresses();
    public string? HostName => GetOption(DhcpOptionCode.HostName)?.AsString();
    public string? DomainName => GetOption(DhcpOptionCode.DomainName)?.AsString();
    public IPAddress? RequestedIpAddress => GetOption(DhcpOptionCode.RequestedIpAddress)?.AsAddress();
    public uint? LeaseTime => GetOption(DhcpOptionCode.IpAddressLeaseTime)?.AsUInt32();
    public IPAddress? ServerIdentifier => GetOption(DhcpOptionCode.ServerIdentifier)?.AsAddress();
    public IReadOnlyList<byte>? ParameterRequestList => GetOption(DhcpOptionCode.ParameterRequestList)?.AsUInt8List();
    public string? VendorClassIdentifier => GetOption(DhcpOptionCode.VendorClassIdentifier)?.AsString();

    /// <summary>Option 60 as PacketCable capabilities, when it has the "pktcX.Y:" form.</summary>
    public DeviceCapabilities? DeviceCapabilities => GetOption(DhcpOptionCode.VendorClassIdentifier) is { } o && Dhcp4.DeviceCapabilities.IsCapabilityString(o.Value)
        ? Dhcp4.DeviceCapabilities.Decode(o.Value, Math.Max(o.Offset, 0)) : null;

    public ClientIdentifier? ClientIdentifier => GetOption(DhcpOptionCode.ClientIdentifier) is { } o ? Dhcp4.ClientIdentifier.Decode(o.Value, Math.Max(o.Offset, 0)) : null;

    /// <summary>Option 43 read as CableLabs sub-options (whatever option 60 says).</summary>
    public CableLabsVendorInformation? CableLabsVendorInformation => GetOption(DhcpOptionCode.VendorEncapsulatedOptions) is { } o
        ? Dhcp4.CableLabsVendorInformation.Decode(o.Value, Math.Max(o.Offset, 0)) : null;

    public RelayAgentInformation? RelayAgentInformation => GetOption(DhcpOptionCode.RelayAgentInformation) is { } o
        ? Dhcp4.RelayAgentInformation.Decode(o.Value, Math.Max(o.Offset, 0)) : null;

    /// <summary>Option 122 (CL_OPTION_CCC).</summary>
    public ClientConfiguration? ClientConfiguration => GetOption(DhcpOptionCode.CableLabsClientConfiguration) is { } o
        ? Dhcp4.ClientConfiguration.Decode(o.Value, Math.Max(o.Offset, 0)) : null;

    /// <summary>Option 125, all enterprises.</summary>
    public VendorIdentifyingData? VendorSpecificInformation => GetOption(DhcpOptionCode.ViVendorSpecificInformation) is { } o
        ? VendorIdentifyingData.Decode(o.Value, Math.Max(o.Offset, 0)) : null;

    /// <summary>Option 125's CableLabs (4491) block: CL_V4OPTION_ORO / CCCV6 / IP_PREF.</summary>
    public CableLabsV4Options? CableLabsV4 => VendorSpecificInformation?.CableLabs;

    // Construction helpers for the message types.

    /// <summary>
    /// A client message (DISCOVER, REQUEST, DECLINE, RELEASE, INFORM) from an Ethernet client:
    /// op BOOTREQUEST, htype 1, hlen 6, option 53 first, then <paramref name="options"/>.
    /// </summary>
    public static DhcpMessage Create(DhcpMessageType type, uint xid, ReadOnlySpan<byte> clientMac, IEnumerable<DhcpOption>? options = null,
        bool broadcast = false) => new()
    {
        Op = type.BootOp(),
        HType = 1,
        HLen = (byte)clientMac.Length,
        Xid = xid,
        Flags = broadcast ? BroadcastFlag : (ushort)0,
        ChAddr = ChAddrOf(clientMac),
        Options = [DhcpOption.MessageType(type), .. options ?? []],
    };

    /// <summary>
    /// A server reply (OFFER, ACK, NAK) to <paramref name="request"/> per RFC 2131 §4.3.1 Table 3:
    /// xid, flags, giaddr, htype/hlen and chaddr copied; option 53 then 54 (server identifier) first.
    /// </summary>
    public static DhcpMessage ReplyTo(DhcpMessage request, DhcpMessageType type, IPAddress serverIdentifier, IPAddress? yiAddr = null,
        IEnumerable<DhcpOption>? options = null, IPAddress? siAddr = null) => new()
    {
        Op = BootOp.BootReply,
        HType = request.HType,
        HLen = request.HLen,
        Xid = request.Xid,
        Flags = request.Flags,
        CiAddr = type == DhcpMessageType.Ack ? request.CiAddr : IPAddress.Any,
        YiAddr = type == DhcpMessageType.Nak ? IPAddress.Any : yiAddr ?? IPAddress.Any,
        SiAddr = siAddr ?? IPAddress.Any,
        GiAddr = request.GiAddr,
        ChAddr = request.ChAddr,
        Options = [DhcpOption.MessageType(type), DhcpOption.ServerIdentifier(serverIdentifier), .. options ?? []],
    };

    // Wire.

    /// <summary>Decodes a DHCPv4 datagram (UDP payload). Throws only <see cref="Wire.ParseError"/>.</summary>
    public static DhcpMessage Decode(ReadOnlySpan<byte> datagram) => DhcpMessageDecoder.Decode(datagram);

    public byte[] Encode(DhcpEncodingSettings? settings = null) => DhcpMessageEncoder.Encode(this, settings ?? DhcpEncodingSettings.Default);

    public void Encode(IBufferWriter<byte> output, DhcpEncodingSettings? settings = null) => output.Write(Encode(settings));

    // Equality: every header field and every option, not the layout.

    public bool Equals(DhcpMessage? other) =>
        other is not null && Op == other.Op && HType == other.HType && HLen == other.HLen && Hops == other.Hops && Xid == other.Xid
        && Secs == other.Secs && Flags == other.Flags && CiAddr.Equals(other.CiAddr) && YiAddr.Equals(other.YiAddr)
        && SiAddr.Equals(other.SiAddr) && GiAddr.Equals(other.GiAddr) && _chAddr.AsSpan().SequenceEqual(other._chAddr)
        && SameField(_sName, other._sName) && SameField(_file, other._file) && _options.SequenceEqual(other._options);

    static bool SameField(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    public override int GetHashCode() => HashCode.Combine(Op, Xid, _options.Count);

    public override string ToString() =>
        $"DHCP {(MessageType?.ToString() ?? Op.ToString())} xid=0x{Xid:x8} chaddr={Convert.ToHexString(ClientHardwareAddress)} " +
        $"options=[{string.Join(",", _options.Select(o => o.Code))}]";
}
