using EUeConformance.Protocols.ConfigFile;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>
/// The TLV 64 test vector of rlaager/docsis (tests/PacketCable_TLV64.conf → PacketCable_TLV64.cm): an
/// MTA file with one 506-byte dial plan string at enterprises.4115.11.1.2.1, which docsis encodes as
/// TLV 64. Only the source values and facts about the output are kept here: its length (536 bytes),
/// its first 27 bytes (also quoted in shared/reference/protocol-facts.md §6) and its SHA-256.
/// </summary>
static class DocsisToolTlv64
{
    const string Half = "000|106|101|[*#]xx#|*#xx#|*xx.#|*xx.*x.#|##|183[12]|11xx|12xxx.[t#]|130xxxxxxx|13[1-35-9]xxx|134[0-46-9]xx|1345xxxx|1[89]0[012]xxxxxx|180[2-9]xxx|[45689]xxxxxxx|0198xxxxxx|02[4689]xxxxxxx|03[45689]xxxxxxx|04xxxxxxxx|07[3459]xxxxxxx|08xxxxxxxx|0011x.[t#]";
    public const string DialPlan = Half + Half;
    public const string Oid = "1.3.6.1.4.1.4115.11.1.2.1";
    public const int Length = 536;
    public const string Head = "FE0101" + "40020F" + "3082020B" + "060B2B06010401A0130B010201" + "048201FA";
    public const string Sha256 = "58F5B375528103FF511C66EEFE7C98A063EA35D5FCAF59DA227280D4FC387BEA";

    public static EueConfigFile Build() => new ConfigFileBuilder()
        .StartOfFile()
        .SetMib(Oid, DialPlan)
        .EndOfFile()
        .Build();
}
