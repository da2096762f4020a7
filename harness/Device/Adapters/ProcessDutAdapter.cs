using System.Diagnostics;
using System.Globalization;
using System.Net.NetworkInformation;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;

namespace EUeConformance.Device;

/// <summary>How the 'process' adapter starts its device program; see <see cref="ProcessDutAdapter"/> for the placeholders.</summary>
public sealed record ProcessDutOptions(string Command, IReadOnlyList<string> Arguments, PhysicalAddress EcmMac, PhysicalAddress EueMac)
{
    public string? WorkingDirectory { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>The eCM mode the program is fixed to, when it cannot take one (null: {ecm-provisioning} passes the scenario's).</summary>
    public EcmProvisioning? FixedEcmProvisioning { get; init; }
    /// <summary>How long power-off waits for the program to end after SIGTERM before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A device the suite does not own that runs as a program (firmware in an emulator, or the reference E-UE as
/// its own process): power-on starts it, power-off ends it (SIGTERM, then kill, by PID), a reset does both. On
/// the netns fabric the adapter makes the device's two ports first (eCM and eUE, each a veth with its MAC on the
/// scenario's link, in a namespace of its own), and the program's arguments name them: {ecm-netns}
/// {ecm-interface} {eue-netns} {eue-interface} {ecm-mac} {eue-mac}; {ecm-provisioning} (ipv4, ipv6, dual-ipv4,
/// dual-ipv6) and {seed} say how to boot. What the program prints becomes the device log (lines in
/// <see cref="DeviceLogLine"/> form keep their machine and fields).
/// </summary>
public sealed class ProcessDutAdapter(ProcessDutOptions options) : IDutAdapter
{
    readonly DeviceLog _log = new();
    readonly object _gate = new();
    IFabric? _fabric;
    NetnsPort? _ecmPort, _euePort;
    Process? _process;
    EcmProvisioning _ecmProvisioning = options.FixedEcmProvisioning ?? EcmProvisioning.Ipv4;

    public string Kind => "process";
    public ProcessDutOptions Options => options;
    public event Action<DeviceLogEntry>? LogWritten;
    public IReadOnlyList<DeviceLogEntry> Log => _log.Entries;
    public DutStatus Status => DutStatus.Unknown;

    /// <summary>The running program's PID (for the project's tests), or null.</summary>
    public int? ProcessId { get { lock (_gate) return _process is { HasExited: false } p ? p.Id : null; } }

    public Task AttachAsync(IFabric fabric, ILink link, IEvidenceSink evidence, CancellationToken cancellationToken = default)
    {
        if (_fabric is not null) throw new InvalidOperationException("the adapter is already attached");
        _fabric = fabric;
        _log.Written += e => LogWritten?.Invoke(e);
        new DeviceEvidence(evidence).Attach(_log);
        switch (fabric)
        {
            case NetnsFabric netns:
                // The eCM forms its own link-local address through the kernel; the eUE forms and checks its own (6.3.4.1).
                _ecmPort = netns.AddPort(link, "ecm0", options.EcmMac, autoLinkLocal: true);
                _euePort = netns.AddPort(link, "eue0", options.EueMac, autoLinkLocal: false);
                break;
            case Network.Interface.InterfaceFabric:
                break; // a bench: the program binds the NICs its own arguments name
            default:
                throw new NotSupportedException($"a device program cannot join the {fabric.Kind} fabric (in memory or loopback-mapped): use --fabric netns or interface");
        }
        return Task.CompletedTask;
    }

    public Task<bool> SetEcmProvisioningAsync(EcmProvisioning provisioning, CancellationToken cancellationToken = default)
    {
        if (options.FixedEcmProvisioning is { } fixedMode) return Task.FromResult(fixedMode == provisioning);
        _ecmProvisioning = provisioning;
        return Task.FromResult(true);
    }

    public Task PowerOnAsync(CancellationToken cancellationToken = default)
    {
        if (_fabric is null) throw new InvalidOperationException("attach the adapter to a fabric first");
        lock (_gate)
        {
            if (_process is { HasExited: false }) return Task.CompletedTask;
            var info = new ProcessStartInfo(options.Command)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var a in options.Arguments) info.ArgumentList.Add(Substitute(a));
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(DeviceLogLine.Parse(e.Data, _fabric.Clock.GetUtcNow())); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(new DeviceLogEntry(_fabric.Clock.GetUtcNow(), "process", "stderr", e.Data, new Dictionary<string, string>())); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            Write(new DeviceLogEntry(_fabric.Clock.GetUtcNow(), "process", "event", $"started {options.Command} (pid {process.Id})", new Dictionary<string, string>()));
        }
        return Task.CompletedTask;
    }

    public async Task ResetAsync(DutResetKind kind, CancellationToken cancellationToken = default)
    {
        await PowerOffAsync(cancellationToken);
        await PowerOnAsync(cancellationToken);
    }

    public async Task PowerOffAsync(CancellationToken cancellationToken = default)
    {
        Process? process;
        lock (_gate) { process = _process; _process = null; }
        if (process is null) return;
        using (process)
        {
            if (!process.HasExited)
            {
                // SIGTERM first: a device program may want to log its shutdown; then the whole tree goes.
                ProcessSignals.Send(process.Id, ProcessSignals.Terminate);
                using var grace = new CancellationTokenSource(options.StopGrace);
                try { await process.WaitForExitAsync(grace.Token); }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }
            else await process.WaitForExitAsync(CancellationToken.None);
            Write(new DeviceLogEntry(_fabric?.Clock.GetUtcNow() ?? DateTimeOffset.UtcNow, "process", "event",
                $"ended (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)})", new Dictionary<string, string>()));
        }
    }

    string Substitute(string argument) => argument
        .Replace("{ecm-netns}", _ecmPort?.Namespace ?? "", StringComparison.Ordinal)
        .Replace("{ecm-interface}", _ecmPort?.InterfaceName ?? "", StringComparison.Ordinal)
        .Replace("{eue-netns}", _euePort?.Namespace ?? "", StringComparison.Ordinal)
        .Replace("{eue-interface}", _euePort?.InterfaceName ?? "", StringComparison.Ordinal)
        .Replace("{ecm-mac}", Text(options.EcmMac), StringComparison.Ordinal)
        .Replace("{eue-mac}", Text(options.EueMac), StringComparison.Ordinal)
        .Replace("{ecm-provisioning}", ModeName(_ecmProvisioning), StringComparison.Ordinal)
        .Replace("{seed}", options.Seed.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    static string Text(PhysicalAddress mac) => string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>ipv4, ipv6, dual-ipv4, dual-ipv6: the names the profile's ixit.ecm-provisioning and the reference device's command line use.</summary>
    public static string ModeName(EcmProvisioning p) =>
        (p.Modes == IpModeSupport.DualStack ? "dual-" : "") + (p.Primary == IpAddressingMode.Ipv4 ? "ipv4" : "ipv6");

    public static EcmProvisioning ParseMode(string name) => name switch
    {
        "ipv4" => EcmProvisioning.Ipv4,
        "ipv6" => EcmProvisioning.Ipv6,
        "dual-ipv4" => EcmProvisioning.DualStack(IpAddressingMode.Ipv4),
        "dual-ipv6" => EcmProvisioning.DualStack(IpAddressingMode.Ipv6),
        _ => throw new ArgumentException($"unknown eCM provisioning mode '{name}': ipv4, ipv6, dual-ipv4 or dual-ipv6", nameof(name)),
    };

    void Write(DeviceLogEntry entry) => _log.Write(entry);

    public async ValueTask DisposeAsync() => await PowerOffAsync();
}
