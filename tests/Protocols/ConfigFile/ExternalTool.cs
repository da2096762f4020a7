using System.Diagnostics;
using FluentAssertions;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>Runs an independent command-line tool (Debian's openssl) as a judge of our bytes.</summary>
static class ExternalTool
{
    public static (int ExitCode, byte[] Stdout, string Stderr) Run(string path, IEnumerable<string> args, byte[]? stdin = null)
    {
        File.Exists(path).Should().BeTrue($"{path} is the independent judge here: apt-get install openssl");
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.BaseStream.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(30_000)) { p.Kill(); throw new TimeoutException($"{path} did not finish within 30 s"); }
        copy.Wait();
        return (p.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public const string OpenSsl = "/usr/bin/openssl";
}
