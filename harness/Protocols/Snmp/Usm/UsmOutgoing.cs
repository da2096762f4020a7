namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// What the message codec puts into an outgoing message: the msgSecurityParameters (with 12 zero
/// octets in msgAuthenticationParameters when authenticated) and msgData (the ScopedPDU's encoding,
/// or for authPriv the encryptedPDU to wrap in an OCTET STRING).
/// </summary>
public sealed record UsmOutgoingParts(UsmSecurityParameters Parameters, byte[] MsgData, bool Encrypted);

/// <summary>
/// RFC 3414 §3.1 (generateRequestMsg / generateResponseMsg) in two pure halves around the message
/// codec: <see cref="Prepare"/> encrypts and fills the security parameters, the codec encodes the
/// whole message, then <see cref="Authenticate"/> writes the MAC into it.
/// </summary>
public static class UsmOutgoing
{
    /// <param name="authoritativeEngineId">The authoritative engine: this engine for a Response, Report or Trap, the agent for a Get/Set, the receiver for an Inform.</param>
    /// <param name="engineBoots">That engine's snmpEngineBoots (the local value, or the notion of the remote one; 0 when unknown).</param>
    /// <param name="engineTime">That engine's snmpEngineTime likewise.</param>
    public static UsmOutgoingParts Prepare(UsmSecurityLevel securityLevel, UsmUser user, ReadOnlySpan<byte> authoritativeEngineId,
        int engineBoots, int engineTime, ReadOnlySpan<byte> scopedPdu, IUsmSaltSource saltSource)
    {
        ArgumentNullException.ThrowIfNull(user);
        // §3.1 step 1/2: the user must support the level; its keys must be localized for this engine.
        if (!user.Supports(securityLevel)) throw new ArgumentException($"{user} does not support {securityLevel} (RFC 3414 §3.1: unsupportedSecurityLevel)", nameof(securityLevel));
        if (securityLevel.Authenticates() && !authoritativeEngineId.SequenceEqual(user.EngineId))
            throw new ArgumentException($"{user}'s keys are localized for another engine than {Convert.ToHexString(authoritativeEngineId)}", nameof(authoritativeEngineId));

        byte[] privacyParameters = [];
        byte[] msgData;
        if (securityLevel.Encrypts())
        {
            // §3.1 step 4a: encrypt the scopedPDU; the salt goes to msgPrivacyParameters.
            var encrypted = user.Encrypt(engineBoots, engineTime, scopedPdu, saltSource);
            privacyParameters = encrypted.PrivacyParameters;
            msgData = encrypted.EncryptedPdu;
        }
        else msgData = scopedPdu.ToArray();

        // §3.1 step 7: msgAuthenticationParameters is 12 zero octets until the MAC is computed; empty without authentication.
        byte[] authenticationParameters = securityLevel.Authenticates() ? new byte[user.AuthProtocol.MacLength] : [];
        var parameters = new UsmSecurityParameters(authoritativeEngineId.ToArray(), engineBoots, engineTime, user.UserName, authenticationParameters, privacyParameters);
        return new UsmOutgoingParts(parameters, msgData, securityLevel.Encrypts());
    }

    /// <summary>§3.1 step 7: computes the MAC over the encoded message and writes it at <paramref name="authenticationParametersOffset"/>.</summary>
    public static void Authenticate(UsmUser user, Span<byte> wholeMessage, int authenticationParametersOffset) =>
        user.Sign(wholeMessage, authenticationParametersOffset);
}
