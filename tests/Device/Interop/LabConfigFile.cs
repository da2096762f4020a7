using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// The eUE configuration file tftpd-hpa serves: the telephony interface enabled, one IMS private identity row
/// created with createAndGo whose credentials are long enough (TLV 64) that the file spans two blocks even at the
/// eUE's block size, and the Basic flow's hash inside the file (PKT-PROV1.5; EUE-PROV Table 5 eUE-23).
/// </summary>
public static class LabConfigFile
{
    /// <summary>Longer than one 1448-octet block, shorter than two.</summary>
    public const int CredentialsLength = 2000;

    public static byte[] Build()
    {
        uint row = 1;
        var file = new ConfigFileBuilder().StartOfFile()
            .SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true)
            .SetMib(MibNames.EueUser.PktcEUEUsrIMPIIdType.Instance(row), 4) // privateIdentity
            .SetMib(MibNames.EueUser.PktcEUEUsrIMPIId.Instance(row), $"{EueHostName}@{Domain}")
            .SetMib(MibNames.EueUser.PktcEUEUsrIMPICredsType.Instance(row), 3) // password
            .SetMibLong(MibNames.EueUser.PktcEUEUsrIMPICredentials.Instance(row), SnmpValue.OctetString(new string('k', CredentialsLength)))
            .SetMib(MibNames.EueUser.PktcEUEUsrIMPIRowStatus.Instance(row), 4) // createAndGo
            .EndOfFile().Build();
        return ConfigFileHash.AddBasicFlowHash(file).Encode();
    }
}
