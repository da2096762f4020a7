using EUeConformance.Device.Eue.Bootstrapping;
using EUeConformance.Protocols.Tls;

namespace EUeConformance.Device.Mutants;

/// <summary>Mutants of Certificate Bootstrapping (EUE-PROV 6.6.5): each breaks one rule of the trigger, the TLS session, the profile or the credentials.</summary>
public static class CertificateBootstrappingMutants
{
    const string Figure4 = "EUE-PROV-6.6.5-02";

    /// <summary>Starts as soon as pktcEUECBData holds a URI, without pktcEUECBEnable.</summary>
    public static readonly Mutant Unprompted = new("cb-unprompted",
        "starts Certificate Bootstrapping once provisioned whenever pktcEUECBData holds a URI, though nothing enabled it (violates 6.6.5 ¶8 bullet 1)",
        ["EUE-PROV-6.6.5-03"],
        o => Use(o, new UnpromptedPolicy()));

    /// <summary>Acts on the configuration file's pktcEUECBEnable the moment the file sets it, before the file is accepted and reported.</summary>
    public static readonly Mutant BeforeFileAccepted = new("cb-before-file-accepted",
        "starts Certificate Bootstrapping while it processes the configuration file, before it has accepted it and reported pass (violates 6.6.5 ¶8 bullet 1)",
        ["EUE-PROV-6.6.5-04"],
        o => Use(o, new EarlyPolicy()));

    /// <summary>Ignores a SET of pktcEUECBEnable over SNMP: only its configuration file starts bootstrapping.</summary>
    public static readonly Mutant IgnoresSnmpTrigger = new("cb-ignores-snmp-trigger",
        "ignores pktcEUECBEnable set to true over SNMP after provisioning (violates 6.6.5 ¶11)",
        ["EUE-PROV-6.6.5-07"],
        o => Use(o, new NoManagementTriggerPolicy()))
    {
        // The SNMP-triggered check of the credentials never gets a session to look at.
        BlastRadius = ["EUE-PROV-6.6.5-14"],
    };

    /// <summary>Offers only TLS_RSA_WITH_AES_128_CBC_SHA: 3DES is missing.</summary>
    public static readonly Mutant No3Des = new("cb-no-3des",
        "offers TLS_RSA_WITH_AES_128_CBC_SHA alone, without TLS_RSA_WITH_3DES_EDE_CBC_SHA (violates 6.6.5 ¶12)",
        ["EUE-PROV-6.6.5-08a"],
        o => Use(o, new SuitesPolicy([CipherSuites.TlsRsaWithAes128CbcSha])));

    /// <summary>Also offers TLS_RSA_WITH_NULL_SHA and TLS_RSA_WITH_NULL_MD5, and goes on when the server picks one.</summary>
    public static readonly Mutant OffersNullEncryption = new("cb-offers-null-encryption",
        "offers (and accepts) TLS_RSA_WITH_NULL_SHA and TLS_RSA_WITH_NULL_MD5 after the two mandatory suites (violates 6.6.5 ¶13)",
        ["EUE-PROV-6.6.5-09a"],
        o => Use(o, new SuitesPolicy([CipherSuites.TlsRsaWithAes128CbcSha, CipherSuites.TlsRsaWith3DesEdeCbcSha, CipherSuites.TlsRsaWithNullSha, CipherSuites.TlsRsaWithNullMd5])));

    /// <summary>Also offers TLS_NULL_WITH_NULL_NULL (no MAC).</summary>
    public static readonly Mutant OffersNullMac = new("cb-offers-null-mac",
        "offers TLS_NULL_WITH_NULL_NULL, a suite without integrity protection (and without encryption), after the two mandatory suites (violates 6.6.5 ¶14 and ¶13)",
        ["EUE-PROV-6.6.5-10a", "EUE-PROV-6.6.5-09a"],
        o => Use(o, new SuitesPolicy([CipherSuites.TlsRsaWithAes128CbcSha, CipherSuites.TlsRsaWith3DesEdeCbcSha, CipherSuites.TlsNullWithNullNull])));

    /// <summary>Takes any server certificate.</summary>
    public static readonly Mutant SkipsServerValidation = new("cb-skips-server-validation",
        "does not validate the Certificate Bootstrapping Server's certificate: untrusted, expired or forged ones are taken (violates 6.6.5 ¶15)",
        ["EUE-PROV-6.6.5-11"],
        o => Use(o, new NoValidationPolicy()));

