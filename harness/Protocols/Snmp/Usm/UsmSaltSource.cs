using System.Security.Cryptography;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// Where the privacy protocols take their per-message salt: the 32-bit local integer of CBC-DES
/// (RFC 3414 §8.1.1.1, the low 32 bits are used) or the 64-bit integer of CFB128-AES-128
/// (RFC 3826 §3.1.2.1). Injected, so that tests are deterministic.
/// </summary>
public interface IUsmSaltSource
{
    ulong NextSalt();
}

/// <summary>
/// A counter that starts at a given (or a random) value and increments for each message, as both
/// RFCs suggest ("initialized to an arbitrary value at boot time", RFC 3414 §8.1.1.1; RFC 3826 §3.1.2.1).
/// Thread-safe.
/// </summary>
public sealed class UsmSaltCounter(ulong start) : IUsmSaltSource
{
    long _next = unchecked((long)start);

    /// <summary>A counter starting at a random value.</summary>
    public UsmSaltCounter() : this(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))) { }

    public ulong NextSalt() => unchecked((ulong)(Interlocked.Increment(ref _next) - 1));
}
