using System.Globalization;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.ConfigFile;

/// <summary>
/// The TFTP blocksize the eUE asks for on every read request of its configuration file, retransmissions and new
/// attempts included (6.3.3: 1448 over IPv4 when the eUE sends the RFC 2348 option), with the Configuration
/// Server ignoring the first requests.
/// </summary>
[Binding]
public sealed class TftpBlockSizeSteps(Lab lab, LabPlan plan)
{
    [Given(@"^the Configuration Server ignores the eUE's first (\d+) read requests?$")]
    public void GivenIgnored(int count) =>
        plan.HeadendSetup.Add(h => h.Tftp.Overrides.Add(new IgnoreReadRequests(LabAddresses.ConfigFileName, count)));

    [Then(@"^the eUE requests its configuration file (\d+) times by TFTP, each time with a blocksize of (\d+)$")]
    public async Task ThenEveryRequest(int times, int expected)
    {
        EvidenceEvent? last = null;
        for (int i = 0; i < times; i++)
        {
            last = await lab.AwaitAsync($"TFTP read request {i + 1} for {LabAddresses.ConfigFileName}",
                e => Traffic.From(Traffic.Tftp, "RRQ")(e) && e.Message<TftpReadRequest>().Filename.TrimStart('/') == LabAddresses.ConfigFileName,
                lab.Boot, from: last is null ? null : new EvidenceCursor(last.Sequence), protocol: "tftp");
            var blksize = last.Message<TftpReadRequest>().Options.Find(TftpOptionDefinitions.BlockSize.Name);
            if (blksize is null)
                throw lab.Fail($"read request {i + 1} carries no blksize option", expected: $"blksize {expected} on every request (6.3.3)", seen: "no blksize option", last);
            if (blksize.Value != expected.ToString(CultureInfo.InvariantCulture))
                throw lab.Fail($"read request {i + 1} asks for another block size", expected: $"blksize {expected}", seen: $"blksize {blksize.Value}", last);
        }
        lab.Witness(last!, $"read request {times}, blksize {expected}");
    }
}
