namespace EUeConformance.Protocols.Snmp.Mibs;

public static partial class MibNames
{
    /// <summary>
    /// UPS-MIB (RFC 1628), the objects CableLabs' battery backup MIB (CL-BB-MIB, module CLAB-UPS-MIB under
    /// clabCommonMibs.1 of CLAB-DEF-MIB) imports and requires of a device with battery backup (EUE-PROV 6.6.4).
    /// The OIDs and ranges are RFC 1628's; which of them CLAB-UPS-MIB makes mandatory is taken from its IMPORTS
    /// list as published (the CableLabs text itself is not among our sources: UNVERIFIED beyond that list).
    /// </summary>
    public static class Ups
    {
        public const string Module = "UPS-MIB";
        static MibObject O(string name, string oid, string syntax) => new(Module, name, oid, syntax, MibAccess.ReadOnly);

        public static readonly MibObject UpsIdentManufacturer = O("upsIdentManufacturer", "1.3.6.1.2.1.33.1.1.1", "DisplayString (SIZE (0..31))");
        public static readonly MibObject UpsIdentModel = O("upsIdentModel", "1.3.6.1.2.1.33.1.1.2", "DisplayString (SIZE (0..63))");
        public static readonly MibObject UpsIdentAgentSoftwareVersion = O("upsIdentAgentSoftwareVersion", "1.3.6.1.2.1.33.1.1.4", "DisplayString (SIZE (0..63))");
        public static readonly MibObject UpsIdentName = new(Module, "upsIdentName", "1.3.6.1.2.1.33.1.1.5", "DisplayString (SIZE (0..63))", MibAccess.ReadWrite);
        public static readonly MibObject UpsIdentAttachedDevices = new(Module, "upsIdentAttachedDevices", "1.3.6.1.2.1.33.1.1.6", "DisplayString (SIZE (0..63))", MibAccess.ReadWrite);
        /// <summary>unknown(1), batteryNormal(2), batteryLow(3), batteryDepleted(4).</summary>
        public static readonly MibObject UpsBatteryStatus = O("upsBatteryStatus", "1.3.6.1.2.1.33.1.2.1", "INTEGER { unknown(1), batteryNormal(2), batteryLow(3), batteryDepleted(4) }");
        /// <summary>Seconds since the switch to battery; zero when not on battery (RFC 1628 NonNegativeInteger).</summary>
        public static readonly MibObject UpsSecondsOnBattery = O("upsSecondsOnBattery", "1.3.6.1.2.1.33.1.2.2", "INTEGER (0..2147483647)");
        public static readonly MibObject UpsEstimatedMinutesRemaining = O("upsEstimatedMinutesRemaining", "1.3.6.1.2.1.33.1.2.3", "INTEGER (1..2147483647)");
        /// <summary>Percent, 0..100.</summary>
        public static readonly MibObject UpsEstimatedChargeRemaining = O("upsEstimatedChargeRemaining", "1.3.6.1.2.1.33.1.2.4", "INTEGER (0..100)");
        public static readonly MibObject UpsInputNumLines = O("upsInputNumLines", "1.3.6.1.2.1.33.1.3.2", "INTEGER (0..2147483647)");
        /// <summary>other(1), none(2), normal(3), bypass(4), battery(5), booster(6), reducer(7).</summary>
        public static readonly MibObject UpsOutputSource = O("upsOutputSource", "1.3.6.1.2.1.33.1.4.1",
            "INTEGER { other(1), none(2), normal(3), bypass(4), battery(5), booster(6), reducer(7) }");

        /// <summary>The scalars a CL-BB-MIB agent serves (instance .0), in OID order.</summary>
        public static IReadOnlyList<MibObject> Required { get; } =
        [
            UpsIdentManufacturer, UpsIdentModel, UpsIdentAgentSoftwareVersion, UpsIdentName, UpsIdentAttachedDevices,
            UpsBatteryStatus, UpsSecondsOnBattery, UpsEstimatedMinutesRemaining, UpsEstimatedChargeRemaining, UpsInputNumLines, UpsOutputSource,
        ];
    }
}
