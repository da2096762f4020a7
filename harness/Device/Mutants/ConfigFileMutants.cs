using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;

namespace EUeConformance.Device.Mutants;

/// <summary>Mutants of the eUE's configuration file processing (6.4.2, Table 6, 6.4.2.1).</summary>
public static class ConfigFileMutants
{
    static Mutant Rules(string name, string description, string[] targets, ConfigFileRules rules, params string[] blast) =>
        new(name, description, targets, o => o with { Behaviour = o.Behaviour with { ConfigFileRules = rules } }) { BlastRadius = blast };

    /// <summary>Everything the eUE's file processing judges from a VarBind it applied (reads back, row creation, error table).</summary>
    static readonly string[] FileSettings =
        ["EUE-PROV-T6-TLV11-01a", "EUE-PROV-T6-TLV64-01a", "EUE-PROV-T6-TLV43-01a", "EUE-PROV-6.4.2-0*", "EUE-PROV-6.4.2.1-01", "EUE-PROV-6.5-01"];

    public static readonly Mutant Tlv11Ignored = Rules("tlv11-ignored",
        "skips every VarBind that comes in a TLV 11, without a report (violates Table 6 TLV 11: PKT-PROV1.5's MIB setting)",
        ["EUE-PROV-T6-TLV11-01a"], new SkipsTlv(ConfigTlvType.SnmpMibObject), FileSettings);

    public static readonly Mutant Tlv64Ignored = Rules("tlv64-ignored",
        "skips every VarBind that comes in a TLV 64 (2-byte length), without a report (violates Table 6 TLV 64)",
        ["EUE-PROV-T6-TLV64-01a", "EUE-PROV-6.4.2-01"], new SkipsTlv(ConfigTlvType.SnmpMibObjectLong));

    public static readonly Mutant ForeignVendorDataFails = Rules("foreign-tlv43-fails-file",
        "treats another vendor's TLV 43 as a configuration file error (violates Table 6 TLV 43 / PKT-PROV1.5: foreign vendor data is ignored)",
        ["EUE-PROV-T6-TLV43-01a", "EUE-PROV-6.4.2-01"], new FailsOnVendorData());

    public static readonly Mutant StartMarkerNotRequired = Rules("start-marker-not-required",
        "accepts a file without the eUE Start of File marker first, reporting pass (violates Table 6 TLV 254 = 0x01)",
        ["EUE-PROV-T6-TLV254-start-01a"], new Lenient(ConfigFileProblemKind.MissingStartOfFile, ConfigFileProblemKind.MisplacedStartOfFile));

    public static readonly Mutant EndMarkerNotRequired = Rules("end-marker-not-required",
        "accepts a file without the eUE End of File marker last (missing, cut short, data after it), reporting pass (violates Table 6 TLV 254 = 0xFF)",
        ["EUE-PROV-T6-TLV254-end-01a"], new Lenient(ConfigFileProblemKind.MissingEndOfFile, ConfigFileProblemKind.DataAfterEndOfFile, ConfigFileProblemKind.TruncatedTlv));

    public static readonly Mutant ErrorTableLeftEmpty = Rules("error-table-left-empty",
        "reports the status of rejected settings but lists none of them in the error OIDs table (violates 6.4.2 ¶4 / PKT-PROV1.5 error reporting)",
        ["EUE-PROV-6.4.2-02", "EUE-PROV-6.4.2-07c"], new ListsNothing());

    public static readonly Mutant WarningsReportedAsPass = Rules("warnings-reported-as-pass",
        "reports pass(1) for a file with settings it could not apply or rows it rejected (violates 6.4.2 ¶4: passWithWarnings or failConfigFileError)",
        ["EUE-PROV-6.4.2-02", "EUE-PROV-6.4.2-07b"], new EverythingPasses());

    public static readonly Mutant RowWithoutRowStatusCreated = Rules("row-without-rowstatus-created",
        "creates (and activates) a table row the file gives without its RowStatus, though it still reports it (violates 6.4.2 ¶4, RFC 2579)",
        ["EUE-PROV-6.4.2-07a"], new CreatesRowsWithoutRowStatus());

    public static readonly Mutant CreateAndGoNotActive = Rules("create-and-go-not-active",
        "leaves a row created with createAndGo notInService instead of active (violates 6.4.2 ¶4, RFC 2579 createAndGo)",
        ["EUE-PROV-6.4.2-03", "EUE-PROV-6.4.2-04"], new CreateAndGoInactive());

    public static readonly Mutant CreateAndWaitRefused = Rules("create-and-wait-refused",
        "claims createAndWait in its ICS but treats it as a configuration file error (violates 6.4.2 ¶4 / RFC 2579 for an eUE that declares 6.4.2-05)",
        ["EUE-PROV-6.4.2-03"], new NoCreateAndWait());

    public static readonly Mutant MtaDeviceSettingsIgnored = Rules("mta-device-settings-ignored",
        "skips the device-level settings of the MTA MIB (PKTC-IETF-MTA-MIB) in its file, without a report (violates 6.4.2.1: PKT-PROV1.5 device-level data)",
        ["EUE-PROV-6.4.2.1-01"], new SkipsMtaMib(), "EUE-PROV-6.4.2-02");

    sealed class SkipsTlv(byte type) : ConfigFileRules
    {
        public override bool AppliesVarBind(byte tlvType, VarBind varBind) => tlvType != type;
    }

    sealed class SkipsMtaMib : ConfigFileRules
    {
        static readonly ObjectIdentifier Mta = ObjectIdentifier.Parse("1.3.6.1.2.1.140");
        public override bool AppliesVarBind(byte tlvType, VarBind varBind) => !varBind.Name.StartsWith(Mta);
    }

    sealed class FailsOnVendorData : ConfigFileRules
    {
        public override ProvisioningStatus? VendorSpecific(VendorSpecific vendor) => ProvisioningStatus.FailConfigFileError;
    }

    sealed class Lenient(params ConfigFileProblemKind[] kinds) : ConfigFileRules
    {
        public override ProvisioningStatus ProblemSeverity(ConfigFileProblem problem) =>
            kinds.Contains(problem.Kind) ? ProvisioningStatus.Pass : base.ProblemSeverity(problem);
    }

    sealed class ListsNothing : ConfigFileRules
    {
        public override bool ListsInErrorTable(ConfigFileError error) => false;
    }

    sealed class EverythingPasses : ConfigFileRules
    {
        public override ProvisioningStatus UnknownItem => ProvisioningStatus.Pass;
        public override ProvisioningStatus BadValue => ProvisioningStatus.Pass;
        public override ProvisioningStatus RowWithoutRowStatus => ProvisioningStatus.Pass;
    }

    sealed class CreatesRowsWithoutRowStatus : ConfigFileRules
    {
        public override bool CreatesRowWithoutRowStatus => true;
    }

    sealed class CreateAndGoInactive : ConfigFileRules
    {
        public override int RowStatusAfterCreate(int requested) => 2;
    }

    sealed class NoCreateAndWait : ConfigFileRules
    {
        public override bool AcceptsCreateAndWait(bool icsCreateAndWait) => false;
    }
}
