using System.Net.NetworkInformation;
using EUeConformance.Device;
using EUeConformance.Device.Options;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Execution;

/// <summary>Makes the DUT adapter a scenario's test bed attaches: one per scenario.</summary>
public delegate IDutAdapter DutFactory(DutProfile profile, int seed);

/// <summary>The adapters a profile's <c>dut.adapter</c> names.</summary>
public static class DutFactories
{
    /// <summary>"simulated": the reference E-UE, configured by the profile (its ICS, MACs and serial number).</summary>
    public static IDutAdapter FromProfile(DutProfile profile, int seed) => profile.Adapter switch
    {
        "simulated" => new ReferenceDutAdapter(ReferenceOptions(profile, seed)),
        "external" => new ExternalDutAdapter(ExternalOptions(profile, Console.IsInputRedirected ? null : Console.In, Console.Out)),
        "process" => new ProcessDutAdapter(ProcessOptions(profile, seed)),
        _ => throw new NotSupportedException($"{profile.Path}: dut.adapter '{profile.Adapter}' has no adapter in this version of the suite"),
    };

    static PhysicalAddress Mac(string text) => PhysicalAddress.Parse(text.Replace(':', '-'));

    /// <summary>A bench device: reset as ixit.reset says, its CMTS's eCM mode from ixit.ecm-provisioning.</summary>
    public static ExternalDutOptions ExternalOptions(DutProfile profile, TextReader? operatorInput, TextWriter? operatorOutput)
    {
        var ixit = profile.Ixit;
        return new ExternalDutOptions(ixit.Reset.Kind, Mac(ixit.EcmMac), Mac(ixit.EueMac))
        {
            Command = ixit.Reset.Command,
            EcmAddress = ixit.Reset.EcmAddress is { } a ? System.Net.IPAddress.Parse(a) : null,
            Community = ixit.Reset.Community ?? "private",
            BenchEcmProvisioning = ixit.EcmProvisioning is { } m ? ProcessDutAdapter.ParseMode(m) : null,
            OperatorInput = operatorInput,
            OperatorOutput = operatorOutput,
            ActionTimeout = ixit.Timeouts.Boot,
        };
    }

    /// <summary>A device program: ixit.process, with the profile's MACs for the ports the netns fabric makes.</summary>
    public static ProcessDutOptions ProcessOptions(DutProfile profile, int seed)
    {
        var ixit = profile.Ixit;
        var launch = ixit.Process ?? throw new InvalidOperationException($"{profile.Path}: adapter 'process' needs ixit.process");
        return new ProcessDutOptions(launch.Command, launch.Arguments, Mac(ixit.EcmMac), Mac(ixit.EueMac))
        {
            WorkingDirectory = launch.WorkingDirectory,
            Seed = seed,
            FixedEcmProvisioning = ixit.EcmProvisioning is { } m ? ProcessDutAdapter.ParseMode(m) : null,
        };
    }

    /// <summary>The reference device with a mutant's deviation (profile adapter 'simulated' only).</summary>
    public static DutFactory WithMutant(Device.Mutants.Mutant mutant) => (profile, seed) => profile.Adapter == "simulated"
        ? new ReferenceDutAdapter(mutant.Apply(ReferenceOptions(profile, seed)))
        : throw new NotSupportedException($"mutant '{mutant.Name}' changes the reference device: run it with --dut simulated (or a profile with adapter: simulated)");

    /// <summary>The profile a mutant is judged with: the reference profile with the mutant's ICS answers.</summary>
    public static DutProfile ProfileFor(Device.Mutants.Mutant mutant, DutProfile profile)
    {
        if (mutant.Ics.Count == 0) return profile;
        var ics = new Dictionary<string, bool>(profile.Ics);
        foreach (var (k, v) in mutant.Ics) ics[k] = v;
        return profile with { Ics = ics, Name = $"{profile.Name} claiming {mutant.IcsVariant}" };
    }

    /// <summary>The reference device the profile describes: what it claims (ICS) is what it does.</summary>
    public static ReferenceDeviceOptions ReferenceOptions(DutProfile profile, int seed)
    {
        static IpModeSupport Modes(bool v4, bool v6) => (v4 ? IpModeSupport.Ipv4 : IpModeSupport.None) | (v6 ? IpModeSupport.Ipv6 : IpModeSupport.None);
        var ics = new DeviceIcs
        {
            EueIpModes = Modes(profile.Has("ipv4"), profile.Has("ipv6")),
            EcmIpModes = Modes(profile.Has("ecm-ipv4"), profile.Has("ecm-ipv6")),
            TftpBlockSize = profile.Has("tftp-blksize"),
            HttpConfigFile = profile.Has("http-config"),
            CreateAndWait = profile.Has("create-and-wait"),
            CertificateBootstrapping = profile.Has("certificate-bootstrapping"),
            BatteryBackup = profile.Has("battery-backup"),
        };
        var identity = new DeviceIdentity
        {
            EcmMac = PhysicalAddress.Parse(profile.Ixit.EcmMac.Replace(':', '-')),
            EueMac = PhysicalAddress.Parse(profile.Ixit.EueMac.Replace(':', '-')),
            SerialNumber = profile.Ixit.SerialNumber ?? new DeviceIdentity().SerialNumber,
        };
        return new ReferenceDeviceOptions
        {
            Ics = ics,
            Identity = identity,
            Capabilities = new EueCapabilities { HttpDownload = ics.HttpConfigFile, CertificateBootstrapping = ics.CertificateBootstrapping },
            Seed = seed,
        };
    }
}
