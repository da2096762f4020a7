using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>Options of a tolerant parse.</summary>
/// <param name="PaddingAfterEndAllowed">
/// The bytes after the End of File TLV are cipher padding, not data: true for a file that was just
/// decrypted (PKT-SEC1.5 §7.1.1.2.2 appends random padding up to the cipher's block size).
/// </param>
public sealed record ConfigFileParseOptions(bool PaddingAfterEndAllowed = false)
{
    public static ConfigFileParseOptions Default { get; } = new();
    public static ConfigFileParseOptions Decrypted { get; } = new(PaddingAfterEndAllowed: true);
}

/// <summary>
/// The device-side parser: walks every TLV, keeps what it can read, and reports every malformed TLV
/// with its offset instead of stopping at the first. Only a truncated TLV ends the walk, since where
/// the next TLV starts is then unknown; the rest is kept as the file's trailer.
/// </summary>
public static class ConfigFileParser
{
    public static ConfigFileParseResult Parse(ReadOnlySpan<byte> data, ConfigFileParseOptions? options = null)
    {
        options ??= ConfigFileParseOptions.Default;
        var tlvs = new List<ConfigTlv>();
        var problems = new List<ConfigFileProblem>();
        var reader = new WireReader(data, ConfigFileFields.Protocol);
        int? endAt = null;
        bool afterEndReported = false;
        ReadOnlySpan<byte> trailer = [];
        int stoppedAt = data.Length;

        while (reader.HasData)
        {
            int at = reader.Offset;
            if (endAt is not null)
            {
                if (options.PaddingAfterEndAllowed) { trailer = reader.ReadRest(); break; }
                if (!afterEndReported)
                {
                    problems.Add(new(at, ConfigTlvType.FileDelimiter, $"{data.Length - at} byte(s) after the eUE End of File TLV at {endAt} (PKT-PROV1.5 §9.1: it MUST be the last)", ConfigFileProblemKind.DataAfterEndOfFile, ConfigFileProblemSeverity.Error, ConfigFileFields.Delimiter));
                    afterEndReported = true;
                }
            }
            byte type = reader.Peek(ConfigFileFields.Type);
            int lengthSize = ConfigTlvType.LengthFieldSize(type);
            if (reader.Remaining < 1 + lengthSize)
            {
                problems.Add(new(at, type, $"TLV {type} is cut short: its {lengthSize}-byte length field needs {1 + lengthSize} byte(s), {reader.Remaining} left", ConfigFileProblemKind.TruncatedTlv, ConfigFileProblemSeverity.Error, ConfigFileFields.Length));
                trailer = reader.ReadRest(); stoppedAt = at;
                break;
            }
            reader.ReadByte(ConfigFileFields.Type);
            int length = lengthSize == 1 ? reader.ReadByte(ConfigFileFields.Length) : reader.ReadUInt16(ConfigFileFields.Length);
            if (length > reader.Remaining)
            {
                problems.Add(new(at, type, $"TLV {type} length {length} runs past the end of the file ({reader.Remaining} byte(s) left)", ConfigFileProblemKind.TruncatedTlv, ConfigFileProblemSeverity.Error, ConfigFileFields.Length));
                trailer = data[at..]; stoppedAt = at;
                reader.ReadRest();
                break;
            }
            var tlv = new ConfigTlv(type, reader.ReadBytes(length, ConfigFileFields.Length), lengthSize, at);
            Check(tlv, tlvs.Count, problems);
            if (tlv.IsEndOfFile) endAt ??= at;
            tlvs.Add(tlv);
        }

        if (tlvs.Count == 0 || !tlvs[0].IsStartOfFile)
            problems.Add(new(0, tlvs.Count == 0 ? ConfigTlvType.FileDelimiter : tlvs[0].Type, "the file does not start with the eUE Start of File TLV FE 01 01 (EUE-PROV Table 6; PKT-PROV1.5 §9.1)", ConfigFileProblemKind.MissingStartOfFile, ConfigFileProblemSeverity.Error, ConfigFileFields.Delimiter));
        if (endAt is null)
            problems.Add(new(stoppedAt, ConfigTlvType.FileDelimiter, "the file has no eUE End of File TLV FE 01 FF (EUE-PROV Table 6; PKT-PROV1.5 §9.1)", ConfigFileProblemKind.MissingEndOfFile, ConfigFileProblemSeverity.Error, ConfigFileFields.Delimiter));

        // Stable: the problems of one TLV keep their order, the file-level ones fall into place.
        var ordered = problems.Select((p, i) => (p, i)).OrderBy(x => x.p.Offset).ThenBy(x => x.i).Select(x => x.p).ToList();
        return new ConfigFileParseResult(new EueConfigFile(tlvs, trailer), ordered, endAt);
    }

