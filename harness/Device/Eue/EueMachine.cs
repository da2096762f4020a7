using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue;

/// <summary>
/// The eUE: started by the eCM with Table 4's decision (never before CM10: 6.3.2.3 ¶12), it provisions in the
/// one mode it was given (IPv4: 6.3.3; IPv6: 6.3.4 link-local → router discovery → DHCPv6), applies the ToD
/// rules of 6.3.2.3, then runs the flow the realm selects (Basic, Hybrid; Secure stops at its Kerberos place),
/// reacting to renewals by 6.3.5. Every failure that "restarts with eUE-1" goes back to the DHCP step.
/// </summary>
public sealed class EueMachine : StateMachine<EueState>, IDisposable
{
    readonly INetworkHost _host;
    readonly ReferenceDeviceOptions _options;
    readonly Random _random;
    readonly EueMachineServices _services;
    readonly ActorTimer _retry;
    readonly ActorTimer _provisioningTimer;
    readonly RouterDiscovery _routerDiscovery;
    NetworkTime? _time;
    EueInitialization? _initialization;
    EueDhcpv4Client? _v4;
    EueDhcpv6Client? _v6;
    IPAddress? _linkLocal;
    int _generation;
    int _todRetries;
    /// <summary>The provisioning timer in force (the default, or 122.8 / CCCV6.8); zero: none.</summary>
    TimeSpan _provisioningSpan;

    public EueMachine(DeviceContext context, INetworkHost host, ReferenceDeviceOptions options, Random random, EueMachineServices services) : base("eue", context)
    {
        _host = host;
        _options = options;
        _random = random;
        _services = services;
        _retry = NewTimer();
        _provisioningTimer = NewTimer();
        _routerDiscovery = new RouterDiscovery(context, host, options.Timers, options.Behaviour.RouterAdvertisements);
    }

    public EueIpConfiguration? Configuration { get; private set; }
    public IpAddressingMode? Mode => _initialization?.Mode;
    public ConfigFileOutcome? ConfigFileOutcome { get; private set; }
    public ProvisioningStatus? ProvisioningStatus => _services.Mib.ProvisioningState;
    public EueMachineServices Services => _services;
    public EueDhcpv4Client? Dhcpv4 => _v4;
    public EueDhcpv6Client? Dhcpv6 => _v6;
    public RouterDiscovery RouterDiscovery => _routerDiscovery;
    public IPAddress? LinkLocalAddress => _linkLocal;

    /// <summary>Provisioning came to an end (pass or fail), with the status reported.</summary>
    public event Action<ProvisioningStatus>? ProvisioningComplete;

    /// <summary>EUE-PROV 6.3.2.1 ¶15: the eCM starts (or leaves dormant/disables) the eUE with the mode and the servers.</summary>
    public void Initialize(EueInitialization initialization, NetworkTime time)
    {
        Shutdown();
        _initialization = initialization;
        _time = time;
        time.Changed += OnTimeChanged;
        switch (initialization.Outcome)
        {
            case EueInitializationOutcome.Dormant:
                TransitionTo(EueState.Dormant, initialization.Reason);
                return;
            case EueInitializationOutcome.Shutdown:
                TransitionTo(EueState.Disabled, initialization.Reason);
                return;
            case EueInitializationOutcome.StartIpv4:
                StartIpv4();
                return;
            default:
                Context.Spawn(StartIpv6Async);
                return;
        }
    }

    /// <summary>Stops everything (power off, reset, eCM reinitialisation).</summary>
    public void Shutdown()
    {
        _generation++;
        _retry.Cancel();
        _provisioningTimer.Cancel();
        _routerDiscovery.Stop();
        if (_time is not null) _time.Changed -= OnTimeChanged;
        _v4?.Dispose(); _v4 = null;
        _v6?.Dispose(); _v6 = null;
        _services.Management.Close();
        _services.Events.Close();
        foreach (var a in _host.Addresses.ToList()) _host.RemoveAddress(a.Address);
        _linkLocal = null;
        Configuration = null;
        ConfigFileOutcome = null;
        _todRetries = 0;
        _services.Mib.Clear();
        if (State != EueState.Dormant) TransitionTo(EueState.Dormant, "shut down");
    }

    // ---- IPv4 mode (6.3.3) ----

