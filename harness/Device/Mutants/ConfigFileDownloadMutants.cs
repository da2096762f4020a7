using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Options;

namespace EUeConformance.Device.Mutants;

/// <summary>Mutants of the configuration file download (pkt-eue-5: 6.3.3, Table 5 eUE-22).</summary>
public static class ConfigFileDownloadMutants
{
    /// <summary>Asks for TFTP's default 512-octet blocks in both modes.</summary>
    public static readonly Mutant Blksize512 = new("blksize-512",
        "requests blksize 512 over IPv4 and IPv6 instead of 1448 / 1428 (violates 6.3.3 and Table 5 eUE-22)",
        ["EUE-PROV-6.3.3-04", "EUE-PROV-T5-eUE-22-03"],
        o => o with { Behaviour = o.Behaviour with { Flow = new FixedBlockSize(512) } });

    /// <summary>Sends no blksize option at all over IPv6.</summary>
    public static readonly Mutant NoBlksizeOverIpv6 = new("no-blksize-ipv6",
        "leaves the RFC 2348 blksize option out of its IPv6 read request (violates Table 5 eUE-22)",
        ["EUE-PROV-T5-eUE-22-02", "EUE-PROV-T5-eUE-22-03"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoIpv6BlockSize() } })
    {
        // Without the option nothing asks for 1428 either.
    };

    sealed class FixedBlockSize(int size) : FlowPolicy
    {
        public override int? TftpBlockSize(IpAddressingMode mode, DeviceIcs ics) => size;
    }

    sealed class NoIpv6BlockSize : FlowPolicy
    {
        public override int? TftpBlockSize(IpAddressingMode mode, DeviceIcs ics) => mode == IpAddressingMode.Ipv6 ? null : base.TftpBlockSize(mode, ics);
    }
}
