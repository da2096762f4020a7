using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The eCM: DHCP in the mode(s) of this boot (Tables 2 and 3), ToD before the eUE (6.2.1.1), registration
/// (CM5-CM10 reduced to "registered"), then Table 4's decision about the eUE, handed over with what the eCM
/// learned (6.2.1.1 bullet 2: the PacketCable options are relayed to the eUE). Renewals that change the ToD
/// server or the time offset fetch ToD again, which the eUE sees as a time change (6.3.2.3 ¶9).
/// </summary>
public sealed class EcmMachine : StateMachine<EcmState>, IDisposable
{
    readonly INetworkHost _host;
    readonly ReferenceDeviceOptions _options;
    readonly EcmTimeOfDayClient _tod;
    readonly ActorTimer _registration;
    readonly EcmSnmpAgent _agent;
    readonly EcmConfigFileClient _configFile;
    EcmDhcpv4Client? _v4;
    EcmDhcpv6Client? _v6;
    EcmRouterDiscovery? _routers;
    (IReadOnlyList<IPAddress> Servers, int? Offset)? _todParameters;

    public EcmMachine(DeviceContext context, INetworkHost host, ReferenceDeviceOptions options, Random random) : base("ecm", context)
    {
        _host = host;
        _options = options;
        Requested = options.Behaviour.EcmOptionRequest(options.Ics.EueIpModes);
        Time = new NetworkTime(context.Clock);
        _tod = new EcmTimeOfDayClient(context, host, options.Timers, Time);
        _registration = NewTimer();
        _agent = new EcmSnmpAgent(host, context, options, random);
        _agent.ResetRequested += () => ResetRequested?.Invoke();
        _configFile = new EcmConfigFileClient(context, host, options.Timers);
        var modes = options.EcmProvisioning.Modes & options.Ics.EcmIpModes;
        if (modes.SupportsIpv4()) _v4 = new EcmDhcpv4Client(context, host, options, Requested, random, (_, renewal) => OnBound(renewal));
        if (modes.SupportsIpv6())
        {
            // Table 3 CM1v6 "as specified in DOCSIS": router discovery gives the on-link prefix the DHCPv6 lease lacks.
            _routers = new EcmRouterDiscovery(context, host, options.Timers);
            var routers = _routers;
            _v6 = new EcmDhcpv6Client(context, host, options, Requested, random, (_, renewal) => OnBound(renewal), routers.OnLinkPrefixLength);
        }
    }

    /// <summary>The E-UE options the eCM requests (Table 2 CM1 / Table 3 CM1v6).</summary>
    public EueOptionRequest Requested { get; }
    public NetworkTime Time { get; }
    public EcmDhcpv4Client? Dhcpv4 => _v4;
    public EcmDhcpv6Client? Dhcpv6 => _v6;
    /// <summary>The eCM's router discovery in IPv6 mode (null in IPv4-only boots).</summary>
    public EcmRouterDiscovery? RouterDiscovery => _routers;
    public EcmTimeOfDayClient TimeOfDay => _tod;
    /// <summary>Table 4's decision, once registered.</summary>
    public EueInitialization? EueInitialization { get; private set; }

    /// <summary>docsDevResetNow was SET to true through the eCM's agent.</summary>
    public event Action? ResetRequested;

    /// <summary>The eCM's SNMP agent (docsDevResetNow, docsDevSoftware, the eSAFE's service interruption impact).</summary>
    public EcmSnmpAgent Agent => _agent;

    /// <summary>Raised once per registration with Table 4's decision (the eUE must not start before CM10: 6.3.2.3 ¶12).</summary>
    public event Action<EueInitialization>? Registered;

    public void PowerOn()
    {
        EueInitialization = null;
        Time.Reset();
        _todParameters = null;
        if (_v4 is null && _v6 is null)
        {
            TransitionTo(EcmState.PoweredOff, "the eCM supports none of this boot's provisioning modes");
            return;
        }
        TransitionTo(EcmState.AcquiringAddress, "CM1: DHCP" + (_v4 is not null ? " v4" : "") + (_v6 is not null ? " v6" : ""));
        _v4?.Start();
        // Table 3 CM1v6 "as specified in DOCSIS": router discovery, then DHCPv6.
        if (_v6 is { } v6) _routers!.Start(v6.Start);
    }

    public void PowerOff()
    {
        _registration.Cancel();
        _agent.Close();
        _configFile.Stop();
        if (_v4 is { State: not Dhcp.Dhcpv4ClientState.Idle }) _v4.Stop();
        if (_v6 is { State: not Dhcp.Dhcpv6ClientState.Idle }) _v6.Stop();
        _routers?.Stop();
        _tod.Stop();
        TransitionTo(EcmState.PoweredOff, "power off");
    }

    bool AllBound => (_v4 is null || _v4.Ack is not null) && (_v6 is null || _v6.LeasedAddress is not null);

    /// <summary>EUE-PROV 6.3.1 ¶2: the primary DHCP server's reply is where the PacketCable options come from.</summary>
    bool PrimaryIsV4 => _v4 is not null && (_v6 is null || _options.EcmProvisioning.Primary == IpAddressingMode.Ipv4);

