namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// This SNMP engine's snmpEngineID, snmpEngineBoots and snmpEngineTime at the moment of processing
/// (RFC 3411 §5; the caller reads its clock, the USM functions do not).
/// </summary>
public sealed record UsmLocalEngine
{
    public UsmLocalEngine(byte[] engineId, int boots, int time)
    {
        if (engineId.Length is < UsmSecurityParameters.MinEngineIdLength or > UsmSecurityParameters.MaxEngineIdLength)
            throw new ArgumentException($"snmpEngineID is {UsmSecurityParameters.MinEngineIdLength}..{UsmSecurityParameters.MaxEngineIdLength} octets, not {engineId.Length}", nameof(engineId));
        ArgumentOutOfRangeException.ThrowIfNegative(boots);
        ArgumentOutOfRangeException.ThrowIfNegative(time);
        EngineId = engineId; Boots = boots; Time = time;
    }

    public byte[] EngineId { get; }
    public int Boots { get; }
    public int Time { get; }

    public bool Is(ReadOnlySpan<byte> engineId) => engineId.SequenceEqual(EngineId);

    public bool Equals(UsmLocalEngine? other) => other is not null && Boots == other.Boots && Time == other.Time && Is(other.EngineId);
    public override int GetHashCode() => HashCode.Combine(Boots, Time, Convert.ToHexString(EngineId));
}
