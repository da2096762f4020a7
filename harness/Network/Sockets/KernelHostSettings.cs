namespace EUeConformance.Network.Sockets;

/// <summary>How a <see cref="KernelHost"/> waits on the kernel and what it leaves behind.</summary>
public sealed record KernelHostSettings
{
    /// <summary>The longest wait for DAD (or a link-local address) before the host is declared broken.</summary>
    public TimeSpan DadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the kernel's address state is read while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Remove the addresses the host configured when it is disposed (a lab NIC); a namespace is deleted whole instead.</summary>
    public bool RemoveAddressesOnDispose { get; init; }
}
