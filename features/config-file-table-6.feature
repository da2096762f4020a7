@pkt-eue-5
Feature: The TLV types of the eUE configuration file (6.4.2, Table 6)
  The eUE configuration file is a sequence of TLVs between the eUE Start of File marker (254 = 0x01) and the
  eUE End of File marker (254 = 0xFF). Table 6 gives its TLV types: MIB settings as SNMP VarBinds in TLV 11
  (one length octet) or TLV 64 (two length octets, for VarBinds too long for TLV 11), vendor-specific data in
  TLV 43, and notification receivers in TLV 38 (section 6.5, see eue-management-tlv38.feature). Every row
  hands the rules to PKT-PROV1.5, which the suite does not have; these scenarios read them as follows, and
  judge the device only from what the operator can see: the provisioning state the eUE reports in its
  provisioning-status notification (eUE-25; the HYBRID.2 realm has it) and shows over SNMP, the values its
  agent reads back, and the error OIDs table.
  - A VarBind in TLV 11 or TLV 64 sets the named object to the given value; both TLVs are read alike.
  - TLV 43 data of a vendor other than the eUE's own is skipped without making the file fail.
  - A file that does not begin with the start marker, or does not end with the end marker (a missing marker, a
    TLV cut short by the end of the file, data after the end marker) is not accepted: the eUE reports
    failConfigFileError.
  The files are served in the Hybrid flow, where the hash the Provisioning Server sets (eUE-19) is the hash of
  the bytes as served: a defective file reaches the eUE's file processing, not its hash check.

  @EUE-PROV-T6-TLV11-01a @MUST
  Scenario: MIB settings in TLV 11 set the named objects
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                      | value                | TLV |
      | pktcEUEDevSipPort.0         | 5070                 | 11  |
      | pktcEUEUsrIMPUIdType.1      | publicIdentity       | 11  |
      | pktcEUEUsrIMPUId.1          | "sip:+15550001@example.net" | 11  |
      | pktcEUEUsrIMPURowStatus.1   | createAndGo          | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEDevSipPort.0 from the eUE's agent gives 5070
    And reading pktcEUEUsrIMPUId.1 from the eUE's agent gives "sip:+15550001@example.net"

  @EUE-PROV-T6-TLV64-01a @MUST
  Scenario: A MIB setting too long for TLV 11 arrives in TLV 64 and sets the object
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                      | value                    | TLV |
      | pktcEUEUsrIMPUIdType.1      | publicIdentity           | 11  |
      | pktcEUEUsrIMPUId.1          | a 300-character SIP URI  | 64  |
      | pktcEUEUsrIMPURowStatus.1   | createAndGo              | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEUsrIMPUId.1 from the eUE's agent gives a 300-character SIP URI

  # Table 6 only recommends TLV 11 where a VarBind fits; a short VarBind in TLV 64 is still a VarBind to apply.
  # Whether the eUE may warn about it (passWithWarnings) is PKT-PROV1.5's business: either pass is accepted.
  @EUE-PROV-T6-TLV64-01a @MUST
  Scenario: A short MIB setting in TLV 64 is applied like one in TLV 11
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                | value | TLV |
      | pktcEUEDevSipPort.0   | 5080  | 64  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass or passWithWarnings
    And reading pktcEUEDevSipPort.0 from the eUE's agent gives 5080

  @EUE-PROV-T6-TLV43-01a @MUST
  Scenario: Vendor-specific data of another vendor does not make the file fail
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries vendor-specific data (TLV 43) of another vendor
    And the eUE's configuration file carries these MIB settings:
      | object                | value | TLV |
      | pktcEUEDevSipPort.0   | 5090  | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEDevSipPort.0 from the eUE's agent gives 5090

  @EUE-PROV-T6-TLV254-start-01a @EUE-PROV-T6-TLV254-end-01a @MUST
  Scenario: A file between the eUE Start and End of File markers is accepted
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass

  Scenario Outline: A configuration file that <defect> is not accepted
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the configuration file served to the eUE <defect>
    When the E-UE is powered on
    Then the eUE's configuration file outcome is failConfigFileError

    @EUE-PROV-T6-TLV254-start-01a @MUST
    Examples: the start marker
      | defect                                              |
      | has no eUE Start of File marker                     |
      | has its eUE Start of File marker after another TLV  |

    @EUE-PROV-T6-TLV254-end-01a @MUST
    Examples: the end marker
      | defect                                              |
      | has no eUE End of File marker                       |
      | ends in the middle of a TLV                         |
      | carries a TLV after its eUE End of File marker      |
