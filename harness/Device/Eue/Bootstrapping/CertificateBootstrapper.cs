using System.Net;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Tls;

namespace EUeConformance.Device.Eue.Bootstrapping;

/// <summary>
/// Certificate Bootstrapping in the reference eUE (EUE-PROV 6.6.5, Figure 4 as the catalog reconstructs it), governed by its
/// ICS item certificate-bootstrapping:
/// <list type="number">
/// <item>Trigger (¶8 bullet 1; CL-PKTC-EUE-DEV-MIB pktcEUECBEnable / pktcEUECBData): pktcEUECBEnable set to true(1) while
/// pktcEUECBData holds an HTTP/HTTPS URI. Set by the configuration file, it takes effect only once the file was accepted
/// (the provisioning state is pass or passWithWarnings, i.e. after the eUE-24/eUE-25 reports); set over SNMP after
/// provisioning, at once. Nothing else starts it. The object then reads false(2), as the MIB requires.</item>
/// <item>TLS session to the server of the URI (¶11-¶16): see <see cref="CertificateBootstrapClient"/>. Both "http" and
/// "https" URIs are reached over TLS (6.6.5 ¶3: the protocol is HTTP secured by TLS); the port is the URI's, else 443.</item>
/// <item>HTTP GET of the URI's path inside the session (¶17).</item>
/// <item>Use of the credentials (¶17): the delivered users replace the rows of pktcEUEUsrIMPITable (CL-PKTC-EUE-USER-MIB:
/// IdType privateIdentity(4), the IMPI, CredsType password(3), the secret), the identities any later authentication (SIP
/// digest) uses. This eUE has no SIP stack; the table is where the use is observable, over SNMP.</item>
/// </list>
/// Each step goes to the device log, so that an inspector can follow it.
/// </summary>
public sealed class CertificateBootstrapper(DeviceContext context, INetworkHost host, EueMib mib, DnsResolver dns, ReferenceDeviceOptions options,
    Func<EueIpConfiguration?> configuration)
{
    const string Machine = "eue";
    const int IdTypePrivateIdentity = 4, CredsTypePassword = 3, RowActive = 1;
    int _generation;
    bool _accepted;
    int _attempts;
    /// <summary>6.6.5 ¶10 (SHOULD): the last delivered profile, kept across power cycles and resets (the reference device's non-volatile store).</summary>
    BootstrapProfile? _stored;

    CertificateBootstrappingPolicy Policy => options.Behaviour.CertificateBootstrapping;
    bool Supported => options.Ics.CertificateBootstrapping;

    /// <summary>The last attempt's outcome (white-box tests).</summary>
    public BootstrapResult? LastResult { get; private set; }

    /// <summary>Power off or reset: an attempt in flight is abandoned and the file's acceptance forgotten.</summary>
    public void Stop()
    {
        _generation++;
        _accepted = false;
    }

    /// <summary>The eUE finished provisioning: a configuration-file trigger takes effect now, if the file was accepted.</summary>
    public void OnProvisioningComplete(ProvisioningStatus status)
    {
        if (!Supported) return;
        _accepted = status is ProvisioningStatus.Pass or ProvisioningStatus.PassWithWarnings;
        if (!_accepted) return;
        if (EnableIsSet()) Start("the accepted configuration file");
        else if (Policy.StartsWithoutTrigger && Uri() is not null) Start("nothing (pktcEUECBData holds a URI)");
        else if (_stored is { } stored && Policy.AppliesCredentials)
        {
            // 6.6.5 ¶10: credentials bootstrapped before this boot stay in force without a new bootstrap.
            context.Log(Machine, "event", "certificate bootstrapping: credentials from non-volatile storage");
            Apply(stored);
        }
    }

    /// <summary>Every write of the eUE's MIB (file and SNMP): a SET of pktcEUECBEnable to true after provisioning is the management trigger.</summary>
    public void OnMibWritten(ObjectIdentifier instance, SnmpValue value)
    {
        if (!Supported || instance != MibNames.EueDev.PktcEUECBEnable.InstanceId(0) || value is not { Type: SnmpType.Integer } || value.ToInt32() != 1) return;
        if (_accepted)
        {
            if (Policy.HonoursManagementTrigger) Start("a SET of pktcEUECBEnable over SNMP");
        }
        else if (!Policy.WaitsForFileAcceptance)
        {
            Start("the configuration file, before its acceptance");
        }
    }

    bool EnableIsSet() => mib.Get(MibNames.EueDev.PktcEUECBEnable.InstanceId(0)) is { Type: SnmpType.Integer } v && v.ToInt32() == 1;

    Uri? Uri() =>
        mib.Get(MibNames.EueDev.PktcEUECBData.InstanceId(0)) is { Type: SnmpType.OctetString } v
        && System.Uri.TryCreate(v.ToText(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    void Start(string trigger)
    {
        var uri = Uri();
        if (uri is null)
        {
            context.Log(Machine, "event", $"certificate bootstrapping: triggered by {trigger}, but pktcEUECBData holds no HTTP/HTTPS URI");
            return;
        }
        // CL-PKTC-EUE-DEV-MIB: pktcEUECBEnable reads false(2). Deferred: the write may be the one being reported.
        int generation = _generation;
        int attempt = ++_attempts;
        context.Spawn(async () =>
        {
            await Task.Yield();
            if (generation != _generation) return;
            mib.Set(MibNames.EueDev.PktcEUECBEnable.InstanceId(0), SnmpValue.TruthValue(false));
            await RunAsync(uri, trigger, generation, attempt);
        });
    }

    async Task RunAsync(Uri uri, string trigger, int generation, int attempt)
    {
        var config = configuration();
        if (config is null) return;
        context.Log(Machine, "event", $"certificate bootstrapping: started by {trigger}; server {uri}",
            new Dictionary<string, string> { ["cb.uri"] = uri.ToString(), ["cb.trigger"] = trigger });
        await Policy.BeforeSessionAsync(host, mib, config);
        if (generation != _generation) return;
        IPAddress? address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? literal
            : await dns.ResolveAsync(uri.DnsSafeHost, config.Mode, config.DnsServers, config.Address);
        if (generation != _generation) return;
        if (address is null)
        {
            Finish(BootstrapResult.Fail("dns", $"{uri.Host} does not resolve"));
            return;
        }
        int port = uri.IsDefaultPort ? 443 : uri.Port;
        var client = new CertificateBootstrapClient(host, context.Clock, options.Timers, Policy, BootstrapPki.Device(options.Identity.EueMac.ToString()),
            BootstrapPki.OperatorRoot, options.Seed * 31 + attempt);
        var result = await client.FetchAsync(new IPEndPoint(address, port), uri, text => context.Log(Machine, "event", $"certificate bootstrapping: {text}"));
        if (generation != _generation) return;
        if (!result.Ok) { Finish(result); return; }
        var profile = BootstrapProfile.TryDecode(result.Body);
        if (profile is null) { Finish(BootstrapResult.Fail("profile", "the document is not a device profile")); return; }
        if (Policy.AppliesCredentials)
        {
            _stored = profile;
            Apply(profile);
        }
        Finish(result with { Detail = $"profile with {profile.Users.Count} user(s): {string.Join(", ", profile.Users.Select(u => u.Impi))}" });
    }

    void Finish(BootstrapResult result)
    {
        LastResult = result;
        // pktcEUECBEnable: an unsuccessful procedure is reported as a management event; the event's id is PKT-EUE-DATA's (not in this
        // project's sources), so the reference eUE records it in its log only.
        context.Log(Machine, result.Ok ? "event" : "error", result.Ok ? $"certificate bootstrapping: complete, {result.Detail}" : $"certificate bootstrapping: failed at {result.Stage}: {result.Detail}",
            new Dictionary<string, string> { ["cb.stage"] = result.Stage, ["cb.ok"] = result.Ok ? "true" : "false" });
    }

    void Apply(BootstrapProfile profile)
    {
        var table = MibNames.EueUser.PktcEUEUsrIMPITable;
        foreach (var row in mib.Walk(MibNames.EueUser.PktcEUEUsrIMPIRowStatus.Id).Select(p => p.Key).ToList())
            mib.RemoveRow(table, row.Arcs[MibNames.EueUser.PktcEUEUsrIMPIRowStatus.Id.Length..].ToArray());
        uint index = 1;
        foreach (var user in profile.Users)
        {
            mib.Set(MibNames.EueUser.PktcEUEUsrIMPIIdType.InstanceId(index), SnmpValue.Integer(IdTypePrivateIdentity));
            mib.Set(MibNames.EueUser.PktcEUEUsrIMPIId.InstanceId(index), SnmpValue.OctetString(user.Impi));
            mib.Set(MibNames.EueUser.PktcEUEUsrIMPICredsType.InstanceId(index), SnmpValue.Integer(CredsTypePassword));
            mib.Set(MibNames.EueUser.PktcEUEUsrIMPICredentials.InstanceId(index), SnmpValue.OctetString(user.Password));
            mib.Set(MibNames.EueUser.PktcEUEUsrIMPIRowStatus.InstanceId(index), SnmpValue.Integer(RowActive));
            index++;
        }
        context.Log(Machine, "event", $"certificate bootstrapping: pktcEUEUsrIMPITable now holds {string.Join(", ", profile.Users.Select(u => u.Impi))}");
    }
}
