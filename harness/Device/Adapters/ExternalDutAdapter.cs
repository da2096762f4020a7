using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device;

/// <summary>How the 'external' adapter brings a bench device back to power-on (the profile's ixit.reset).</summary>
public sealed record ExternalDutOptions(string ResetMethod, PhysicalAddress EcmMac, PhysicalAddress EueMac)
{
    /// <summary>method 'command': a program (with arguments) run through /bin/sh, {action} becoming on, off or cycle (also in EUE_ACTION).</summary>
    public string? Command { get; init; }
    /// <summary>method 'snmp': the eCM's management address and read-write community for docsDevResetNow.</summary>
    public IPAddress? EcmAddress { get; init; }
    public string Community { get; init; } = "private";
    /// <summary>The bench CMTS's eCM mode (ixit.ecm-provisioning); null: the bench does what scenarios ask.</summary>
    public EcmProvisioning? BenchEcmProvisioning { get; init; }
    /// <summary>method 'prompt': where the operator reads instructions and answers (null input: no operator, e.g. CI).</summary>
    public TextReader? OperatorInput { get; init; }
    public TextWriter? OperatorOutput { get; init; }
    /// <summary>How long an action (a command, an SNMP SET, the operator) may take.</summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// A device on a lab bench (profile adapter 'external'): the suite cannot see inside it, so the status is unknown
/// and the log holds only what the adapter did. Power-on always starts a fresh boot, because the previous
/// scenario left the device provisioned: by an SNMP SET of docsDevResetNow on the eCM (sent from the headend's
/// host, as the operator's network would), by a configured command (a switched power outlet), or by asking the
/// operator at the terminal. A method that cannot run (no operator at a terminal, a failing command) fails with a
/// message that says how to fix the profile.
/// </summary>
public sealed class ExternalDutAdapter(ExternalDutOptions options) : IDutAdapter, IOperatorNetworkUser
{
    readonly DeviceLog _log = new();
    IFabric? _fabric;
    INetworkHost? _operatorHost;

    public string Kind => "external";
    public ExternalDutOptions Options => options;
    public event Action<DeviceLogEntry>? LogWritten;
    public IReadOnlyList<DeviceLogEntry> Log => _log.Entries;
    public DutStatus Status => DutStatus.Unknown;

    public Task AttachAsync(IFabric fabric, ILink link, IEvidenceSink evidence, CancellationToken cancellationToken = default)
    {
        _fabric = fabric;
        _log.Written += e => LogWritten?.Invoke(e);
        new DeviceEvidence(evidence).Attach(_log);
        return Task.CompletedTask;
    }

    public void UseOperatorHost(INetworkHost host) => _operatorHost = host;

    public Task<bool> SetEcmProvisioningAsync(EcmProvisioning provisioning, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.BenchEcmProvisioning is null || options.BenchEcmProvisioning == provisioning);

    public Task PowerOnAsync(CancellationToken cancellationToken = default) => Cycle("power-on (fresh boot)", cancellationToken);

    public Task ResetAsync(DutResetKind kind, CancellationToken cancellationToken = default) => Cycle(kind == DutResetKind.PowerCycle ? "power cycle" : "reset", cancellationToken);

    public Task PowerOffAsync(CancellationToken cancellationToken = default) => options.ResetMethod switch
    {
        "command" => RunCommandAsync("off", cancellationToken),
        // SNMP cannot switch a modem off, and an operator is not asked to at the end of every scenario.
        _ => Task.CompletedTask,
    };

    Task Cycle(string why, CancellationToken ct) => options.ResetMethod switch
    {
        "snmp" => SnmpResetAsync(why, ct),
        "command" => RunCommandAsync("cycle", ct),
        "prompt" => PromptAsync($"Power-cycle the E-UE now ({why}), then press Enter.", ct),
        _ => throw new InvalidOperationException($"reset method '{options.ResetMethod}' cannot reset a bench device: use snmp, command or prompt in ixit.reset.method"),
    };

