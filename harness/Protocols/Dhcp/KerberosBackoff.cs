using System.Buffers.Binary;

namespace EUeConformance.Protocols.Dhcp;

/// <summary>
/// The Kerberos backoff and retry parameters of DHCPv4 option 122 sub-options 4 (AS-REQ/AS-REP) and 5
/// (AP-REQ/AP-REP) (RFC 3495 §5.3, §5.4), which DHCPv6 CL_OPTION_CCCV6 sub-options 4 and 5 carry alike
/// (protocol-facts.md 1.1 and 2.2): three uint32 in network order, the nominal timeout (milliseconds),
/// the maximum timeout (seconds) and the maximum retry count. They override
/// pktcMtaDev{Realm,Prov}UnsolicitedKey{NomTimeout,MaxTimeout,MaxRetries} (PKTC-MTA-MIB).
/// Each codec checks the sub-option's size by its own ParseError conventions before <see cref="FromBytes"/>.
/// </summary>
public readonly record struct KerberosBackoff(uint NominalTimeout, uint MaximumTimeout, uint MaximumRetryCount)
{
    /// <summary>RFC 3495 §5.3/5.4: the value is 12 octets.</summary>
    public const int Length = 12;

    /// <summary>The parameters from exactly <see cref="Length"/> octets.</summary>
    public static KerberosBackoff FromBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length != Length) throw new ArgumentException($"a Kerberos backoff is {Length} octets, not {value.Length}", nameof(value));
        return new(BinaryPrimitives.ReadUInt32BigEndian(value), BinaryPrimitives.ReadUInt32BigEndian(value[4..]), BinaryPrimitives.ReadUInt32BigEndian(value[8..]));
    }

    public byte[] Encode()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, NominalTimeout);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), MaximumTimeout);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), MaximumRetryCount);
        return bytes;
    }
}
