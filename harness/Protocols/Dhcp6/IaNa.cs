using System.Buffers.Binary;
using System.Net;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// OPTION_IA_NA (RFC 3315 §22.4): IAID, T1, T2, then its own options (OPTION_IAADDR, OPTION_STATUS_CODE).
/// </summary>
public sealed class IaNa(uint iaid, uint t1, uint t2, IReadOnlyList<Dhcp6Option>? options = null)
{
    public uint Iaid { get; } = iaid;
    public uint T1 { get; } = t1;
    public uint T2 { get; } = t2;
    public IReadOnlyList<Dhcp6Option> Options { get; } = options ?? [];

    /// <summary>The IA with one address in it.</summary>
    public static IaNa WithAddress(uint iaid, uint t1, uint t2, IaAddress address) => new(iaid, t1, t2, [address.ToOption()]);

    /// <summary>Reads an OPTION_IA_NA (checked first, so hand-built bad data gives a ParseError).</summary>
    public static IaNa FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(option, Dhcp6OptionCode.IaNa);
        var s = option.Span;
        return new IaNa(BinaryPrimitives.ReadUInt32BigEndian(s), BinaryPrimitives.ReadUInt32BigEndian(s[4..]), BinaryPrimitives.ReadUInt32BigEndian(s[8..]),
            option.ReadOptions(Dhcp6OptionSpaces.Dhcp6, 12));
    }

    /// <summary>The OPTION_IAADDR options, in order.</summary>
    public IReadOnlyList<IaAddress> Addresses
    {
        get
        {
            var list = new List<IaAddress>();
            foreach (var o in Options)
                if (o.Code == Dhcp6OptionCode.IaAddr) list.Add(IaAddress.FromOption(o));
            return list;
        }
    }

    /// <summary>The IA's OPTION_STATUS_CODE, if any.</summary>
    public StatusCode? Status => StatusCode.FindIn(Options);

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        w.WriteUInt32(Iaid);
        w.WriteUInt32(T1);
        w.WriteUInt32(T2);
        foreach (var o in Options) w.WriteOption(o);
        return new Dhcp6Option(Dhcp6OptionCode.IaNa, w.ToArray());
    }
}

/// <summary>OPTION_IAADDR (RFC 3315 §22.6): an address, its preferred and valid lifetimes, then its options.</summary>
public sealed class IaAddress(IPAddress address, uint preferredLifetime, uint validLifetime, IReadOnlyList<Dhcp6Option>? options = null)
{
    /// <summary>RFC 3315 §5.6: 0xffffffff means infinity.</summary>
    public const uint Infinity = 0xFFFFFFFF;

    public IPAddress Address { get; } = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? address : throw new ArgumentException("an IA address is IPv6", nameof(address));
    public uint PreferredLifetime { get; } = preferredLifetime;
    public uint ValidLifetime { get; } = validLifetime;
    public IReadOnlyList<Dhcp6Option> Options { get; } = options ?? [];

    public static IaAddress FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(option, Dhcp6OptionCode.IaAddr);
        var s = option.Span;
        return new IaAddress(new IPAddress(s[..16]), BinaryPrimitives.ReadUInt32BigEndian(s[16..]), BinaryPrimitives.ReadUInt32BigEndian(s[20..]),
            option.ReadOptions(Dhcp6OptionSpaces.Dhcp6, 24));
    }

    public StatusCode? Status => StatusCode.FindIn(Options);

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        w.WriteAddress(Address);
        w.WriteUInt32(PreferredLifetime);
        w.WriteUInt32(ValidLifetime);
        foreach (var o in Options) w.WriteOption(o);
        return new Dhcp6Option(Dhcp6OptionCode.IaAddr, w.ToArray());
    }
}