    static void Check(ConfigTlv tlv, int index, List<ConfigFileProblem> problems)
    {
        int at = tlv.Offset;
        switch (tlv.Type)
        {
            case ConfigTlvType.FileDelimiter:
                if (tlv.Value.Length != 1)
                    problems.Add(new(at, tlv.Type, $"TLV 254 has length {tlv.Value.Length}, must be 1 (EUE-PROV Table 6)", ConfigFileProblemKind.InvalidDelimiter, ConfigFileProblemSeverity.Error, ConfigFileFields.Length));
                else if (tlv.Value[0] is not (ConfigTlvType.StartOfFileValue or ConfigTlvType.EndOfFileValue))
                    problems.Add(new(tlv.ValueOffset, tlv.Type, $"TLV 254 value 0x{tlv.Value[0]:X2} is neither Start of File 0x01 nor End of File 0xFF (EUE-PROV Table 6)", ConfigFileProblemKind.InvalidDelimiter, ConfigFileProblemSeverity.Error, ConfigFileFields.Delimiter));
                else if (tlv.IsStartOfFile && index != 0)
                    problems.Add(new(at, tlv.Type, "eUE Start of File TLV is not the first TLV (PKT-PROV1.5 §9.1)", ConfigFileProblemKind.MisplacedStartOfFile, ConfigFileProblemSeverity.Error, ConfigFileFields.Delimiter));
                break;
            case ConfigTlvType.SnmpMibObject or ConfigTlvType.SnmpMibObjectLong:
                if (tlv.DecodeVarBind(out var error) is null)
                    problems.Add(new(error!.Offset, tlv.Type, $"TLV {tlv.Type} does not carry a valid VarBind: {error.Problem}", ConfigFileProblemKind.InvalidVarBind, ConfigFileProblemSeverity.Error, error.Field));
                if (tlv.Type == ConfigTlvType.SnmpMibObject && tlv.Value.Length > ConfigTlv.MaxTlv11VarBind)
                    problems.Add(new(at, tlv.Type, $"TLV 11 carries {tlv.Value.Length} bytes; PKT-PROV1.5 §9.1 requires TLV 64 above {ConfigTlv.MaxTlv11VarBind}", ConfigFileProblemKind.VarBindTooLongForTlv11, ConfigFileProblemSeverity.Warning, ConfigFileFields.Length));
                if (tlv.Type == ConfigTlvType.SnmpMibObjectLong && tlv.Value.Length <= ConfigTlv.MaxTlv11VarBind)
                    problems.Add(new(at, tlv.Type, $"TLV 64 carries {tlv.Value.Length} bytes, which TLV 11 could (EUE-PROV Table 6 note: TLV 11 is recommended wherever possible)", ConfigFileProblemKind.Tlv64WhereTlv11Fits, ConfigFileProblemSeverity.Warning, ConfigFileFields.Type));
                break;
            case ConfigTlvType.NotificationReceiver:
                NotificationReceiver.Parse(tlv.Value, tlv.ValueOffset, at, problems);
                break;
            case ConfigTlvType.VendorSpecific:
                VendorSpecific.Parse(tlv.Value, tlv.ValueOffset, at, problems);
                break;
            default:
                problems.Add(new(at, tlv.Type, $"unrecognised TLV type {tlv.Type} skipped with a 2-byte length (PKT-PROV1.5 §9.1: ignored, passWithWarnings)", ConfigFileProblemKind.UnknownTlv, ConfigFileProblemSeverity.Warning, ConfigFileFields.Type));
                break;
        }
    }
}