    /// <summary>Completes the TLS handshake and closes it without asking for the profile.</summary>
    public static readonly Mutant NoProfileFetch = new("cb-no-profile-fetch",
        "completes the TLS handshake with the Certificate Bootstrapping Server, then closes the session without the HTTP GET of its profile (violates 6.6.5 ¶17 and Figure 4)",
        ["EUE-PROV-6.6.5-13", Figure4],
        o => Use(o, new NoFetchPolicy()))
    {
        // Without the profile there are no credentials to use.
        BlastRadius = ["EUE-PROV-6.6.5-14"],
    };

    /// <summary>Fetches the profile and keeps the configuration file's users.</summary>
    public static readonly Mutant IgnoresCredentials = new("cb-ignores-credentials",
        "fetches its device profile but keeps the configuration file's credentials in pktcEUEUsrIMPITable (violates 6.6.5 ¶17 and Figure 4)",
        ["EUE-PROV-6.6.5-14", Figure4],
        o => Use(o, new KeepsCredentialsPolicy()));

    /// <summary>Registers with the IMPI it already has (the file's) before it starts bootstrapping.</summary>
    public static readonly Mutant RegistersFirst = new("cb-registers-first",
        "sends a SIP REGISTER with the IMPI of its configuration file to the P-CSCF before it starts the Certificate Bootstrapping the file enabled (violates 6.6.5 ¶8 bullet 1)",
        ["EUE-PROV-6.6.5-05"],
        o => Use(o, new RegistersFirstPolicy()));

    static Options.ReferenceDeviceOptions Use(Options.ReferenceDeviceOptions o, CertificateBootstrappingPolicy policy) =>
        o with { Behaviour = o.Behaviour with { CertificateBootstrapping = policy } };

    sealed class UnpromptedPolicy : CertificateBootstrappingPolicy { public override bool StartsWithoutTrigger => true; }
    sealed class EarlyPolicy : CertificateBootstrappingPolicy { public override bool WaitsForFileAcceptance => false; }
    sealed class NoManagementTriggerPolicy : CertificateBootstrappingPolicy { public override bool HonoursManagementTrigger => false; }
    sealed class NoValidationPolicy : CertificateBootstrappingPolicy { public override bool ValidatesServerCertificate => false; }
    sealed class NoFetchPolicy : CertificateBootstrappingPolicy { public override bool FetchesProfile => false; }
    sealed class KeepsCredentialsPolicy : CertificateBootstrappingPolicy { public override bool AppliesCredentials => false; }

    /// <summary>One REGISTER (RFC 3261 §10.2) to the P-CSCF of pktcEUEDevPCSCFTable row 1, with the IMPI of pktcEUEUsrIMPITable row 1; no answer awaited.</summary>
    sealed class RegistersFirstPolicy : CertificateBootstrappingPolicy
    {
        public override Task BeforeSessionAsync(Network.Fabric.INetworkHost host, Eue.Mib.EueMib mib, Eue.EueIpConfiguration configuration)
        {
            if (mib.Get(Protocols.Snmp.Mibs.MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(1)) is not { Type: Protocols.Snmp.SnmpType.OctetString } pcscf
                || pcscf.Bytes.Length is not (4 or 16)) return Task.CompletedTask;
            var impi = mib.Get(Protocols.Snmp.Mibs.MibNames.EueUser.PktcEUEUsrIMPIId.InstanceId(1)) is { Type: Protocols.Snmp.SnmpType.OctetString } v ? v.ToText() : "unknown@example.net";
            var me = configuration.Address;
            var register = new Protocols.Sip.SipRequest("REGISTER", "sip:example.net",
            [
                ("Via", $"SIP/2.0/UDP {me}:{Protocols.Sip.SipRequest.Port};branch=z9hG4bK-cb-1"),
                ("Max-Forwards", "70"),
                ("From", $"<sip:{impi}>;tag=cb1"),
                ("To", $"<sip:{impi}>"),
                ("Call-ID", $"cb-1@{me}"),
                ("CSeq", "1 REGISTER"),
                ("Contact", $"<sip:{impi}@{me}>"),
                ("Authorization", $"Digest username=\"{impi}\", realm=\"example.net\", nonce=\"\", uri=\"sip:example.net\", response=\"\""),
                ("Expires", "3600"),
                ("Content-Length", "0"),
            ], ReadOnlyMemory<byte>.Empty);
            using var socket = host.OpenUdp(new System.Net.IPEndPoint(me, Protocols.Sip.SipRequest.Port));
            socket.Send(register.Encode(), new System.Net.IPEndPoint(new System.Net.IPAddress(pcscf.Bytes), Protocols.Sip.SipRequest.Port));
            return Task.CompletedTask;
        }
    }

    sealed class SuitesPolicy(IReadOnlyList<int> suites) : CertificateBootstrappingPolicy
    {
        public override IReadOnlyList<int> CipherSuites => suites;
    }
}
