using System.Net;

namespace EUeConformance.Headend.Database;

/// <summary>The IPv4 side of the operator's access network: what every lease shares.</summary>
/// <param name="PrefixLength">Gives option 1 (subnet mask).</param>
/// <param name="Router">Option 3.</param>
/// <param name="LeaseTime">Option 51, seconds; T1 = half and T2 = 7/8 of it (RFC 2131 §4.4.5) unless given.</param>
public sealed record Ipv4Plan(int PrefixLength, IPAddress? Router, uint LeaseTime = 3600, uint? RenewalTime = null, uint? RebindingTime = null)
{
    public IPAddress SubnetMask => PrefixLength == 0 ? IPAddress.Any
        : new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(uint.MaxValue << (32 - PrefixLength)));

    public uint T1 => RenewalTime ?? LeaseTime / 2;
    public uint T2 => RebindingTime ?? LeaseTime / 8 * 7;
}

/// <summary>
/// The IPv6 side: the on-link prefix the router advertiser announces, the M and O bits (EUE-PROV
/// 6.3.4.2: the eUE takes only RAs with M=1), and the lifetimes of the IA_NA addresses.
/// </summary>
public sealed record Ipv6Plan(IPAddress Prefix, int PrefixLength)
{
    public uint PreferredLifetime { get; init; } = 3600;
    public uint ValidLifetime { get; init; } = 7200;
    /// <summary>IA_NA T1 and T2 (RFC 3315 §22.4: 0.5 and 0.8 of the preferred lifetime are the recommended values).</summary>
    public uint T1 { get; init; } = 1800;
    public uint T2 { get; init; } = 2880;
    public bool Managed { get; init; } = true;
    public bool Other { get; init; } = true;
    public TimeSpan RouterLifetime { get; init; } = TimeSpan.FromSeconds(1800);
    /// <summary>How often unsolicited RAs go out (RFC 4861 §6.2.1 MaxRtrAdvInterval default 600 s); zero: only in answer to RS.</summary>
    public TimeSpan AdvertisementInterval { get; init; } = TimeSpan.FromSeconds(600);
}

/// <summary>What the whole network shares: addressing plans, resolvers, the domain.</summary>
public sealed record NetworkPlan
{
    public Ipv4Plan? Ipv4 { get; init; }
    public Ipv6Plan? Ipv6 { get; init; }
    /// <summary>Option 6 and OPTION_DNS_SERVERS (23), by address family.</summary>
    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];
    /// <summary>Option 15 and the zone dynamic updates go into (EUE-PROV 6.2.2).</summary>
    public string? DomainName { get; init; }

    public IEnumerable<IPAddress> DnsServersV4 => DnsServers.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
    public IEnumerable<IPAddress> DnsServersV6 => DnsServers.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
}