    void StartIpv4()
    {
        _v4 = new EueDhcpv4Client(Context, _host, _options, _initialization!.Options, _random, OnBound, OnRenewal);
        StartDhcp();
    }

    // ---- IPv6 mode (6.3.4: link-local, router discovery, DHCPv6, in that order) ----

    async Task StartIpv6Async()
    {
        int generation = _generation;
        var linkLocal = Eui64LinkLocal.For(_options.Identity.EueMac);
        TransitionTo(EueState.LinkLocalAssignment, $"EUI-64 link-local {linkLocal}, DAD");
        var result = await _host.AssignAddressAsync(new InterfaceAddress(linkLocal, 64));
        if (generation != _generation) return;
        if (result == AddressAssignment.Duplicate)
        {
            // 6.3.4.1 bullet 3: log it, stop IPv6, leave the tentative address unassigned, wait for manual intervention.
            Context.Log(Name, "stopped", $"stopped: DAD conflict on the link-local address {linkLocal}; waiting for manual intervention",
                new Dictionary<string, string> { ["device.address"] = linkLocal.ToString() });
            TransitionTo(EueState.StoppedDadConflict, "DAD conflict on the link-local address");
            return;
        }
        _linkLocal = linkLocal;
        DiscoverRouters();
    }

    void DiscoverRouters()
    {
        TransitionTo(EueState.RouterDiscovery, "RS");
        _routerDiscovery.Start((ra, router) =>
        {
            var prefix = ra.Prefixes.FirstOrDefault(p => p.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
            _v6 = new EueDhcpv6Client(Context, _host, _options, _initialization!.Options, _linkLocal!, prefix?.PrefixLength ?? 128, _random,
                OnBound, OnRenewal, Disable);
            StartDhcp();
        }, () =>
        {
            // 6.3.4.2 ¶5: no valid RA: IPv6 provisioning failed; reinitialise.
            _retry.Start(_options.Timers.Ipv6ReinitializationDelay, DiscoverRouters);
        });
    }

    // ---- DHCP (eUE-1..eUE-4 / MTA-1..MTA-4) ----

    void StartDhcp()
    {
        _generation++;
        Configuration = null;
        _services.Mib.SetProvisioningState(Mib.ProvisioningStatus.InProgress);
        StartProvisioningTimer(_options.Timers.ProvisioningTimer);
        if (_v4 is not null) { TransitionTo(EueState.Dhcpv4, "MTA-1: DISCOVER"); _v4.Start(); }
        else if (_v6 is not null) { TransitionTo(EueState.Dhcpv6, "eUE-1: SOLICIT"); _v6.Start(); }
    }

    /// <summary>Table 5 "restart with eUE-1" (and its IPv4 equivalent).</summary>
    void RestartWithEue1(string reason)
    {
        Note($"restart with eUE-1: {reason}");
        _generation++;
        _retry.Start(_options.Timers.RestartDelay, StartDhcp);
    }

    void StartProvisioningTimer(TimeSpan span)
    {
        _provisioningTimer.Cancel();
        _provisioningSpan = span;
        if (span <= TimeSpan.Zero) return;
        int generation = _generation;
        _provisioningTimer.Start(span, () =>
        {
            if (generation != _generation || State is EueState.Provisioned or EueState.ProvisioningFailed or EueState.WaitingForTimeOfDay) return;
            // pktcMtaDevProvisioningTimer: the flow up to the configuration file did not finish in time: start over.
            RestartWithEue1("provisioning timer expired");
        });
    }

    void Disable(string reason)
    {
        // 6.3.2.1 ¶15: a disabled eUE answers neither neighbour discovery nor router solicitations: no address left.
        _generation++;
        _provisioningTimer.Cancel();
        foreach (var a in _host.Addresses.ToList()) _host.RemoveAddress(a.Address);
        TransitionTo(EueState.Disabled, reason);
    }

    void OnBound(EueIpConfiguration config)
    {
        int generation = ++_generation;
        Configuration = config;
        // 122.8 / CCCV6.8 overrides the provisioning timer (minutes; 0 disables it).
        if (config.ProvisioningTimerMinutes is { } minutes && _options.Behaviour.Flow.ProvisioningTimer(minutes) is { } timer) StartProvisioningTimer(timer);
        _services.Management.Open(config);
        // 6.3.2.3 ¶8: every DHCP completion without the eCM's ToD raises the management event.
        if (_time is { Obtained: false }) Report(ManagementEvent.NoTimeOfDay);
        var flow = config.Flow ?? ProvisioningFlow.Secure;
        Note($"DHCP complete: {config.Address}, realm {config.KerberosRealm} → {flow} flow");
        if (flow == ProvisioningFlow.Secure)
        {
            if (_time is { Obtained: false })
            {
                // 6.3.2.3 ¶4 bullet 1: no step beyond DHCP; eUE-1 again at least once, at most three times per 300 s.
                var wait = DeviceTimers.At(_options.Timers.SecureWithoutTodRetries, _todRetries++);
                TransitionTo(EueState.WaitingForTimeOfDay, $"Secure flow without ToD; eUE-1 again in {wait.TotalSeconds} s");
                _retry.Start(wait, StartDhcp);
                return;
            }
            ContinueSecure();
            return;
        }
        // 6.3.2.3 ¶4 bullet 2: Basic and Hybrid go on without ToD.
        Context.Spawn(() => RunFlowAsync(config, flow, generation));
    }

    void ContinueSecure()
    {
        // Table 5 eUE-5..eUE-14: the Kerberos exchanges; the place is here, the machinery comes with the Kerberos issue.
        TransitionTo(EueState.SecureFlowKerberos, "Secure flow: eUE-5 DNS SRV for the KDC; Kerberos (eUE-6..eUE-14) is not implemented by this reference device yet");
        // Table 5 eUE-5 (note after eUE-4: the Secure flow proceeds to eUE-5): the DNS SRV request for the realm's KDC,
        // RFC 4120 §7.2.3.2 owner name, to the DNS servers of the REPLY. What follows comes with the Kerberos issue.
        if (Configuration is { KerberosRealm: { } realm, Address: { } source } config)
            Context.Spawn(async () => await _services.Dns.LookupAsync($"_kerberos._udp.{realm}", Protocols.Dns.DnsType.Srv, config.DnsServers, source));
    }

    void OnTimeChanged(NetworkTimeChange change)
    {
        if (change == NetworkTimeChange.Changed)
        {
            // 6.3.2.3 ¶9-11: the eUE takes the new time, drops every Kerberos ticket, and raises the event.
            _services.Tickets.InvalidateAll();
            Report(ManagementEvent.TimeOfDayChanged);
            return;
        }
        // 6.3.2.3 ¶4 bullet 3: the time is the eUE's the moment the eCM has it; a waiting Secure flow goes on.
        Note("ToD acquired from the eCM");
        if (State == EueState.WaitingForTimeOfDay && Configuration is not null)
        {
            _retry.Cancel();
            ContinueSecure();
        }
    }

    void OnRenewal(RenewalDecision decision)
    {
        Note($"renewal: {decision.Action}{(decision.Changes.Count > 0 ? " (" + string.Join(", ", decision.Changes) + ")" : "")}");
        switch (decision.Action)
        {
            case RenewalAction.Reinitialize:
                // 6.3.5 ¶3 / ¶8: a new address: start again from eUE-1.
                foreach (var a in _host.Addresses.Where(a => !a.Address.IsIPv6LinkLocal).ToList()) _host.RemoveAddress(a.Address);
                RestartWithEue1("renewal gave another address");
                break;
            case RenewalAction.Adopt:
                // 6.3.5 ¶5 / ¶9: the new DNS and syslog servers are used from now on.
                Configuration = decision.Configuration;
                break;
        }
    }

    // ---- Basic and Hybrid flows ----

    async Task RunFlowAsync(EueIpConfiguration config, ProvisioningFlow flow, int generation)
    {
        bool Current() => generation == _generation;
        var policy = _options.Behaviour.Flow;
        ConfigFileLocation? location;
        IReadOnlyList<ConfigFileLocation> alternatives = [];
        byte[]? hash = null;
        IPAddress? provisioningServer = null;
        // The Basic flow needs the SNMP entity only for eUE-25: it is resolved then, with the DNS servers in use at that time (6.3.5 ¶9).
        bool needsServer = flow != ProvisioningFlow.Basic || policy.SendsEnrollmentInform(flow);
        if (needsServer)
        {
            provisioningServer = await ProvisioningServerAddressAsync(config);
            if (!Current()) return;
        }

        if (flow == ProvisioningFlow.Basic)
        {
            // PKT-PROV1.5 Basic flow: the file's location comes from DHCP (siaddr/file; CL options 32/33).
            var servers = policy.BasicFlowTftpServers(config.TftpServers);
            var server = servers.FirstOrDefault();
            if (server is null || config.ConfigFileName is null) { RestartWithEue1("Basic flow: DHCP gave no TFTP server or file name"); return; }
            location = ConfigFileLocation.TryParse(config.ConfigFileName) ?? ConfigFileLocation.ForTftp(server, config.ConfigFileName);
            // eUE-22 (IPv6, several CL_OPTION_TFTP_SERVERS): DOCSIS MULPI "Transfer Operational Parameters": a server that does not
            // answer (its retransmissions, backing off, exhausted) hands over to the next one in the list; when none is left the eUE
            // has lost IP connectivity and starts provisioning again (22-05).
            if (config.Mode == IpAddressingMode.Ipv6 && ConfigFileLocation.TryParse(config.ConfigFileName) is null)
                alternatives = [.. servers.Skip(1).Select(s => ConfigFileLocation.ForTftp(s, config.ConfigFileName))];
            if (policy.SendsEnrollmentInform(flow) && provisioningServer is not null && _services.Management.Available)
            {
                // Not the reference's behaviour: a mutant that enrolls although the realm says Basic (6.1.4 ¶2).
                await _services.Management.SendEnrollmentAsync(provisioningServer);
                if (!Current()) return;
            }
        }
        else
        {
            // eUE-15: enrollment INFORM to PROV_SNMP_ENTITY.
            TransitionTo(EueState.Enrolling, $"eUE-15: enrollment INFORM to {provisioningServer}");
            if (!_services.Management.Available)
            {
                TransitionTo(EueState.ProvisioningFailed, "Hybrid flow needs SNMP, which this build of the reference device does not have yet");
                return;
            }
            if (policy.SendsEnrollmentInform(flow) && (provisioningServer is null || !await _services.Management.SendEnrollmentAsync(provisioningServer)))
            {
                if (Current()) RestartWithEue1("eUE-15: enrollment INFORM failed");
                return;
            }
            if (!Current()) return;
            // eUE-19: the SET of the file URL and hash, awaited as long as the provisioning timer in force allows (122.8 / CCCV6.8;
            // 0 disables the timer): the timer itself restarts the flow with eUE-1 when it runs out first.
            TransitionTo(EueState.AwaitingConfigFileLocation, "eUE-19: waiting for the SET of pktcMtaDevConfigFile");
            var instruction = await _services.Management.WaitForConfigFileAsync(_provisioningSpan > TimeSpan.Zero ? _provisioningSpan : Timeout.InfiniteTimeSpan);
            if (!Current()) return;
            if (instruction is null) { RestartWithEue1("eUE-19: no SET of the configuration file"); return; }
            location = policy.ParseConfigFileUrl(instruction.Url);
            if (location is null) { RestartWithEue1($"eUE-19: '{instruction.Url}' is not a TFTP or HTTP URL"); return; }
            hash = instruction.Hash;
        }

        var step = new ConfigFileStep(_services, _options, (state, why) => { if (Current()) TransitionTo(state, why); });
        var result = await step.RunAsync(config, location, hash, hashInFile: flow == ProvisioningFlow.Basic, Current);
        if (!Current()) return;
        foreach (var next in alternatives)
        {
            if (!(result.RestartWithEue1 && result.Stage == "download")) break;
            Note($"eUE-22: {location.Url} failed ({result.Reason}); next TFTP server {next.Host}");
            location = next;
            result = await step.RunAsync(config, next, hash, hashInFile: true, Current);
            if (!Current()) return;
        }
        if (result.RestartWithEue1 || result.Outcome is null)
        {
            bool restart = result.Stage switch
            {
                "dns" => policy.RestartsAfterDnsFailure,
                "download" => policy.RestartsAfterDownloadFailure,
                _ => true,
            };
            if (!restart) { TransitionTo(EueState.ProvisioningFailed, $"{result.Reason}; provisioning left there"); return; }
            RestartWithEue1(result.Reason);
            return;
        }
        _provisioningTimer.Cancel();
        ConfigFileOutcome = result.Outcome;
        var status = policy.ReportedStatus(result.Outcome.Status);
        if (status != result.Outcome.Status) _services.Mib.SetProvisioningState(status);

        // eUE-24: the provisioning-complete event goes to syslog when a syslog server is configured.
        bool syslog = Configuration!.SyslogServers.Count > 0 && policy.ReportsProvisioningCompleteEvent;
        if (syslog && policy.SyslogBeforeStatusInform)
        {
            TransitionTo(EueState.ReportingSyslog, "eUE-24: provisioning-complete event");
            Report(ManagementEvent.ProvisioningComplete(status.MibName()));
        }
        else
        {
            // PKT-MEM1.5: without a syslog server the event still goes into the local log.
            RecordLocally(ManagementEvent.ProvisioningComplete(status.MibName()), sentBySyslog: false);
        }
        // eUE-25: the provisioning-status INFORM when the flow has it, and the notifications TLV 38 asks for.
        bool statusInform = _options.Behaviour.Flow.SendsProvisioningStatusInform(flow, config.KerberosRealm);
        if (statusInform && flow == ProvisioningFlow.Basic)
        {
            provisioningServer = await ProvisioningServerAddressAsync(Configuration ?? config);
            if (!Current()) return;
        }
        if (statusInform || result.Outcome.NotificationReceivers.Count > 0)
        {
            TransitionTo(EueState.ReportingStatus, $"eUE-25: provisioning-status notification ({status.MibName()})");
            bool acknowledged = await _services.Management.SendProvisioningStatusAsync(statusInform ? provisioningServer : null, status, result.Outcome);
            if (!Current()) return;
            if (statusInform && (provisioningServer is null || !acknowledged) && policy.RestartsAfterUnacknowledgedStatusInform)
            {
                RestartWithEue1("eUE-25: the provisioning-status INFORM was not acknowledged");
                return;
            }
            if (statusInform && (provisioningServer is null || !acknowledged))
            {
                // eUE-25: an INFORM that fails stops provisioning; manual interaction unless the eCM reinitialises.
                TransitionTo(EueState.ProvisioningFailed, "eUE-25: the provisioning-status INFORM was not acknowledged");
                ProvisioningComplete?.Invoke(status);
                return;
            }
        }
        if (syslog && !policy.SyslogBeforeStatusInform) Report(ManagementEvent.ProvisioningComplete(status.MibName()));
        TransitionTo(status.IsPass() ? EueState.Provisioned : EueState.ProvisioningFailed, $"provisioning complete: {status.MibName()}",
            new Dictionary<string, string> { ["device.provisioning_status"] = status.MibName() });
        Context.Log(Name, "status", $"provisioning status {status.MibName()}", new Dictionary<string, string> { ["device.provisioning_status"] = status.MibName() });
        ProvisioningComplete?.Invoke(status);
    }

    async Task<IPAddress?> ProvisioningServerAddressAsync(EueIpConfiguration config)
    {
        if (config.ProvisioningServer is not { } server) return null;
        if (server.Address is not null) return server.Address;
        if (server.Fqdn is null) return null;
        // eUE-5..12 note 2 / PKT-PROV1.5: the SNMP entity's FQDN is resolved to an address.
        return await _services.Dns.ResolveAsync(server.Fqdn, config.Mode, config.DnsServers, config.Address);
    }

    void Report(ManagementEvent e)
    {
        RecordLocally(e, sentBySyslog: Configuration?.SyslogServers.Count > 0);
        _services.Events.Report(e, Configuration?.SyslogServers ?? [], Configuration?.Address, Configuration?.Fqdn);
    }

    /// <summary>6.5 / PKT-MEM1.5: the event in the local log the agent serves (pktcDevEventLogTable), endpoint name FQDN/IP.</summary>
    void RecordLocally(ManagementEvent e, bool sentBySyslog)
    {
        if (!_options.Behaviour.Agent.LogsEventsLocally) return;
        string endpoint = $"{Configuration?.Fqdn ?? ""}/{Configuration?.Address?.ToString() ?? ""}";
        EueEventLog.Record(_services.Mib, e, Context.Clock.GetUtcNow(), endpoint, _options.Identity.CorrelationId, sentBySyslog);
    }

    public void Dispose()
    {
        Shutdown();
        _retry.Dispose();
        _provisioningTimer.Dispose();
        _routerDiscovery.Dispose();
    }
}
