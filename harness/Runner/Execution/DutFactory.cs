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
        _ => throw new NotSupportedException($"{profile.Path}: dut.adapter '{profile.Adapter}' has no adapter in this version of the suite"),
    };

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
