namespace EUeConformance.Device.Ecm;

/// <summary>
/// The order of the eCM's steps after DHCP and what it hands the eUE (EUE-PROV 6.3.1, Tables 2 and 3 CM4-CM10,
/// 6.2.1.1, 6.3.2.3 ¶12). The reference device uses it as it is; a mutant overrides one rule.
/// </summary>
public class EcmFlowPolicy
{
    /// <summary>Table 2 CM4 / Table 3 CM4v6: the E-UE options of the ACK (REPLY) win over those of the OFFER (ADVERTISE).</summary>
    public virtual bool AckIsAuthoritative => true;

    /// <summary>Table 2 CM5/CM6, Table 3 CM5v6/CM6v6 (DOCSIS): the eCM downloads the configuration file its lease names.</summary>
    public virtual bool DownloadsConfigFile => true;

    /// <summary>DOCSIS: without its configuration file the eCM does not register (and so never starts the eUE).</summary>
    public virtual bool RegistersWithoutConfigFile => false;

    /// <summary>6.2.1.1 bullet 3: the eCM attempts the time of day (with its retries) before the eUE is started.</summary>
    public virtual bool TimeOfDayBeforeEue => true;

    /// <summary>6.3.2.3 ¶4 bullet 1, 6.2.1.1 bullet 3: after a ToD round without an answer the eCM registers and starts the eUE anyway.</summary>
    public virtual bool StartsEueWithoutTimeOfDay => true;

    /// <summary>6.3.2.3 ¶12 (Table 5 eUE-1): the eUE is started only once CM10 is complete, never at the eCM's lease.</summary>
    public virtual bool StartsEueAtLease => false;

    /// <summary>6.3.1 ¶2: a dual-stack eCM takes the E-UE options from the reply of its primary DHCP server only.</summary>
    public virtual bool EueOptionsFromPrimary => true;
}
