namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// What RFC 3414 §3.2 (processIncomingMsg) decided. When <see cref="Status"/> is not Ok,
/// <see cref="Counter"/> names the usmStats counter to increment and to put in a Report (if the
/// message was reportable), and <see cref="Counter"/>.ReportSecurityLevel the level of that Report.
/// </summary>
/// <param name="User">The usmUserTable row the message named, when one was found.</param>
/// <param name="ScopedPdu">The ScopedPDU's encoding: msgData as received, or decrypted (for DES with its padding after it); null on error.</param>
/// <param name="EngineTime">For a non-authoritative receiver of an authentic message: the notion of the remote engine after step 7b's update, to store.</param>
public sealed record UsmIncomingResult(UsmStatus Status, UsmUser? User, byte[]? ScopedPdu, UsmEngineTimeNotion? EngineTime)
{
    public bool IsOk => Status == UsmStatus.Ok;
    public UsmStatsCounter? Counter => UsmStatsCounters.For(Status);
}

/// <summary>
/// RFC 3414 §3.2, processing an incoming message, as one pure function over a decoded
/// <see cref="UsmSecurityParameters"/>: the message codec has parsed the message (step 1: a
/// securityParameters that does not parse is its ParseError, counted in snmpInASNParseErrs, with no
/// Report) and passes the whole message, where the authentication parameters sit, and msgData.
/// </summary>
public static class UsmIncoming
{
    /// <param name="securityLevel">The level msgFlags asks for (see <see cref="UsmSecurityLevels.FromMsgFlags"/>).</param>
    /// <param name="parameters">The decoded msgSecurityParameters.</param>
    /// <param name="wholeMessage">The whole message as received (not modified).</param>
    /// <param name="authenticationParametersOffset">Where msgAuthenticationParameters' content starts in <paramref name="wholeMessage"/>.</param>
    /// <param name="msgData">The plaintext ScopedPDU's encoding, or for authPriv the content of the encryptedPDU OCTET STRING.</param>
    /// <param name="localEngine">This engine's ID, boots and time now.</param>
    /// <param name="users">The usmUserTable.</param>
    /// <param name="remoteEngineTime">
    /// When msgAuthoritativeEngineID is another engine's: the current notion of that engine's time
    /// (<see cref="UsmEngineTimeNotion.Unknown"/> to learn it from this message, as §3.2 step 3 allows
    /// a non-authoritative engine), or null if the engine is unknown, which makes it unknownEngineID.
    /// </param>
    public static UsmIncomingResult Process(UsmSecurityLevel securityLevel, UsmSecurityParameters parameters,
        ReadOnlySpan<byte> wholeMessage, int authenticationParametersOffset, ReadOnlySpan<byte> msgData,
        UsmLocalEngine localEngine, UsmUserTable users, UsmEngineTimeNotion? remoteEngineTime = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(localEngine);
        ArgumentNullException.ThrowIfNull(users);

        // Step 3: an authoritative engine knows only its own snmpEngineID; the empty ID of discovery
        // (§4) is always unknown.
        bool authoritative = localEngine.Is(parameters.AuthoritativeEngineId);
        if (!authoritative && (parameters.AuthoritativeEngineId.Length == 0 || remoteEngineTime is null))
            return Fail(UsmStatus.UnknownEngineId);

        // Step 4: the user, for this authoritative engine.
        var user = users.Find(parameters.AuthoritativeEngineId, parameters.UserName);
        if (user is null) return Fail(UsmStatus.UnknownUserName);

        // Step 5: the level asked for must be one the user supports.
        if (!user.Supports(securityLevel)) return Fail(UsmStatus.UnsupportedSecurityLevel, user);

        UsmEngineTimeNotion? notion = null;
        if (securityLevel.Authenticates())
        {
            // Step 6; RFC 3414 §6.3.2 / §7.3.2 step 1: a digest that is not 12 octets is an authentication failure.
            if (parameters.AuthenticationParameters.Length != user.AuthProtocol.MacLength
                || !user.Verify(wholeMessage, authenticationParametersOffset)
                || !wholeMessage.Slice(authenticationParametersOffset, user.AuthProtocol.MacLength).SequenceEqual(parameters.AuthenticationParameters))
                return Fail(UsmStatus.WrongDigest, user);

            // Step 7: timeliness, for authentic messages only.
            if (authoritative)
            {
                if (!UsmTimeliness.IsInTimeWindow(localEngine.Boots, localEngine.Time, parameters.AuthoritativeEngineBoots, parameters.AuthoritativeEngineTime))
                    return Fail(UsmStatus.NotInTimeWindow, user);
            }
            else
            {
                var check = UsmTimeliness.CheckNonAuthoritative(remoteEngineTime!.Value, parameters.AuthoritativeEngineBoots, parameters.AuthoritativeEngineTime);
                notion = check.Notion;
                if (!check.InTimeWindow) return new UsmIncomingResult(UsmStatus.NotInTimeWindow, user, null, notion);
            }
        }

        // Step 8: privacy.
        byte[] scopedPdu;
        if (securityLevel.Encrypts())
        {
            if (!user.TryDecrypt(parameters.AuthoritativeEngineBoots, parameters.AuthoritativeEngineTime, parameters.PrivacyParameters, msgData, out scopedPdu))
                return new UsmIncomingResult(UsmStatus.DecryptionError, user, null, notion);
        }
        else scopedPdu = msgData.ToArray();

        return new UsmIncomingResult(UsmStatus.Ok, user, scopedPdu, notion);
    }

    static UsmIncomingResult Fail(UsmStatus status, UsmUser? user = null) => new(status, user, null, null);
}
