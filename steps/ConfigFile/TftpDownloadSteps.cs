using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.ConfigFile;

/// <summary>
/// The eUE's configuration file request over TFTP (pkt-eue-5: eUE-22, MTA-22): what its read request asks for.
/// The eCM may fetch its own DOCSIS file from the same server; the eUE's is the one named by its configuration.
/// </summary>
[Binding]
public sealed class TftpDownloadSteps(Lab lab)
{
    async Task<(Network.Evidence.EvidenceEvent Event, TftpReadRequest Request)> ReadRequestAsync()
    {
        var e = await lab.AwaitAsync($"TFTP read request for {LabAddresses.ConfigFileName}",
            ev => Traffic.From(Traffic.Tftp, "RRQ")(ev) && ev.Message<TftpReadRequest>().Filename.TrimStart('/') == LabAddresses.ConfigFileName,
            lab.Boot, protocol: "tftp");
        return (e, e.Message<TftpReadRequest>());
    }

    /// <summary>Table 5 eUE-22: the read request carries the RFC 2348 blksize option at all.</summary>
    [Then(@"^the eUE's TFTP read request for its configuration file carries the blksize option$")]
    public async Task ThenBlockSizeOption()
    {
        var (e, rrq) = await ReadRequestAsync();
        if (rrq.Options.Find(TftpOptionDefinitions.BlockSize.Name) is null)
            throw lab.Fail("the read request carries no blksize option (RFC 2348)", expected: "a blksize option", seen: rrq.Options.Count == 0 ? "no options" : string.Join(", ", rrq.Options.Select(o => o.Name)), e);
        lab.Witness(e, "blksize option present");
    }

    /// <summary>6.3.3 (IPv4, when the option is sent) and eUE-22 (IPv6, always): the blksize value asked for.</summary>
    [Then(@"^the eUE requests its configuration file by TFTP with a blocksize of (\d+)$")]
    public async Task ThenBlockSize(int expected)
    {
        var (e, rrq) = await ReadRequestAsync();
        var blksize = rrq.Options.Find(TftpOptionDefinitions.BlockSize.Name);
        if (blksize is null) throw lab.Fail("the read request carries no blksize option (RFC 2348)", expected: $"blksize {expected}", seen: "no blksize option", e);
        if (blksize.Value != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw lab.Fail("the read request asks for another block size", expected: $"blksize {expected}", seen: $"blksize {blksize.Value}", e);
        lab.Witness(e, $"blksize {expected}");
    }
}
