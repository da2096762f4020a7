namespace EUeConformance.Cli.Commands;

/// <summary>Where the CLI writes, and whether a person is watching (a live display) or CI (plain lines).</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Err, IReadOnlyList<string> Args, bool Interactive)
{
    public static CliConsole System(string[] args) => new(
        Console.Out, Console.Error, args,
        Interactive: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"));
}
