using System.Net;
using System.Text.Json;

namespace EUeConformance.Network.Sockets;

/// <summary>An address as the kernel holds it, with its DAD state (ip-address(8): tentative, dadfailed).</summary>
public sealed record KernelAddress(IPAddress Address, int PrefixLength, bool Tentative, bool DadFailed);

/// <summary>Reads an interface's addresses from the kernel.</summary>
public static class InterfaceState
{
    const int TentativeFlag = 0x40, DadFailedFlag = 0x08; // IFA_F_TENTATIVE, IFA_F_DADFAILED (linux/if_addr.h)

    /// <summary>
    /// The IPv6 addresses of <paramref name="interfaceName"/> with their DAD state, read from
    /// /proc/thread-self/net/if_inet6 on <paramref name="thread"/>, i.e. inside its namespace: a
    /// file read instead of a process, cheap enough to poll while DAD runs.
    /// </summary>
    public static IReadOnlyList<KernelAddress> IPv6Addresses(NamespaceThread thread, string interfaceName) =>
        thread.Run(() => File.ReadAllLines("/proc/thread-self/net/if_inet6"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6 && f[5] == interfaceName)
            .Select(f =>
            {
                int flags = int.Parse(f[4], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                return new KernelAddress(new IPAddress(Convert.FromHexString(f[0])), int.Parse(f[2], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture),
                    (flags & TentativeFlag) != 0, (flags & DadFailedFlag) != 0);
            })
            .ToList();

    /// <summary>Every address of the interface (IPv4 and IPv6), through <c>ip -j address show</c>.</summary>
    public static IReadOnlyList<KernelAddress> Addresses(string? netns, string interfaceName)
    {
        var json = IpCommand.Run(netns, "-j", "address", "show", "dev", interfaceName);
        var result = new List<KernelAddress>();
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        foreach (var link in doc.RootElement.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var infos)) continue;
            foreach (var info in infos.EnumerateArray())
            {
                if (!info.TryGetProperty("local", out var local) || !IPAddress.TryParse(local.GetString(), out var address)) continue;
                int prefix = info.TryGetProperty("prefixlen", out var p) ? p.GetInt32() : 0;
                result.Add(new KernelAddress(address, prefix, Flag(info, "tentative"), Flag(info, "dadfailed")));
            }
        }
        return result;
    }

    /// <summary>The interface's MAC, read from the kernel.</summary>
    public static System.Net.NetworkInformation.PhysicalAddress Mac(string? netns, string interfaceName)
    {
        var json = IpCommand.Run(netns, "-j", "link", "show", "dev", interfaceName);
        using var doc = JsonDocument.Parse(json);
        var text = doc.RootElement[0].GetProperty("address").GetString() ?? throw new InvalidOperationException($"{interfaceName} has no link-layer address");
        return System.Net.NetworkInformation.PhysicalAddress.Parse(text.Replace(':', '-').ToUpperInvariant());
    }

    static bool Flag(JsonElement info, string name) => info.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
