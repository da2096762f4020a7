using System.Security.Cryptography;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>The outcome of checking the hash a Basic-flow file carries in itself.</summary>
/// <param name="Present">The file has a TLV 11 for pktcMtaDevProvConfigHash.0.</param>
/// <param name="Carried">The hash the file carries, when present and an OCTET STRING.</param>
/// <param name="Computed">SHA-1 over the file without that TLV.</param>
/// <param name="HashTlvOffset">Where the hash TLV starts in the file.</param>
public sealed record BasicFlowHashCheck(bool Present, byte[]? Carried, byte[] Computed, int? HashTlvOffset)
{
    public bool Matches => Carried is not null && Carried.AsSpan().SequenceEqual(Computed);
}

/// <summary>
/// The configuration file hash. Settled from public sources:
/// <list type="bullet">
/// <item>SHA-1, 20 bytes: PKT-PROV1.5 §9.1 and step H-MTA-19 ("calculate SHA-1 hash on the contents
/// of the configuration file"); RFC 4682 pktcMtaDevProvConfigHash is OCTET STRING (SIZE(20)),
/// "Secure Hashing Algorithm 1 (SHA-1)". (The older CableLabs PKTC-MTA-MIB also allowed MD5, 16 bytes.)</item>
/// <item>Secure/Hybrid flows: the hash goes in the SNMP SET (pktcMtaDevProvConfigHash) and covers the
/// file as downloaded; if the file is encrypted "the hash is taken over the encrypted file"
/// (PKT-SEC1.5 §7.1.1.2.2 step 2).</item>
/// <item>Basic flow: the server hashes the whole file "including start and end markers", then inserts a
/// TLV 11 with pktcMtaDevProvConfigHash before the end marker without reordering; the device hashes the
/// file "without TLV-11 triplet containing the pktcMtaDevProvConfigHash" (PKT-PROV1.5 §9.1 steps 1-3).
/// rlaager/docsis add_mta_hash does the same with 1.3.6.1.4.1.4491.2.2.1.1.2.7.0.</item>
/// </list>
/// (Source text: PKT-SP-PROV1.5-C01-191120 and PKT-SP-SEC1.5-I03-090624 as extracted in the public
/// repository awksedgreep/bindocsis, specs/packetcable_specs/.)
/// </summary>
public static class ConfigFileHash
{
    /// <summary>CableLabs PKTC-MTA-MIB pktcMtaDevProvConfigHash.0 (the OID rlaager/docsis inserts).</summary>
    public static readonly string ClabProvConfigHashInstance = MibNames.ClabMta.PktcMtaDevProvConfigHash.Instance(0);
    /// <summary>RFC 4682 PKTC-IETF-MTA-MIB pktcMtaDevProvConfigHash.0.</summary>
    public static readonly string IetfProvConfigHashInstance = MibNames.IetfMta.PktcMtaDevProvConfigHash.Instance(0);

    public const int Length = 20;

    /// <summary>SHA-1 of the bytes as downloaded (the value of pktcMtaDevProvConfigHash in the Secure and Hybrid flows).</summary>
    public static byte[] Compute(ReadOnlySpan<byte> downloadedFile) => SHA1.HashData(downloadedFile);

    public static byte[] Compute(EueConfigFile file) => Compute(file.Encode());

    /// <summary>
    /// Basic flow (PKT-PROV1.5 §9.1 steps 1-2): hash the whole file, then insert the hash as a TLV 11
    /// just before the End of File TLV. The file must end with the End of File TLV.
    /// </summary>
    public static EueConfigFile AddBasicFlowHash(EueConfigFile file, string? hashInstanceOid = null)
    {
        if (file.Tlvs.Count == 0 || !file.Tlvs[^1].IsEndOfFile || !file.Trailer.IsEmpty)
            throw new InvalidOperationException("the Basic-flow hash goes before the End of File TLV, which must be last");
        byte[] hash = Compute(file);
        var tlv = ConfigTlv.ForVarBind(new VarBind(hashInstanceOid ?? ClabProvConfigHashInstance, SnmpValue.OctetString(hash)));
        return file.Insert(file.Tlvs.Count - 1, tlv);
    }

    /// <summary>
    /// Basic flow, device side (PKT-PROV1.5 §9.1 step 3): find the TLV 11 carrying
    /// pktcMtaDevProvConfigHash.0 (CableLabs or IETF OID), hash the file without it, compare.
    /// </summary>
    public static BasicFlowHashCheck VerifyBasicFlowHash(EueConfigFile file)
    {
        for (int i = 0; i < file.Tlvs.Count; i++)
        {
            var t = file.Tlvs[i];
            if (t.Type != ConfigTlvType.SnmpMibObject || !t.TryGetVarBind(out var vb)) continue;
            if (vb!.Oid != ClabProvConfigHashInstance && vb.Oid != IetfProvConfigHashInstance) continue;
            byte[] computed = Compute(file.RemoveAt(i));
            byte[]? carried = vb.Value.Type == SnmpType.OctetString ? vb.Value.Bytes.ToArray() : null;
            return new BasicFlowHashCheck(true, carried, computed, t.Offset < 0 ? null : t.Offset);
        }
        return new BasicFlowHashCheck(false, null, Compute(file), null);
    }
}
