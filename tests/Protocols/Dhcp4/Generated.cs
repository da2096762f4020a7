using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>Random, valid DHCPv4 messages and wire layouts for the property tests (deterministic per seed).</summary>
static class Generated
{
    /// <summary>Codes the tables do not define: their values may be any bytes.</summary>
    static readonly byte[] UnknownCodes = [.. Enumerable.Range(1, 254).Select(c => (byte)c).Where(c => OptionSpaces.Dhcp4.Find(c) is null)];

    static byte[] RandomBytes(Random r, int length) { var b = new byte[length]; r.NextBytes(b); return b; }
    static IPAddress RandomAddress(Random r) => new(RandomBytes(r, 4));

    /// <summary>Options of the E-UE flows built through their typed models, so that they are valid.</summary>
    static readonly Func<Random, DhcpOption>[] KnownOptions =
    [
        r => DhcpOption.MessageType((DhcpMessageType)r.Next(1, 9)),
        r => DhcpOption.FromAddress(DhcpOptionCode.SubnetMask, RandomAddress(r)),
        r => DhcpOption.FromAddresses(DhcpOptionCode.Router, Enumerable.Range(0, r.Next(1, 70)).Select(_ => RandomAddress(r))),
        r => DhcpOption.FromString(DhcpOptionCode.HostName, new string('h', r.Next(1, 300))),
        r => DhcpOption.ParameterRequestList(RandomBytes(r, r.Next(1, 40))),
        r => DhcpOption.LeaseTime((uint)r.Next()),
        r => Samples.EueClientId().ToOption(),
        r => DeviceCapabilities.ForEue(r.Next(2) == 0, r.Next(2) == 0, r.Next(2) == 0, [new SubOption(11, RandomBytes(r, r.Next(1, 20)))]).ToOption(),
        r => ClientConfiguration.Create(primaryDhcpServer: RandomAddress(r), kerberosRealm: r.Next(2) == 0 ? "BASIC.1" : new string('R', r.Next(1, 63)) + ".NET",
            provisioningServer: r.Next(2) == 0 ? ProvisioningServerAddress.FromAddress(RandomAddress(r)) : ProvisioningServerAddress.FromFqdn("prov" + r.Next(1000) + ".example.net"),
            provisioningTimer: (byte)r.Next(31)).ToOption(),
        r => CableLabsV4Options.Create(oro: [123, 124], cccv6: Cccv6DssIds.Create(new DssId(RandomBytes(r, r.Next(1, 40)))), ipPref: (IpPreference)r.Next(1, 3)).ToOption(),
        r => RelayAgentInformation.Create(RandomBytes(r, r.Next(1, 30)), RandomBytes(r, 6)).ToOption(),
    ];

    public static (DhcpMessage Message, DhcpEncodingSettings Settings) Message(Random r)
    {
        var overload = r.Next(3) == 0 ? (OptionOverload)r.Next(1, 4) : OptionOverload.None;
        var options = new List<DhcpOption>();
        if (overload != OptionOverload.None) options.Add(DhcpOption.OptionOverload(overload));
        var used = new HashSet<byte>(options.Select(o => o.Code));
        int count = r.Next(0, overload == OptionOverload.None ? 12 : 6);
        for (int i = 0; i < count; i++)
        {
            var option = r.Next(2) == 0
                ? KnownOptions[r.Next(KnownOptions.Length)](r)
                : new DhcpOption(UnknownCodes[r.Next(UnknownCodes.Length)], RandomBytes(r, r.Next(0, overload == OptionOverload.None ? 700 : 120)));
            // Option 52 must sit in the options field, so it stays first; the others go anywhere after it.
            int first = overload == OptionOverload.None ? 0 : 1;
            if (used.Add(option.Code)) options.Insert(r.Next(first, options.Count + 1), option);
        }

        var m = new DhcpMessage
        {
            Op = (BootOp)r.Next(1, 3),
            HType = (byte)r.Next(256),
            HLen = (byte)r.Next(17),
            Hops = (byte)r.Next(256),
            Xid = (uint)r.NextInt64(0, 1L << 32),
            Secs = (ushort)r.Next(65536),
            Flags = (ushort)r.Next(65536),
            CiAddr = RandomAddress(r), YiAddr = RandomAddress(r), SiAddr = RandomAddress(r), GiAddr = RandomAddress(r),
            ChAddr = RandomBytes(r, 16),
            SName = overload.HasFlag(OptionOverload.SName) ? null : RandomBytes(r, 64),
            File = overload.HasFlag(OptionOverload.File) ? null : RandomBytes(r, 128),
            Options = options,
        };
        var settings = new DhcpEncodingSettings { MinimumLength = r.Next(2) == 0 ? 300 : r.Next(0, 600), OverloadedOptionsFieldLength = r.Next(8, 400) };
        return (m, settings);
    }

    /// <summary>
    /// A datagram assembled byte by byte: random header, then option fields made of pads, instances
    /// of unknown codes (some codes repeated, so split), an end option (or not) and a random trailer;
    /// sometimes option 52 with the file/sname fields laid out the same way.
    /// </summary>
    public static byte[] Wire(Random r)
    {
        var header = RandomBytes(r, 236);
        header[0] = (byte)r.Next(1, 3);
        header[2] = (byte)r.Next(17);
        var overload = r.Next(3) == 0 ? (OptionOverload)r.Next(1, 4) : OptionOverload.None;
        if (overload.HasFlag(OptionOverload.File)) Field(r, 128).CopyTo(header, 108);
        if (overload.HasFlag(OptionOverload.SName)) Field(r, 64).CopyTo(header, 44);
        var options = new List<byte>();
        if (overload != OptionOverload.None) options.AddRange([52, 1, (byte)overload]);
        options.AddRange(Field(r, null));
        return [.. header, 99, 130, 83, 99, .. options];
    }

    /// <summary>
    /// An option field: of exactly <paramref name="size"/> bytes (file, sname) or of any length
    /// (the options field). Without an end option a fixed-size field is filled with pads; after
    /// one, with any bytes.
    /// </summary>
    static byte[] Field(Random r, int? size)
    {
        int limit = size ?? r.Next(0, 900);
        var codes = Enumerable.Range(0, 4).Select(_ => UnknownCodes[r.Next(UnknownCodes.Length)]).ToArray();
        var f = new List<byte>();
        while (true)
        {
            int room = limit - f.Count - 1;
            if (room < 2 || r.Next(8) == 0) break;
            if (r.Next(5) == 0) { f.Add(0); continue; }
            int length = r.Next(0, Math.Min(room - 2, 255) + 1);
            f.Add(codes[r.Next(codes.Length)]);
            f.Add((byte)length);
            f.AddRange(RandomBytes(r, length));
        }
        bool end = r.Next(4) != 0;
        if (end) f.Add(255);
        if (size is { } fixedSize)
            while (f.Count < fixedSize) f.Add(end && r.Next(3) == 0 ? (byte)r.Next(256) : (byte)0);
        else if (end)
            f.AddRange(RandomBytes(r, r.Next(0, 3) == 0 ? r.Next(1, 80) : 0));
        return [.. f];
    }
}
