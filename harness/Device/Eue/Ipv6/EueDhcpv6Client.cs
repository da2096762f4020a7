using System.Net;
using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Eue.Ipv6;

/// <summary>
/// EUE-PROV 6.3.4.3 Table 5 eUE-1 to eUE-4: the SOLICIT with exactly the listed options (no Rapid Commit),
/// ADVERTISE validity and priority (eUE-3), REQUEST with the same options, the REPLY as the authority and
/// checked like an ADVERTISE, DAD on the leased address with DECLINE on conflict (eUE-4), and 6.3.5
/// renewals carrying the last known FQDN.
/// </summary>
public sealed class EueDhcpv6Client(DeviceContext context, INetworkHost host, ReferenceDeviceOptions options, EueProvisioningOptions fromEcm,
    IPAddress linkLocal, int prefixLength, Random random, Action<EueIpConfiguration> bound, Action<RenewalDecision> renewed, Action<string> disable)
    : Dhcpv6Client("eue-dhcpv6", context, host, options.Timers, random)
{
    readonly Duid _duid = options.Behaviour.EueSolicit.ClientDuid(options.Identity);

    public EueIpConfiguration? Configuration { get; private set; }

    protected override Duid OwnDuid => _duid;

    protected override Dhcpv6ClientRules Rules => options.Behaviour.EueDhcpv6Rules;

    // 6.2.1.2: the link-local address is used for DHCP, which explicitly requires it.
    protected override IPAddress? SourceAddress => linkLocal;

    EueSolicitParameters Parameters(uint xid, ushort elapsed) => options.Behaviour.EueSolicit.Parameters(options.Identity, options.Capabilities, _duid, xid, elapsed);

    protected override Dhcp6Message BuildSolicit(uint transactionId, ushort elapsed) =>
        options.Behaviour.EueSolicit.Solicit(Parameters(transactionId, elapsed));

    // eUE-3: the REQUEST asks for the same options as the SOLICIT.
    protected override Dhcp6Message BuildRequest(uint transactionId, ushort elapsed, Dhcp6Message advertise) =>
        options.Behaviour.EueSolicit.Request(Parameters(transactionId, elapsed), advertise.ServerId!, advertise.IaNa);

    protected override Dhcp6Message BuildRenew(uint transactionId, ushort elapsed, bool rebind, Dhcp6Message reply) =>
        options.Behaviour.EueSolicit.Renew(Parameters(transactionId, elapsed), rebind ? null : reply.ServerId, reply.IaNa,
            options.Behaviour.Renewal.RenewalFqdn(Configuration?.Fqdn));

    protected override Dhcp6Message? ChooseAdvertise(IReadOnlyList<Dhcp6Message> advertises, int round, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        var (choice, chosen) = options.Behaviour.AdvertiseSelection.Choose(advertises, fromEcm, text => Note(text));
        switch (choice)
        {
            case AdvertiseChoice.Disable:
                // eUE-3: every valid ADVERTISE says "0.0.0.0": no further in DHCP; disabled until reinitialised.
                disable("every valid ADVERTISE carries \"0.0.0.0\" in CL_OPTION_CCCV6 sub-option 3");
                retryAfter = Timeout.InfiniteTimeSpan;
                return null;
            case AdvertiseChoice.NoneValid:
                // eUE-3: no valid ADVERTISE: the step failed; restart with eUE-1.
                retryAfter = options.Timers.RestartDelay;
                return null;
            default:
                return chosen;
        }
    }

    protected override async Task<bool> AcceptReplyAsync(Dhcp6Message reply, IaAddress address, bool renewal)
    {
        // eUE-4: the REPLY must pass the eUE-2/eUE-3 validity criteria, else the step fails.
        var selection = options.Behaviour.AdvertiseSelection;
        var assessment = selection.Assess(reply, fromEcm);
        if (!assessment.Valid && selection.ChecksReply)
        {
            Note($"eUE-4: REPLY not valid ({assessment.Reason})");
            return false;
        }
        // eUE-4: the REPLY is the authority over the ADVERTISE.
        var configuredFrom = renewal || ChosenAdvertise is null ? reply : selection.ConfiguresFrom(ChosenAdvertise, reply);
        var config = options.Behaviour.EueConfiguration.Configure(Read(configuredFrom, address, prefixLength));
        if (renewal && Configuration is { } current)
        {
            var decision = options.Behaviour.Renewal.Decide(current, config);
            if (decision.Action != RenewalAction.Reinitialize) Configuration = decision.Configuration;
            renewed(decision);
            return decision.Action != RenewalAction.Reinitialize;
        }
        // eUE-4: DAD on the leased address; in use: DECLINE and the step fails.
        var result = await Host.AssignAddressAsync(new InterfaceAddress(address.Address, prefixLength) { DuplicateAddressDetection = options.Behaviour.Host.ProbesLeasedAddress });
        if (result == AddressAssignment.Duplicate)
        {
            if (!options.Behaviour.Host.DeclinesConflictingLease) { Note($"eUE-4: DAD found {address.Address} in use; no DECLINE (mutant)"); return false; }
            Note($"eUE-4: DAD found {address.Address} in use; DECLINE");
            Decline(reply, address, EueDuid.Iaid);
            return false;
        }
        Configuration = config;
        return true;
    }

    protected override void OnBound(Dhcp6Message reply, bool renewal)
    {
        if (!renewal) bound(Configuration!);
    }

    /// <summary>The eUE's view of a REPLY (its authority over the ADVERTISE: eUE-4).</summary>
    public static EueIpConfiguration Read(Dhcp6Message reply, IaAddress address, int prefixLength)
    {
        var cl = Safe(() => reply.CableLabs);
        var cccv6 = Safe(() => cl?.Cccv6);
        var entity = Safe(() => cccv6?.ProvSnmpEntity);
        var realm = Safe(() => cccv6?.KerberosRealm);
        return new EueIpConfiguration
        {
            Mode = IpAddressingMode.Ipv6,
            Address = address.Address,
            PrefixLength = prefixLength,
            DnsServers = Safe(() => reply.DnsServers) ?? [],
            SyslogServers = Safe(() => cl?.SyslogServers) ?? [],
            Fqdn = Safe(() => reply.ClientFqdn)?.DomainName is { Length: > 0 } name ? name.TrimEnd('.') : null,
            KerberosRealm = realm,
            Flow = realm is null ? null : AdvertiseSelection.FlowOf(realm),
            ProvisioningServer = entity is null ? null : new ProvisioningServerLocation(entity.Fqdn, entity.Address),
            ProvisioningTimerMinutes = Safe(() => cccv6?.ProvisioningTimer),
            TftpServers = Safe(() => cl?.TftpServers) ?? [],
            ConfigFileName = Safe(() => cl?.ConfigFileName),
            Reply = reply,
        };
    }

    static T? Safe<T>(Func<T?> read)
    {
        try { return read(); } catch (ParseError) { return default; }
    }
}
