using System.Net;
using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Eue.Ipv4;

/// <summary>
/// The eUE's DHCPv4 process in IPv4 mode (EUE-PROV 6.3.3; PKT-PROV1.5 MTA-1 to MTA-4): DISCOVER with the
/// eUE's options, OFFERs filtered by the eCM's server addresses (6.3.2.2), the ACK as the authority, the
/// address configured, and renewals judged by 6.3.5.
/// </summary>
public sealed class EueDhcpv4Client(DeviceContext context, INetworkHost host, ReferenceDeviceOptions options, EueProvisioningOptions fromEcm,
    Random random, Action<EueIpConfiguration> bound, Action<RenewalDecision> renewed)
    : Dhcpv4Client("eue-dhcpv4", context, host, options.Timers, random)
{
    public EueIpConfiguration? Configuration { get; private set; }

    protected override IReadOnlyList<DhcpOption> ClientOptions() => options.Behaviour.EueDhcpv4Options.Build(options.Identity, options.Capabilities);

    /// <summary>
    /// EUE-PROV 6.1.1 ¶3 binds the eUE to RFC 2131, whose §4.1 asks for a randomized exponential backoff: 4 s, 8 s, …
    /// up to 64 s, each randomized by a uniform value in [-1 s, +1 s], counted from the previous transmission. The
    /// draw comes from the device's seeded Random, so one seed still gives one exchange.
    /// </summary>
    TimeSpan Randomized(int attempt) =>
        DeviceTimers.At(options.Timers.Dhcpv4Retransmissions, attempt) + TimeSpan.FromSeconds(Random.NextDouble() * 2 - 1);

    protected override TimeSpan DiscoverRetransmissionWait(int attempt) => Randomized(attempt);

    protected override TimeSpan RequestRetransmissionWait(int attempt) => Randomized(attempt);

    protected override DhcpMessage? ChooseOffer(IReadOnlyList<DhcpMessage> offers, int round, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        return options.Behaviour.OfferAcceptance.Choose(offers, fromEcm, text => Note(text));
    }

    protected override void OnAck(DhcpMessage ack, bool renewal)
    {
        var config = Read(ack);
        if (config is null)
        {
            // PKT-PROV1.5 MTA-4: an ACK without a usable option 122 fails the step: start over.
            Note("ACK without option 122 sub-options 3 and 6: DHCP fails, starting over");
            Start();
            return;
        }
        if (renewal && Configuration is { } current)
        {
            var decision = options.Behaviour.Renewal.Decide(current, config);
            if (decision.Action != RenewalAction.Reinitialize) Configuration = decision.Configuration;
            renewed(decision);
            return;
        }
        Configuration = config;
        Context.Spawn(async () =>
        {
            if (!Host.Addresses.Any(a => a.Address.Equals(config.Address)))
                await Host.AssignAddressAsync(new InterfaceAddress(config.Address, config.PrefixLength));
            bound(config);
        });
    }

    /// <summary>The eUE's view of an ACK, or null when option 122 lacks what PKT-PROV1.5 MTA-4 needs.</summary>
    public static EueIpConfiguration? Read(DhcpMessage ack)
    {
        ClientConfiguration? ccc;
        try { ccc = ack.ClientConfiguration; } catch (ParseError) { return null; }
        if (ccc?.KerberosRealm is null || ccc.ProvisioningServer is null) return null;
        var mask = Safe(() => ack.SubnetMask);
        string? fqdn = Safe(() => ack.HostName) is { Length: > 0 } h ? (Safe(() => ack.DomainName) is { Length: > 0 } d ? $"{h}.{d}" : h) : null;
        return new EueIpConfiguration
        {
            Mode = IpAddressingMode.Ipv4,
            Address = ack.YiAddr,
            SubnetMask = mask,
            PrefixLength = mask is null ? 24 : mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b)),
            Routers = Safe(() => ack.Routers) ?? [],
            DnsServers = Safe(() => ack.DomainNameServers) ?? [],
            SyslogServers = Safe(() => ack.LogServers) ?? [],
            Fqdn = fqdn,
            KerberosRealm = ccc.KerberosRealm,
            Flow = ccc.Flow,
            ProvisioningServer = new ProvisioningServerLocation(ccc.ProvisioningServer.Fqdn, ccc.ProvisioningServer.Address),
            ProvisioningTimerMinutes = ccc.ProvisioningTimer,
            // PKT-PROV1.5 Basic flow: the TFTP server is siaddr and the file is the 'file' field.
            TftpServers = ack.SiAddr.Equals(IPAddress.Any) ? [] : [ack.SiAddr],
            ConfigFileName = ack.BootFileName is { Length: > 0 } f ? f : null,
            Reply = ack,
        };
    }

    static T? Safe<T>(Func<T?> read) where T : class
    {
        try { return read(); } catch (ParseError) { return null; }
    }
}