    async Task SnmpResetAsync(string why, CancellationToken ct)
    {
        if (_fabric is null || _operatorHost is null) throw new InvalidOperationException("the SNMP reset is sent from the headend's host: attach the adapter to a test bed first");
        var address = options.EcmAddress ?? throw new InvalidOperationException("ixit.reset.ecm-address is needed for the snmp reset method");
        var host = _operatorHost;
        var clock = _fabric.Clock;
        Note($"{why}: SNMP SET docsDevResetNow.0 = true(1) to {address} (community \"{options.Community}\")");
        var outcome = await _fabric.InvokeAsync<string>(async () =>
        {
            using var socket = host.OpenUdp(new IPEndPoint(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            var engine = new SnmpEngine([0x80, 0x00, 0x11, 0x8B, 0x04, 0x72, 0x73, 0x74], 1, clock);
            var requester = new SnmpRequester(engine, (bytes, to, _) => { socket.Send(bytes.Span, to); return ValueTask.CompletedTask; }, continueOnCapturedContext: true);
            socket.Received = d => requester.Deliver(SnmpMessage.Decode(d.Payload.Span), d.Payload.Span, d.Source);
            var target = SnmpTarget.V2c(new IPEndPoint(address, 161), options.Community) with { Timeout = TimeSpan.FromSeconds(3), Retries = 1 };
            var set = new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0,
                [new VarBind(MibNames.DocsCableDevice.DocsDevResetNow.InstanceId(0), SnmpValue.TruthValue(true))]);
            try
            {
                var response = await requester.RequestAsync(target, set);
                return response.Pdu.ErrorStatus == SnmpErrorStatus.NoError ? "acknowledged" : $"refused: {response.Pdu.ErrorStatus}";
            }
            catch (SnmpTimeoutException)
            {
                // A modem may reset before it answers: the boot that follows is what counts.
                return "no answer (the modem may have reset at once)";
            }
        });
        Note($"docsDevResetNow: {outcome}");
        if (outcome.StartsWith("refused", StringComparison.Ordinal))
            throw new InvalidOperationException($"the eCM at {address} refused docsDevResetNow ({outcome}): check ixit.reset.community");
    }

    async Task RunCommandAsync(string action, CancellationToken ct)
    {
        var command = options.Command ?? throw new InvalidOperationException("ixit.reset.command is needed for the command reset method");
        string line = command.Contains("{action}", StringComparison.Ordinal) ? command.Replace("{action}", action, StringComparison.Ordinal) : $"{command} {action}";
        Note($"reset command: {line}");
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(line);
        info.Environment["EUE_ACTION"] = action;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start /bin/sh for '{line}'");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(options.ActionTimeout);
        try { await process.WaitForExitAsync(bound.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the reset command '{line}' did not finish within {options.ActionTimeout.TotalSeconds:0} s");
        }
        string output = (await stdout + await stderr).Trim();
        if (output.Length > 0) Note($"reset command output: {output}");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the reset command '{line}' exited with {process.ExitCode}: fix ixit.reset.command ({output})");
    }

    async Task PromptAsync(string instruction, CancellationToken ct)
    {
        if (options.OperatorInput is null || options.OperatorOutput is null)
            throw new InvalidOperationException("the 'prompt' reset method needs an operator at a terminal; this run has none (e.g. CI): set ixit.reset.method to snmp or command");
        Note($"operator asked: {instruction}");
        await options.OperatorOutput.WriteLineAsync($"[operator] {instruction}");
        await options.OperatorOutput.FlushAsync(ct);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(options.ActionTimeout);
        string? answer;
        try { answer = await options.OperatorInput.ReadLineAsync(bound.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"the operator did not answer within {options.ActionTimeout.TotalSeconds:0} s");
        }
        if (answer is null) throw new InvalidOperationException("the operator's input ended: no one confirmed the power cycle");
        Note($"operator confirmed{(answer.Trim().Length > 0 ? $": \"{answer.Trim()}\"" : "")}");
    }

    void Note(string text) => _log.Write(new DeviceLogEntry(_fabric?.Clock.GetUtcNow() ?? DateTimeOffset.UtcNow, "adapter", "event", text, new Dictionary<string, string>()));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
