using System.Net;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// CL_OPTION_CCC (2170, EUE-PROV 6.4.1.3): given to an eCM provisioning in IPv6 mode, it names the
/// eUE's DHCPv4 servers in sub-options 1 and 2 (IPv4 addresses; 255.255.255.255 = any server,
/// 0.0.0.0 = do not provision, as for option 122 in EUE-PROV 6.3.2.2). Sub-options are framed
/// code(2) length(2) (Wireshark: "the code and length fields have grown from a single octet to two").
/// </summary>
public sealed class ClOptionCcc(IReadOnlyList<Dhcp6Option> subOptions)
{
    public IReadOnlyList<Dhcp6Option> SubOptions { get; } = subOptions;

    public static ClOptionCcc Create(IPAddress primaryDhcpServer, IPAddress? secondaryDhcpServer = null)
    {
        var list = new List<Dhcp6Option> { Ipv4(ClCccSubOption.PrimaryDhcpServer, primaryDhcpServer) };
        if (secondaryDhcpServer is not null) list.Add(Ipv4(ClCccSubOption.SecondaryDhcpServer, secondaryDhcpServer));
        return new ClOptionCcc(list);
    }

    static Dhcp6Option Ipv4(ushort code, IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) throw new ArgumentException("CL_OPTION_CCC carries IPv4 addresses", nameof(address));
        return new Dhcp6Option(code, address.GetAddressBytes());
    }

    public static ClOptionCcc FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Vendor4491.Validate(option, ClOptionCode.Ccc);
        return new ClOptionCcc(option.ReadOptions(Dhcp6OptionSpaces.Ccc));
    }

    Dhcp6Option? Find(ushort code) => Dhcp6Option.FindIn(SubOptions, code);

    public IPAddress? PrimaryDhcpServer => Find(ClCccSubOption.PrimaryDhcpServer)?.ReadIpv4Address("dhcpv6.packetcable.ccc.pri_dhcp");
    public IPAddress? SecondaryDhcpServer => Find(ClCccSubOption.SecondaryDhcpServer)?.ReadIpv4Address("dhcpv6.packetcable.ccc.sec_dhcp");

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        foreach (var o in SubOptions) w.WriteOption(o);
        return new Dhcp6Option(ClOptionCode.Ccc, w.ToArray());
    }
}
