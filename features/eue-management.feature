@pkt-eue-4
Feature: Managing the eUE over SNMP and its management events (6.5)
  The eUE is managed over SNMP as PKT-EUE-DATA specifies, and runs PKT-MEM1.5's management event mechanism
  with PKT-EUE-DATA's data model and events. Neither document is available to the suite; the scenarios check
  what the MIB modules of PKT-EUE-DATA themselves require of an agent, from the operator's Provisioning Server:
  - the E-UE MIB modules (the CableLabs arc 1.3.6.1.4.1.4491.2.2.10) are served, a walk of them returns the
    objects the configuration file set, in increasing order (RFC 3416);
  - CL-PKTC-EUE-USER-MIB says a read of pktcEUEUsrIMPICredentials always returns an empty string;
  - an object the MIB makes read-only is not written by a SET (RFC 3416: notWritable);
  - CL-PKTC-EUE-EVENT-MIB says pktcEUEMEMVersion reads "1.0", and makes PKTC-EVENT-MIB's event group mandatory:
    after provisioning, which reports a provisioning-complete event (eUE-24), the local event log
    (pktcDevEventLogTable) holds a PacketCable event (enterprise 4491). How events reach syslog is 6.1.6's
    business (syslog format and facility), not judged here.
  SNMPv3 access needs the Secure flow's Kerberized keys and comes with Kerberos.

  @EUE-PROV-6.5-01 @MUST
  Scenario: The eUE's agent serves the E-UE MIB modules with what its configuration file set
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                       | value                        | TLV |
      | pktcEUEDevSipPort.0          | 5070                         | 11  |
      | pktcEUEUsrIMPUIdType.1       | publicIdentity               | 11  |
      | pktcEUEUsrIMPUId.1           | "sip:+15550001@example.net"  | 11  |
      | pktcEUEUsrIMPURowStatus.1    | createAndGo                  | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And the eUE's agent answers a GET of pktcEUECBSupport.0 with a value
    And a walk of the eUE's E-UE MIB arc returns every object the configuration file set there

  @EUE-PROV-6.5-01 @MUST
  Scenario: The eUE's agent never shows the credentials its configuration file gave
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file carries these MIB settings:
      | object                        | value                      | TLV |
      | pktcEUEUsrIMPIIdType.1        | privateIdentity            | 11  |
      | pktcEUEUsrIMPIId.1            | "+15550001@example.net"    | 11  |
      | pktcEUEUsrIMPICredsType.1     | password                   | 11  |
      | pktcEUEUsrIMPICredentials.1   | 0x00000006736563726574     | 11  |
      | pktcEUEUsrIMPIRowStatus.1     | createAndGo                | 11  |
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEUsrIMPIId.1 from the eUE's agent gives "+15550001@example.net"
    And reading pktcEUEUsrIMPICredentials.1 from the eUE's agent gives an empty string

  @EUE-PROV-6.5-01 @MUST
  Scenario: The eUE's agent does not let a SET write a read-only object
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And the eUE's agent refuses a SET of pktcMtaDevSerialNumber.0 to "SET-BY-THE-SUITE" with notWritable

  @EUE-PROV-6.5-02 @MUST
  Scenario: The eUE reports its management events through the E-UE event MIB
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE's configuration file outcome is pass
    And reading pktcEUEMEMVersion.0 from the eUE's agent gives "1.0"
    And the eUE's local event log holds a PacketCable event
