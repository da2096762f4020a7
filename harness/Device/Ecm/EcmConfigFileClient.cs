using System.Net;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// CM5/CM6 of EUE-PROV 6.3.1 Table 2 (CM5v6/CM6v6 of Table 3): the eCM downloads the DOCSIS configuration file
/// its DHCP server named (DHCPv4 siaddr and 'file'; DHCPv6 CL_OPTION_TFTP_SERVERS (32) and
/// CL_OPTION_CONFIG_FILE_NAME (33)) over TFTP before it registers. A download that fails is tried again after
/// each pause of <see cref="DeviceTimers.EcmConfigFileRetries"/>; when they run out the eCM starts its
/// initialisation again (DOCSIS: it cannot register without its configuration, so it never reaches CM10 and the
/// eUE is never started). The file's content is the CMTS's business (registration is simulated), not checked here.
/// </summary>
public sealed class EcmConfigFileClient(DeviceContext context, INetworkHost host, DeviceTimers timers) : IDisposable
{
    readonly ActorTimer _timer = new(context.Clock, context.Fault);
    readonly TftpDownloader _tftp = new(host, context.Clock, timers);
    int _generation;

    /// <summary>Downloads <paramref name="file"/> from <paramref name="server"/>; <paramref name="done"/> is told once: the bytes, or null when every attempt failed.</summary>
    public void Start(IPAddress server, string file, IPAddress source, Action<byte[]?> done)
    {
        int generation = ++_generation;
        _timer.Cancel();
        Attempt(server, file, source, 0, done, generation);
    }

    void Attempt(IPAddress server, string file, IPAddress source, int attempt, Action<byte[]?> done, int generation)
    {
        context.Log("ecm", "event", $"CM5: TFTP read request for the DOCSIS configuration file '{file}' from {server} (attempt {attempt + 1})");
        context.Spawn(async () =>
        {
            var result = await _tftp.DownloadAsync(server, 69, file, null, source);
            if (generation != _generation) return;
            if (result.Succeeded)
            {
                context.Log("ecm", "event", $"CM6: DOCSIS configuration file '{file}' received ({result.Content!.Length} bytes)");
                done(result.Content);
                return;
            }
            if (attempt >= timers.EcmConfigFileRetries.Count)
            {
                context.Log("ecm", "event", $"CM6 failed: {result.Failure}; no retries left");
                done(null);
                return;
            }
            var wait = timers.EcmConfigFileRetries[attempt];
            context.Log("ecm", "event", $"CM6 failed: {result.Failure}; TFTP again in {wait.TotalSeconds} s");
            _timer.Start(wait, () => Attempt(server, file, source, attempt + 1, done, generation));
        });
    }

    public void Stop()
    {
        _generation++;
        _timer.Cancel();
    }

    public void Dispose()
    {
        Stop();
        _timer.Dispose();
    }
}
