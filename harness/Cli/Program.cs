using System.CommandLine;
using System.Runtime.InteropServices;
using EUeConformance.Cli.Commands;
using EUeConformance.Runner.Input;

namespace EUeConformance.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(CliConsole.System(args), args, hookSignals: true);

    /// <summary>
    /// The whole CLI, callable in-process by the tests. Ctrl-C (and SIGTERM) cancel the run: the
    /// current scenario stops at its next await, the rest are marked inconclusive, and the reports
    /// are still written. A second Ctrl-C ends the process at once.
    /// </summary>
    public static async Task<int> RunAsync(CliConsole console, string[] args, bool hookSignals = false, CancellationToken cancellation = default)
    {
        var root = new RootCommand("EUeConformance: a conformance suite for PacketCable 2.0 E-UE provisioning (PKT-SP-EUE-PROV-I05)");
        root.Add(RunCommand.Create(console));
        root.Add(ListCommand.Create(console));
        root.Add(CatalogCommand.Create(console));
        root.Add(ProfileCommand.Create(console));
        root.Add(HeadendCommand.Create(console));
        root.Add(ReferenceDeviceCommand.Create(console));
        root.Add(MutantsCommand.Create(console));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler? onCancel = null;
        PosixSignalRegistration? onTerm = null;
        if (hookSignals)
        {
            onCancel = (_, e) =>
            {
                if (stop.IsCancellationRequested) return; // second Ctrl-C: let the process end
                e.Cancel = true;
                console.Err.WriteLine("stopping: finishing up (a run writes its report, a headend takes its addresses down; Ctrl-C again to abort at once)");
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        }

        try
        {
            // Tag expressions start with '@', which System.CommandLine would read as a response file.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            var config = new InvocationConfiguration { Output = console.Out, Error = console.Err, EnableDefaultExceptionHandler = false };
            int code = await parse.InvokeAsync(config, stop.Token);
            // System.CommandLine answers 1 for a malformed command line; ours is an input error: 2.
            return parse.Errors.Count > 0 ? 2 : code;
        }
        catch (Exception e) when (Unwrap(e) is InputError or InputErrors)
        {
            console.Err.WriteLine(Unwrap(e).Message);
            return 2;
        }
        catch (Exception e)
        {
            console.Err.WriteLine($"eue-conformance: internal error: {e}");
            return 2;
        }
        finally
        {
            if (onCancel is not null) Console.CancelKeyPress -= onCancel;
            onTerm?.Dispose();
        }
    }

    static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e.InnerException is not null && e is System.Reflection.TargetInvocationException ? Unwrap(e.InnerException) : e;
}
