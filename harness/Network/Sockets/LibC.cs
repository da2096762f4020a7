using System.Runtime.InteropServices;

namespace EUeConformance.Network.Sockets;

/// <summary>The two libc calls the namespace fabrics need that .NET does not wrap.</summary>
internal static class LibC
{
    /// <summary>setns(2) with CLONE_NEWNET: the calling thread joins the network namespace of the descriptor.</summary>
    public const int CloneNewNet = 0x40000000;

    [DllImport("libc", SetLastError = true)]
    public static extern int setns(int fd, int nstype);

    /// <summary>if_nametoindex(3), resolved in the calling thread's network namespace; 0 when absent.</summary>
    [DllImport("libc", SetLastError = true)]
    public static extern uint if_nametoindex([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc")]
    public static extern uint geteuid();
}
