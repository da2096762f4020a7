using System.Runtime.InteropServices;

namespace EUeConformance.Device.Runtime;

/// <summary>kill(2), for asking a device program to end (SIGTERM) before it is killed.</summary>
internal static class ProcessSignals
{
    public const int Hangup = 1, Terminate = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when it could not be sent (the process is gone).</summary>
    public static bool Send(int pid, int signal) => OperatingSystem.IsLinux() && Kill(pid, signal) == 0;
}
