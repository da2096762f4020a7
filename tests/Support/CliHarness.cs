using EUeConformance.Cli;
using EUeConformance.Cli.Commands;

namespace EUeConformance.Tests.Support;

/// <summary>Runs the eue-conformance CLI in-process from the repository root, capturing what it prints.</summary>
public static class CliHarness
{
    static readonly SemaphoreSlim OneAtATime = new(1, 1); // the current directory is process-wide

    public static async Task<(int Code, string Out, string Err)> Run(string[] args, CancellationToken cancellation = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await OneAtATime.WaitAsync(CancellationToken.None);
        string saved = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Repo.Root);
        try
        {
            int code = await Program.RunAsync(new CliConsole(output, error, args, Interactive: false), args, cancellation: cancellation);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(saved);
            OneAtATime.Release();
        }
    }
}
