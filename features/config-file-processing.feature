@pkt-eue-5
Feature: How the eUE processes its configuration file (6.4.2 ¶4, 6.4.2.1)
  The eUE implements every TLV type of Table 6 and processes its file by PKT-PROV1.5's "MTA Configuration File"
  rules, except that rows of MIB tables are created as RFC 2579 says: createAndGo always, createAndWait only
  if the eUE supports it (an ICS item, create-and-wait; an eUE without it treats a createAndWait in its file
  as failConfigFileError and lists it in the error OIDs table), and a row the file tries to create without its
  RowStatus is not created, earns a status that signals the problem (passWithWarnings or failConfigFileError,
  never pass) and has each of its varbinds listed in the error OIDs table. Device-level data follows
  PKT-PROV1.5's "Device Level Configuration Data" with the eUE's own markers and MIBs (6.4.2.1).

  PKT-PROV1.5 is not available to the suite; its rules are read from the MTA MIBs it relies on (RFC 4682
  pktcMtaDevErrorOidsTable: a row for every rejected parameter, filled whenever the state is not pass(1); an
  unrecognised OID may leave the OID column empty and give the OID as the value). A setting the eUE cannot
  apply (an OID it does not know, a value of the wrong type, a read-only object) is reported, with
  passWithWarnings or failConfigFileError, and listed. Device-level data is written to RFC 4682's
  PKTC-IETF-MTA-MIB, the MTA MIB whose realm table matches 6.4.2.1's description, and to the E-UE MIBs.
  The Secure-flow realm rules of 6.4.2.1 need Kerberos and come with it.

  @EUE-PROV-6.4.2-01 @MUST
  Scenario: A file with every TLV type of Table 6 is accepted and every TLV takes effect
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                      | value                    | TLV |
      | pktcEUEDevSipPort.0         | 5070                     | 11  |
      | pktcEUEUsrIMPUIdType.1      | publicIdentity           | 11  |
      | pktcEUEUsrIMPUId.1          | a 280-character SIP URI  | 64  |
      | pktcEUEUsrIMPURowStatus.1   | createAndGo              | 11  |
    And the eUE's configuration file carries vendor-specific data (TLV 43) of another vendor
    And the eUE's configuration file names this notification receiver (TLV 38):
      | sub-TLV | value                              |
      | 38.1    | the headend's second IPv4 address  |
      | 38.2    | 16200                              |
      | 38.3    | 2                                  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEDevSipPort.0 from the eUE's agent gives 5070
    And reading pktcEUEUsrIMPUId.1 from the eUE's agent gives a 280-character SIP URI
    And the management station at the 38.1 address receives an SNMPv2c trap from the eUE

  @EUE-PROV-6.4.2-02 @MUST
  Scenario Outline: A setting the eUE cannot apply (<problem>) is reported and listed, and the rest of the file still counts
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                | value   | TLV |
      | pktcEUEDevSipPort.0   | 5070    | 11  |
      | <object>              | <value> | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is passWithWarnings or failConfigFileError
    And the eUE's error OIDs table names <object>

    Examples:
      | problem                   | object                        | value     |
      | an unknown OID            | 1.3.6.1.4.1.4491.2.2.99.1.0   | 7         |
      | a value of the wrong type | pktcMtaDevProvisioningTimer.0 | "twelve"  |
      | a read-only object        | pktcEUEMEMVersion.0           | "9.9"     |

  @EUE-PROV-6.4.2-02 @MUST
  Scenario: Settings that the eUE can apply are applied even when another setting of the same file is rejected
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                        | value | TLV |
      | 1.3.6.1.4.1.4491.2.2.99.1.0   | 7     | 11  |
      | pktcEUEDevSipPort.0           | 5070  | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is passWithWarnings
    And reading pktcEUEDevSipPort.0 from the eUE's agent gives 5070

  @EUE-PROV-6.4.2-03 @EUE-PROV-6.4.2-04 @MUST
  Scenario: A row created with createAndGo is active with the columns the file gave
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                       | value                        | TLV |
      | pktcEUEUsrIMPIIdType.1       | privateIdentity              | 11  |
      | pktcEUEUsrIMPIId.1           | "+15550001@example.net"      | 11  |
      | pktcEUEUsrIMPIRowStatus.1    | createAndGo                  | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEUsrIMPIRowStatus.1 from the eUE's agent gives active
    And reading pktcEUEUsrIMPIId.1 from the eUE's agent gives "+15550001@example.net"

  # 6.4.2-05 is the vendor's declaration (declarations.feature); with it, RFC 2579's createAndWait then active(1) must work.
  @EUE-PROV-6.4.2-03 @MUST @ics:create-and-wait
  Scenario: An eUE that supports createAndWait creates the row and activates it when the file says so
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                       | value                        | TLV |
      | pktcEUEUsrIMPIRowStatus.2    | createAndWait                | 11  |
      | pktcEUEUsrIMPIIdType.2       | privateIdentity              | 11  |
      | pktcEUEUsrIMPIId.2           | "+15550002@example.net"      | 11  |
      | pktcEUEUsrIMPIRowStatus.2    | active                       | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEUsrIMPIRowStatus.2 from the eUE's agent gives active
    And reading pktcEUEUsrIMPIId.2 from the eUE's agent gives "+15550002@example.net"

  @EUE-PROV-6.4.2-06 @MUST
  Scenario: An eUE without createAndWait treats a createAndWait in its file as a configuration file error
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                       | value                        | TLV |
      | pktcEUEUsrIMPIIdType.3       | privateIdentity              | 11  |
      | pktcEUEUsrIMPIId.3           | "+15550003@example.net"      | 11  |
      | pktcEUEUsrIMPIRowStatus.3    | createAndWait                | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is failConfigFileError
    And the eUE's error OIDs table names pktcEUEUsrIMPIRowStatus.3

  @EUE-PROV-6.4.2-07a @MUST
  Scenario: A row the file tries to create without its RowStatus is not created
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                   | value                           | TLV |
      | pktcEUEUsrIMPUIdType.4   | publicIdentity                  | 11  |
      | pktcEUEUsrIMPUId.4       | "sip:+15550004@example.net"     | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is passWithWarnings or failConfigFileError or pass
    And the eUE's agent has no instance pktcEUEUsrIMPUId.4
    And the eUE's agent has no instance pktcEUEUsrIMPURowStatus.4

  @EUE-PROV-6.4.2-07b @MUST
  Scenario: A row create without its RowStatus earns a status that signals the problem, never pass
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                   | value                           | TLV |
      | pktcEUEUsrIMPUIdType.4   | publicIdentity                  | 11  |
      | pktcEUEUsrIMPUId.4       | "sip:+15550004@example.net"     | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is passWithWarnings or failConfigFileError

  @EUE-PROV-6.4.2-07c @MUST
  Scenario: Each varbind of a row create without its RowStatus is listed in the error OIDs table
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                   | value                           | TLV |
      | pktcEUEUsrIMPUIdType.4   | publicIdentity                  | 11  |
      | pktcEUEUsrIMPUId.4       | "sip:+15550004@example.net"     | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is passWithWarnings or failConfigFileError or pass
    And the eUE's error OIDs table names each varbind the file gave for row 4 of pktcEUEUsrIMPUTable

  @EUE-PROV-6.4.2.1-01 @MUST
  Scenario: Device-level settings between the eUE's own markers are applied to the MTA and E-UE MIBs
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                          | value  | TLV |
      | pktcMtaDevProvisioningTimer.0   | 12     | 11  |
      | pktcEUEDevSipPort.0             | 5062   | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcMtaDevEnabled.0 from the eUE's agent gives true
    And reading pktcMtaDevProvisioningTimer.0 from the eUE's agent gives 12
    And reading pktcEUEDevSipPort.0 from the eUE's agent gives 5062