    void OnBound(bool renewal)
    {
        if (renewal)
        {
            // EUE-PROV 6.3.2.3 ¶9: a new ToD server or time offset on renewal: fetch the time again.
            var parameters = TodParameters();
            if (_todParameters is { } old && (!old.Servers.SequenceEqual(parameters.Servers) || old.Offset != parameters.Offset))
            {
                Note("renewal changed the ToD server or the time offset: ToD again");
                _todParameters = parameters;
                _tod.Start(parameters.Servers, parameters.Offset, _ => { });
            }
            return;
        }
        if (State != EcmState.AcquiringAddress) return;
        Context.Spawn(ContinueAfterDhcpAsync);
    }

    async Task ContinueAfterDhcpAsync()
    {
        if (_v4?.Ack is { } ack && !_host.Addresses.Any(a => a.Address.Equals(ack.YiAddr)))
            await _host.AssignAddressAsync(new InterfaceAddress(ack.YiAddr, PrefixLength(Safe(() => ack.SubnetMask))));
        if (!AllBound || State != EcmState.AcquiringAddress) return;
        TransitionTo(EcmState.Registering, "CM4 done; CM5-CM10: configuration file, ToD and registration");
        // EUE-PROV Table 2 CM5-CM10 / Table 3 CM5v6-CM10v6, per DOCSIS: the configuration file first; without it no registration.
        if (ConfigFileLocation() is { } location)
        {
            _configFile.Start(location.Server, location.File, location.Source, content =>
            {
                if (State != EcmState.Registering) return;
                if (content is null) { Reinitialize("CM5/CM6: the DOCSIS configuration file could not be downloaded"); return; }
                StartTimeOfDay();
            });
            return;
        }
        Note("the DHCP reply names no DOCSIS configuration file: CM5/CM6 skipped");
        StartTimeOfDay();
    }

    void StartTimeOfDay()
    {
        _todParameters = TodParameters();
        // EUE-PROV 6.2.1.1 bullet 3: ToD is attempted (with retries) before the eUE is initialised.
        _tod.Start(_todParameters.Value.Servers, _todParameters.Value.Offset, obtained =>
            _registration.Start(_options.Timers.EcmRegistration, () => Register(obtained)));
    }

    /// <summary>DOCSIS: a CM that cannot complete CM5-CM10 reinitialises and starts again with CM1 / CM1v6.</summary>
    void Reinitialize(string reason)
    {
        _registration.Cancel();
        _configFile.Stop();
        _tod.Stop();
        TransitionTo(EcmState.AcquiringAddress, $"{reason}; starting again with CM1");
        _v4?.Start();
        _v6?.Start();
    }

    /// <summary>The DOCSIS configuration file the primary server's reply names: siaddr and 'file' (DHCPv4), CL options 32 and 33 (DHCPv6).</summary>
    (IPAddress Server, string File, IPAddress Source)? ConfigFileLocation()
    {
        if (PrimaryIsV4 && _v4?.Ack is { } ack)
        {
            if (ack.BootFileName is not { Length: > 0 } file || ack.SiAddr.Equals(IPAddress.Any)) return null;
            return (ack.SiAddr, file, ack.YiAddr);
        }
        if (_v6?.Reply is { } reply && _v6.LeasedAddress is { } leased)
        {
            var cl = Safe(() => reply.CableLabs);
            var servers = Safe(() => cl?.TftpServers);
            var file = Safe(() => cl?.ConfigFileName);
            if (servers is not { Count: > 0 } || file is not { Length: > 0 }) return null;
            return (servers[0], file, leased.Address);
        }
        return null;
    }

    (IReadOnlyList<IPAddress> Servers, int? Offset) TodParameters()
    {
        if (PrimaryIsV4 && _v4?.Ack is { } ack)
        {
            var servers = Safe(() => ack.GetOption(DhcpOptionCode.TimeServer)?.AsAddresses()) ?? [];
            int? offset = ack.GetOption(DhcpOptionCode.TimeOffset) is { Length: 4 } o ? o.AsInt32() : null;
            return (servers, offset);
        }
        if (_v6?.Reply is { } reply)
        {
            var cl = Safe(() => reply.CableLabs);
            return (Safe(() => cl?.Rfc868Servers) ?? [], Safe(() => cl?.TimeOffset));
        }
        return ([], null);
    }

    void Register(bool todObtained)
    {
        // The eCM answers SNMP (docsDevResetNow) on its primary address once registered.
        if ((PrimaryIsV4 ? _v4?.Ack?.YiAddr : _v6?.LeasedAddress?.Address) is { } address) _agent.Open(address);
        var given = PrimaryIsV4 ? _v4!.EueOptions : _v6!.EueOptions;
        EueInitialization = _options.Behaviour.EueInitialization.Decide(Requested, given);
        TransitionTo(EcmState.Registered, $"CM10 done{(todObtained ? "" : " without ToD")}; {EueInitialization.Outcome}: {EueInitialization.Reason}",
            new Dictionary<string, string> { ["device.eue_initialization"] = EueInitialization.Outcome.ToString() });
        Registered?.Invoke(EueInitialization);
    }

    static int PrefixLength(IPAddress? mask)
    {
        if (mask is null) return 24;
        int bits = 0;
        foreach (var b in mask.GetAddressBytes()) bits += System.Numerics.BitOperations.PopCount(b);
        return bits;
    }

    static T? Safe<T>(Func<T?> read)
    {
        try { return read(); }
        catch (EUeConformance.Protocols.Wire.ParseError) { return default; }
    }

    public void Dispose()
    {
        _registration.Dispose();
        _configFile.Dispose();
        _tod.Dispose();
        _v4?.Dispose();
        _v6?.Dispose();
        _routers?.Dispose();
    }
}
