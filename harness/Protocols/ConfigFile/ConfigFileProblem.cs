namespace EUeConformance.Protocols.ConfigFile;

/// <summary>What is wrong with a configuration file, one value per check the parser makes.</summary>
public enum ConfigFileProblemKind
{
    /// <summary>The first TLV is not 254 = 0x01 (PKT-PROV1.5 §9.1: the file MUST start with it).</summary>
    MissingStartOfFile,
    /// <summary>A 254 = 0x01 anywhere but first.</summary>
    MisplacedStartOfFile,
    /// <summary>No 254 = 0xFF (PKT-PROV1.5 §9.1: the file MUST end with it).</summary>
    MissingEndOfFile,
    /// <summary>Bytes after the first 254 = 0xFF.</summary>
    DataAfterEndOfFile,
    /// <summary>A 254 whose length is not 1 or whose value is neither 0x01 nor 0xFF (EUE-PROV Table 6).</summary>
    InvalidDelimiter,
    /// <summary>A TLV whose header or value runs past the end of the file.</summary>
    TruncatedTlv,
    /// <summary>TLV 11/64 whose value is not one BER SEQUENCE { OBJECT IDENTIFIER, SMI value }.</summary>
    InvalidVarBind,
    /// <summary>TLV 11 of 255 bytes (PKT-PROV1.5 §9.1: TLV 64 MUST be used above 254).</summary>
    VarBindTooLongForTlv11,
    /// <summary>TLV 64 for a VarBind that fits TLV 11 (EUE-PROV Table 6 note: TLV 11 is recommended).</summary>
    Tlv64WhereTlv11Fits,
    /// <summary>A type other than 11, 38, 43, 64, 254: skipped with a 2-byte length (PKT-PROV1.5 §9.1).</summary>
    UnknownTlv,
    /// <summary>A sub-TLV whose header or value runs past the end of its parent.</summary>
    TruncatedSubTlv,
    /// <summary>A sub-TLV with a length its definition forbids (e.g. 38.8 other than 16, EUE-PROV 6.5).</summary>
    InvalidSubTlvLength,
    /// <summary>The same sub-TLV twice in one parent.</summary>
    DuplicateSubTlv,
    /// <summary>A sub-TLV of TLV 38 that PKT-PROV1.5 §11 does not define (ignored, 1-byte length).</summary>
    UnknownSubTlv,
    /// <summary>A sub-TLV the parent needs: 38.1/38.8 or 38.3 (PKT-PROV1.5 §11.1.1, §11.1.3).</summary>
    MissingSubTlv,
    /// <summary>A sub-TLV whose value is out of range (38.3 not 1..5, 38.5 above 255, 38.6 not a BER OID).</summary>
    InvalidSubTlvValue,
    /// <summary>TLV 43 without its 43.8 vendor ID.</summary>
    MissingVendorId,
    /// <summary>TLV 43 whose first sub-TLV is not 43.8.</summary>
    MisplacedVendorId,
}

public enum ConfigFileProblemSeverity
{
    /// <summary>The file is malformed: a strict parse throws.</summary>
    Error,
    /// <summary>The spec tells the device to ignore the item and report passWithWarnings; still worth evidence.</summary>
    Warning,
}

/// <summary>
/// One problem found in a configuration file: the absolute byte offset of the offending TLV,
/// sub-TLV or BER element, the top-level TLV type it belongs to (-1 when none was read), what is
/// wrong, and the Wireshark-style field name.
/// </summary>
public sealed record ConfigFileProblem(
    int Offset,
    int TlvType,
    string Problem,
    ConfigFileProblemKind Kind,
    ConfigFileProblemSeverity Severity,
    string Field,
    int? SubType = null)
{
    public override string ToString() =>
        $"{Severity} at {Offset} (TLV {TlvType}{(SubType is { } s ? "." + s : "")}, {Field}): {Kind}: {Problem}";
}
