using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Protocols.Snmp.Engine;

/// <summary>The counters an SNMP engine keeps (SNMPv2-MIB snmp group, SNMP-MPD-MIB, SNMP-USER-BASED-SM-MIB usmStats).</summary>
public enum SnmpCounter
{
    SnmpInPkts, SnmpInBadVersions, SnmpInBadCommunityNames, SnmpInBadCommunityUses, SnmpInASNParseErrs, SnmpSilentDrops, SnmpProxyDrops,
    SnmpUnknownSecurityModels, SnmpInvalidMsgs, SnmpUnknownPDUHandlers,
    UsmStatsUnsupportedSecLevels, UsmStatsNotInTimeWindows, UsmStatsUnknownUserNames, UsmStatsUnknownEngineIDs, UsmStatsWrongDigests, UsmStatsDecryptionErrors,
}

/// <summary>Thread-safe Counter32 values (RFC 2578 §7.1.6: they wrap at 2^32), and the MIB object each one is.</summary>
public sealed class SnmpCounters
{
    readonly long[] _values = new long[Enum.GetValues<SnmpCounter>().Length];

    public uint this[SnmpCounter counter] => unchecked((uint)Interlocked.Read(ref _values[(int)counter]));

    /// <summary>Adds one; returns the new value (the value a Report carries, RFC 3412 §7.1 step 3).</summary>
    public uint Increment(SnmpCounter counter) => unchecked((uint)Interlocked.Increment(ref _values[(int)counter]));

    public static SnmpCounter For(UsmStatus status) => status switch
    {
        UsmStatus.UnsupportedSecurityLevel => SnmpCounter.UsmStatsUnsupportedSecLevels,
        UsmStatus.NotInTimeWindow => SnmpCounter.UsmStatsNotInTimeWindows,
        UsmStatus.UnknownUserName => SnmpCounter.UsmStatsUnknownUserNames,
        UsmStatus.UnknownEngineId => SnmpCounter.UsmStatsUnknownEngineIDs,
        UsmStatus.WrongDigest => SnmpCounter.UsmStatsWrongDigests,
        UsmStatus.DecryptionError => SnmpCounter.UsmStatsDecryptionErrors,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Ok counts nothing"),
    };

    /// <summary>The MIB object of each counter (its instance is .0).</summary>
    public static MibObject ObjectOf(SnmpCounter counter) => counter switch
    {
        SnmpCounter.SnmpInPkts => MibNames.Snmpv2.SnmpInPkts,
        SnmpCounter.SnmpInBadVersions => MibNames.Snmpv2.SnmpInBadVersions,
        SnmpCounter.SnmpInBadCommunityNames => MibNames.Snmpv2.SnmpInBadCommunityNames,
        SnmpCounter.SnmpInBadCommunityUses => MibNames.Snmpv2.SnmpInBadCommunityUses,
        SnmpCounter.SnmpInASNParseErrs => MibNames.Snmpv2.SnmpInASNParseErrs,
        SnmpCounter.SnmpSilentDrops => MibNames.Snmpv2.SnmpSilentDrops,
        SnmpCounter.SnmpProxyDrops => MibNames.Snmpv2.SnmpProxyDrops,
        SnmpCounter.SnmpUnknownSecurityModels => MibNames.SnmpMpd.SnmpUnknownSecurityModels,
        SnmpCounter.SnmpInvalidMsgs => MibNames.SnmpMpd.SnmpInvalidMsgs,
        SnmpCounter.SnmpUnknownPDUHandlers => MibNames.SnmpMpd.SnmpUnknownPDUHandlers,
        SnmpCounter.UsmStatsUnsupportedSecLevels => MibNames.Usm.UsmStatsUnsupportedSecLevels,
        SnmpCounter.UsmStatsNotInTimeWindows => MibNames.Usm.UsmStatsNotInTimeWindows,
        SnmpCounter.UsmStatsUnknownUserNames => MibNames.Usm.UsmStatsUnknownUserNames,
        SnmpCounter.UsmStatsUnknownEngineIDs => MibNames.Usm.UsmStatsUnknownEngineIDs,
        SnmpCounter.UsmStatsWrongDigests => MibNames.Usm.UsmStatsWrongDigests,
        _ => MibNames.Usm.UsmStatsDecryptionErrors,
    };
}
