namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// Messages net-snmp 5.9.3 (Debian 12) put on the wire while these tests were written: requests and
/// notifications from its tools (snmpget, snmpgetnext, snmpbulkget, snmpset, snmptrap, snmpinform)
/// captured on a UDP socket, and snmpd's answers to them (configured with sysDescr "EUeConformance
/// reference snmpd"). An encoder and a decoder that are not ours: the codec must read each to the
/// values below and write each back byte for byte.
/// </summary>
static class NetSnmpVectors
{
    static byte[] H(string hex) => Convert.FromHexString(hex);

    /// <summary>snmpget -v1 -c public … 1.3.6.1.2.1.1.1.0 (request-id 0x4e998bed).</summary>
    public static readonly byte[] V1Get = H("302902010004067075626c6963a01c02044e998bed020100020100300e300c06082b060102010101000500");
    /// <summary>snmpd's GetResponse to <see cref="V1Get"/>.</summary>
    public static readonly byte[] V1GetResponse = H("304702010004067075626c6963a23a02044e998bed020100020100302c302a06082b06010201010100041e455565436f6e666f726d616e6365207265666572656e636520736e6d7064");
    /// <summary>snmpgetnext -v2c -c public … 1.3.6.1.2.1.1.</summary>
    public static readonly byte[] V2cGetNext = H("302702010104067075626c6963a11a02040adb2072020100020100300c300a06062b06010201010500");
    public static readonly byte[] V2cGetNextResponse = H("304702010104067075626c6963a23a02040adb2072020100020100302c302a06082b06010201010100041e455565436f6e666f726d616e6365207265666572656e636520736e6d7064");
    /// <summary>snmpbulkget -v2c -c public -Cn1 -Cr5 … 1.3.6.1.2.1.1.1 1.3.6.1.2.1.2.</summary>
    public static readonly byte[] V2cGetBulk = H("303402010104067075626c6963a52702041ba7ffda0201010201053019300b06072b0601020101010500300a06062b06010201020500");
    /// <summary>snmpd's Response to <see cref="V2cGetBulk"/>: sysDescr.0, then ifNumber.0 and ifIndex.1..4 (long-form length 0x81).</summary>
    public static readonly byte[] V2cGetBulkResponse = H("30819b02010104067075626c6963a2818d02041ba7ffda020100020100307f302a06082b06010201010100041e455565436f6e666f726d616e6365207265666572656e636520736e6d7064300d06082b06010201020100020104300f060a2b060102010202010101020101300f060a2b060102010202010102020102300f060a2b060102010202010103020103300f060a2b060102010202010104020104");
    /// <summary>snmpset -v2c -c private … pktcMtaDevConfigFile.0 s "tftp://10.0.0.1/eue.cfg" pktcMtaDevProvisioningTimer.0 u 10 (RFC 4682 OIDs).</summary>
    public static readonly byte[] V2cSet = H("3056020101040770726976617465a348020471e1a9bf020100020100303a3026060b2b06010201810c010209000417746674703a2f2f31302e302e302e312f6575652e6366673010060b2b06010201810c01010a0042010a");
    /// <summary>snmptrap -v2c -c public … 12345 pktcMtaDevProvisioningEnrollment pktcMtaDevCorrelationId.0 u 4711.</summary>
    public static readonly byte[] V2cTrap = H("305702010104067075626c6963a74a0204649c2934020100020100303c300e06082b06010201010300430230393017060a2b06010603010104010006092b06010201810c00013011060b2b06010201810c0103030042021267");
    /// <summary>snmptrap -v1 -c public … 1.3.6.1.4.1.4491.2.2.1 10.0.0.2 6 1 12345 pktcMtaDevProvisioningState.0 i 1.</summary>
    public static readonly byte[] V1Trap = H("303d02010004067075626c6963a430060a2b06010401a30b02020140040a0000020201060201014302303930123010060b2b06010201810c01010800020101");
    /// <summary>snmpinform -v2c -c public … 500 pktcMtaDevProvisioningStatus pktcMtaDevProvisioningState.0 i 1.</summary>
    public static readonly byte[] V2cInform = H("305602010104067075626c6963a64902040f5453a0020100020100303b300e06082b06010201010300430201f43017060a2b06010603010104010006092b06010201810c00023010060b2b06010201810c01010800020101");
    /// <summary>snmpget -v3 -l authPriv's discovery probe (RFC 3414 §4): msgID 0x29a134ce, msgMaxSize 65507, flags reportable, empty USM fields, empty varbinds.</summary>
    public static readonly byte[] V3Probe = H("303e0201033011020429a134ce020300ffe30401040201030410300e0400020100020100040004000400301404000400a00e020461beb1470201000201003000");
    /// <summary>snmpd's Report to <see cref="V3Probe"/>: usmStatsUnknownEngineIDs.0 = 1, engine 80001f88807af4df246455026b00000000, boots 1, time 12.</summary>
    public static readonly byte[] V3ProbeReport = H("30710201033011020429a134ce020300ffe30401000201030421301f041180001f88807af4df246455026b0000000002010102010c0400040004003036041180001f88807af4df246455026b000000000400a81f020461beb1470201000201003011300f060a2b060106030f01010400410101");

    public static IEnumerable<byte[]> All =>
        [V1Get, V1GetResponse, V2cGetNext, V2cGetNextResponse, V2cGetBulk, V2cGetBulkResponse, V2cSet, V2cTrap, V1Trap, V2cInform, V3Probe, V3ProbeReport];
}
