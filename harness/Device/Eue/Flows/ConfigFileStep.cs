using System.Net;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.ConfigFile;

namespace EUeConformance.Device.Eue.Flows;

/// <summary>How eUE-20..eUE-23 ended.</summary>
public sealed record ConfigFileStepResult(bool RestartWithEue1, string Reason, ConfigFileOutcome? Outcome)
{
    /// <summary>Where a step that restarts failed: "dns" (eUE-20/21) or "download" (eUE-22/23); empty otherwise.</summary>
    public string Stage { get; init; } = "";
}

/// <summary>
/// Table 5 eUE-20 to eUE-23 (and their IPv4 equivalents): resolve the configuration server when the URL names
/// it by FQDN (A in IPv4 mode, AAAA in IPv6 mode), download by TFTP or HTTP, check the hash (in the file for the
/// Basic flow, against the SET for Hybrid/Secure), then process the file. Protocol failures restart with eUE-1;
/// configuration-file errors go on to eUE-24/25 with the error status.
/// </summary>
public sealed class ConfigFileStep(EueMachineServices services, ReferenceDeviceOptions options, Action<EueState, string> transition)
{
    public async Task<ConfigFileStepResult> RunAsync(EueIpConfiguration ip, ConfigFileLocation location, byte[]? expectedHash, bool hashInFile, Func<bool> stillCurrent)
    {
        var address = location.Address;
        if (address is null && !options.Behaviour.Flow.ResolvesConfigServerName)
        {
            // A mutant's shortcut: no lookup, the first DNS server's address taken as the configuration server's.
            address = ip.DnsServers.FirstOrDefault(a => a.AddressFamily == ip.Address.AddressFamily);
        }
        if (address is null)
        {
            // eUE-20/21: an FQDN in the URL is resolved with the DNS servers DHCP gave.
            transition(EueState.ResolvingConfigServer, $"resolving {location.Host}");
            address = await services.Dns.ResolveAsync(location.Host, ip.Mode, ip.DnsServers, ip.Address);
            if (!stillCurrent()) return new(false, "superseded", null);
            if (address is null) return new(true, $"eUE-20/21: {location.Host} did not resolve", null) { Stage = "dns" };
        }

        transition(EueState.DownloadingConfigFile, $"eUE-22: {location.Method} {location.Url} from {address}");
        DownloadResult download;
        if (location.Method == FileAccessMethod.Http)
        {
            if (!options.Behaviour.Flow.AcceptsHttp(options.Ics)) return new(true, "eUE-22: HTTP is not supported by this eUE", null) { Stage = "download" };
            download = await services.Http.DownloadAsync(location, address);
        }
        else
        {
            download = await services.Tftp.DownloadAsync(address, location.Port, location.Path, options.Behaviour.Flow.TftpBlockSize(ip.Mode, options.Ics), ip.Address);
        }
        if (!stillCurrent()) return new(false, "superseded", null);
        if (!download.Succeeded) return new(true, $"eUE-23: {download.Failure}", null) { Stage = "download" };

        transition(EueState.ProcessingConfigFile, $"eUE-23: {download.Content!.Length} bytes");
        var processor = new ConfigFileProcessor(services.Mib, options.Behaviour.ConfigFileRules, options.Ics);
        // eUE-23: the hash of the file must match; a mismatch is a configuration-file error, reported in eUE-24/25.
        if (expectedHash is not null && options.Behaviour.Flow.ChecksConfigFileHash && !ConfigFileHash.Compute(download.Content).AsSpan().SequenceEqual(expectedHash))
            return new(false, "eUE-23: hash mismatch", Fail(processor, "pktcMtaDevProvConfigHash", "the file's SHA-1 does not match the hash given"));
        var parsed = EueConfigFile.Parse(download.Content);
        if (hashInFile && parsed.IsValid)
        {
            // PKT-PROV1.5 Basic flow: the hash TLV inside the file covers the rest of the file.
            var check = ConfigFileHash.VerifyBasicFlowHash(parsed.File);
            if (!check.Present || !check.Matches)
                return new(false, "Basic flow hash", Fail(processor, "pktcMtaDevProvConfigHash", check.Present ? "the hash in the file does not match the file" : "the file carries no hash"));
        }
        var outcome = processor.Process(parsed, ip.Mode, ip.Flow == Protocols.Dhcp4.ProvisioningFlow.Secure);
        return new(false, $"processed: {outcome.Status.MibName()}", outcome);
    }

    ConfigFileOutcome Fail(ConfigFileProcessor processor, string oid, string reason)
    {
        return processor.Finish(new ConfigFileOutcome(ProvisioningStatus.FailConfigFileError, [new ConfigFileError(oid, "", reason, ProvisioningStatus.FailConfigFileError)], [], 0));
    }
}
