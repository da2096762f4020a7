using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The eCM's DHCPv6 exchange, EUE-PROV 6.3.1 Table 3 CM1v6-CM4v6: SOLICIT with the E-UE requests in
/// CL_OPTION_ORO, ADVERTISE precedence with the three retries, REQUEST with the same options, and the
/// REPLY as the authority.
/// </summary>
/// <param name="onLinkPrefixLength">The on-link prefix length router discovery learned for an address, if any (<see cref="EcmRouterDiscovery"/>).</param>
public sealed class EcmDhcpv6Client(DeviceContext context, INetworkHost host, ReferenceDeviceOptions options, EueOptionRequest requested, Random random, Action<EcmDhcpv6Client, bool> bound,
    Func<System.Net.IPAddress, int?>? onLinkPrefixLength = null)
    : Dhcpv6Client("ecm-dhcpv6", context, host, options.Timers, random)
{
    const uint Iaid = 1;
    readonly Duid _duid = Duid.Ll(Duid.HardwareTypeEthernet, host.Mac.GetAddressBytes());

    public EueOptionRequest Requested { get; } = requested;
    public EueProvisioningOptions EueOptions { get; private set; } = EueProvisioningOptions.None;

    protected override Duid OwnDuid => _duid;

    protected override Dhcpv6ClientRules Rules => options.Behaviour.EcmDhcpv6Rules;

    protected override Dhcp6Message BuildSolicit(uint transactionId, ushort elapsed) =>
        Dhcp6Message.Create(Dhcp6MessageType.Solicit, transactionId, Opts(elapsed, new IaNa(Iaid, 0, 0), null));

    // Table 3 CM3v6: the REQUEST asks for the same options as the SOLICIT.
    protected override Dhcp6Message BuildRequest(uint transactionId, ushort elapsed, Dhcp6Message advertise) =>
        Dhcp6Message.Create(Dhcp6MessageType.Request, transactionId, Opts(elapsed, advertise.IaNa ?? new IaNa(Iaid, 0, 0), advertise.ServerId));

    protected override Dhcp6Message BuildRenew(uint transactionId, ushort elapsed, bool rebind, Dhcp6Message reply) =>
        Dhcp6Message.Create(rebind ? Dhcp6MessageType.Rebind : Dhcp6MessageType.Renew, transactionId,
            Opts(elapsed, reply.IaNa ?? new IaNa(Iaid, 0, 0), rebind ? null : reply.ServerId));

    IReadOnlyList<Dhcp6Option> Opts(ushort elapsed, IaNa ia, Duid? server) =>
        options.Behaviour.EcmDhcpv6Options.Build(Requested, _duid, Host.Mac.GetAddressBytes(), ia, elapsed, server);

    protected override Dhcp6Message? ChooseAdvertise(IReadOnlyList<Dhcp6Message> advertises, int round, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        var retries = options.Timers.EcmRequestedOptionRetries;
        var candidates = advertises.Select(a => EueProvisioningOptions.FromDhcpv6(a, Requested)).ToList();
        var index = options.Behaviour.EcmOfferSelection.Select(candidates, Requested, round >= retries.Count);
        if (index is null)
        {
            // Table 3 CM3v6: no ADVERTISE carries the requested options: SOLICIT again, three times, 2-4-8 s apart.
            retryAfter = retries[Math.Min(round, retries.Count - 1)];
            Note($"CM3v6: none of {advertises.Count} ADVERTISE(s) carries the requested E-UE options; retry {round + 1} of {retries.Count}");
            return null;
        }
        return advertises[index.Value];
    }

    protected override async Task<bool> AcceptReplyAsync(Dhcp6Message reply, IaAddress address, bool renewal)
    {
        if (!renewal || !Host.Addresses.Any(a => a.Address.Equals(address.Address)))
        {
            // RFC 5942 §5: a DHCPv6 address is a /128 unless an RA makes its prefix on-link (DOCSIS router discovery, Table 3 CM1v6).
            var result = await Host.AssignAddressAsync(new InterfaceAddress(address.Address, onLinkPrefixLength?.Invoke(address.Address) ?? 128));
            if (result == AddressAssignment.Duplicate)
            {
                Note($"DAD: {address.Address} is in use; DECLINE");
                Decline(reply, address, Iaid);
                return false;
            }
        }
        return true;
    }

    protected override void OnBound(Dhcp6Message reply, bool renewal)
    {
        // Table 3 CM4v6: the REPLY's option content is authoritative over the ADVERTISE's.
        // (A mutant of EcmFlowPolicy.AckIsAuthoritative keeps believing the ADVERTISE.)
        var authority = renewal || options.Behaviour.EcmFlow.AckIsAuthoritative || ChosenAdvertise is null ? reply : ChosenAdvertise;
        EueOptions = EueProvisioningOptions.FromDhcpv6(authority, Requested);
        bound(this, renewal);
    }
}
