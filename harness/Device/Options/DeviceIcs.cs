namespace EUeConformance.Device.Options;

/// <summary>
/// The reference device's Implementation Conformance Statement: what it claims, item for item with
/// the ICS vocabulary of harness/Runner/Profile/IcsVocabulary.cs (mirrored by name here, since the
/// device must not depend on the Runner). A mutant changes these to claim less, or keeps the claim
/// and breaks the behaviour through <see cref="DeviceBehaviour"/>.
/// </summary>
public sealed record DeviceIcs
{
    /// <summary>ICS "ipv4" / "ipv6" (EUE-PROV 6.3.3 / 6.3.4): the eUE's addressing modes.</summary>
    public IpModeSupport EueIpModes { get; init; } = IpModeSupport.DualStack;

    /// <summary>ICS "ecm-ipv4" / "ecm-ipv6" (6.3.1 Tables 2 and 3): the eCM's addressing modes.</summary>
    public IpModeSupport EcmIpModes { get; init; } = IpModeSupport.DualStack;

    /// <summary>ICS "tftp-blksize" (6.3.3): the eUE offers RFC 2348 blksize over IPv4 (over IPv6 it always must, eUE-22).</summary>
    public bool TftpBlockSize { get; init; } = true;

    /// <summary>ICS "http-config" (6.1.5 MAY): the eUE can fetch its configuration file over HTTP.</summary>
    public bool HttpConfigFile { get; init; } = true;

    /// <summary>ICS "create-and-wait" (6.4.2 MAY): the eUE accepts RowStatus createAndWait in its configuration file.</summary>
    public bool CreateAndWait { get; init; } = true;

    /// <summary>ICS "certificate-bootstrapping" (6.6.5 SHOULD): Eue/Bootstrapping implements it; the built-in profile claims it, a variant without it exercises the not-applicable verdicts.</summary>
    public bool CertificateBootstrapping { get; init; }

    /// <summary>ICS "battery-backup" (6.6.4). The reference device has no battery.</summary>
    public bool BatteryBackup { get; init; }

    /// <summary>The ICS answers by vocabulary name, as a DUT profile writes them.</summary>
    public IReadOnlyDictionary<string, bool> ToProfileAnswers() => new Dictionary<string, bool>
    {
        ["ipv4"] = EueIpModes.SupportsIpv4(),
        ["ipv6"] = EueIpModes.SupportsIpv6(),
        ["ecm-ipv4"] = EcmIpModes.SupportsIpv4(),
        ["ecm-ipv6"] = EcmIpModes.SupportsIpv6(),
        ["tftp-blksize"] = TftpBlockSize,
        ["http-config"] = HttpConfigFile,
        ["create-and-wait"] = CreateAndWait,
        ["certificate-bootstrapping"] = CertificateBootstrapping,
        ["battery-backup"] = BatteryBackup,
    };
}
