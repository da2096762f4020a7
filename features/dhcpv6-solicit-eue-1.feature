@pkt-eue-1
Feature: The eUE's DHCPv6 SOLICIT, Table 5 eUE-1 (6.3.4.3, 6.1.1, 6.6.1)
  Once router discovery is done the eUE multicasts a SOLICIT carrying the options Table 5 lists: its
  DUID, an IA_NA, an empty client FQDN with only the S flag, the option request for the FQDN and DNS
  servers, the PacketCable 2.0 vendor class, and the CableLabs vendor options (device identity,
  capabilities, its MAC, and the CableLabs option request). It never asks for Rapid Commit, never
  solicits before the eCM is registered, and when nobody usable answers it keeps soliciting with the
  RFC 3315 back-off (SOL_TIMEOUT 1 s, doubling, capped at SOL_MAX_RT 120 s, each within 10 %).

  Background:
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode

  @EUE-PROV-T5-eUE-1-01a @MUST
  Scenario: The SOLICIT is multicast to All_DHCP_Relay_Agents_and_Servers with the eUE's DUID
    When the E-UE is powered on
    Then the eUE's first SOLICIT goes from UDP port 546 to ff02::1:2 port 547
    And the eUE's first SOLICIT carries OPTION_CLIENTID with a DUID-LLT, DUID-EN or DUID-LL

  @EUE-PROV-T5-eUE-1-01b @MUST
  Scenario: The SOLICIT asks for a non-temporary address
    When the E-UE is powered on
    Then the eUE's first SOLICIT carries OPTION_IA_NA

  @EUE-PROV-T5-eUE-1-01c @MUST
  Scenario: The SOLICIT carries an empty client FQDN with only the S flag set
    When the E-UE is powered on
    Then the eUE's first SOLICIT carries OPTION_FQDN as exactly 00 27 00 01 01

  @EUE-PROV-T5-eUE-1-01d @MUST
  Scenario: The SOLICIT requests the FQDN and DNS server options
    When the E-UE is powered on
    Then the eUE's first SOLICIT requests options 39 and 23 in OPTION_ORO

  @EUE-PROV-T5-eUE-1-01e @MUST
  Scenario: The SOLICIT carries the PacketCable 2.0 vendor class
    When the E-UE is powered on
    Then the eUE's first SOLICIT carries OPTION_VENDOR_CLASS for enterprise 4491 with "pktc2.0"

  @EUE-PROV-T5-eUE-1-01f @MUST
  Scenario: The SOLICIT identifies the embedded device in the CableLabs vendor options
    When the E-UE is powered on
    Then the eUE's first SOLICIT carries the CableLabs device identity options 2 and 4 to 10, each well formed

  @EUE-PROV-T5-eUE-1-01g @MUST
  Scenario: The SOLICIT reports the eUE's capabilities as binary type-length-value entries
    When the E-UE is powered on
    Then the eUE's first SOLICIT carries CL_OPTION_MODEM_CAPABILITIES as well-formed binary capability entries

  @EUE-PROV-T5-eUE-1-01h @MUST
  Scenario: The SOLICIT names the eUE's own MAC in CL_OPTION_DEVICE_ID
    When the E-UE is powered on
    Then the eUE's first SOLICIT carries CL_OPTION_DEVICE_ID holding the eUE's own MAC, not the eCM's

  @EUE-PROV-T5-eUE-1-01i @MUST
  Scenario: The SOLICIT requests the CableLabs TFTP, file name, syslog and CCCV6 options
    When the E-UE is powered on
    Then the eUE's first SOLICIT requests CableLabs options 32, 33, 34 and 2171 in CL_OPTION_ORO

  @EUE-PROV-6.6.1-01b @MUST
  Scenario: In IPv6 mode the eUE reports its capabilities in CL_OPTION_MODEM_CAPABILITIES and the vendor class
    When the E-UE is powered on
    Then the eUE's SOLICIT and REQUEST each carry its capabilities in CL_OPTION_MODEM_CAPABILITIES and the "pktc2.0" vendor class

  @EUE-PROV-T5-eUE-1-02 @MUST-NOT
  Scenario: The eUE does not solicit before the eCM has finished registering
    Given the ToD server ignores the eCM's first 2 requests
    When the E-UE is powered on
    Then the eUE sends no SOLICIT before the eCM's time-of-day exchange has completed
    And the eUE solicits once the eCM is registered

  @EUE-PROV-6.3.4.3-02 @MUST-NOT
  Scenario: The eUE never asks for Rapid Commit
    When the E-UE is powered on
    Then no SOLICIT from the eUE carries OPTION_RAPID_COMMIT

  @EUE-PROV-6.3.4.3-02 @MUST-NOT
  Scenario: A Rapid Commit REPLY to the SOLICIT is not taken: the eUE goes through the four-message exchange
    Given the eUE's DHCPv6 server answers the eUE's first SOLICIT with a Rapid Commit REPLY offering 2001:db8:1::99
    When the E-UE is powered on
    Then the eUE binds its address through REQUEST and REPLY, not through the Rapid Commit REPLY

  @EUE-PROV-T5-eUE-1-03 @EUE-PROV-6.1.1-02a @MUST
  Scenario: With no server answering, the eUE retransmits its SOLICIT with the RFC 3315 back-off
    Given the eUE's DHCPv6 servers do not answer
    When the E-UE is powered on
    Then the eUE retransmits its SOLICIT 8 times with the RFC 3315 back-off, keeping its transaction id and contents
    And the eUE's SOLICIT retransmissions report a growing elapsed time

  @EUE-PROV-6.1.1-02a @MUST
  Scenario: The eUE's DHCPv6 exchange follows RFC 3315: client identifier, elapsed time and transaction ids
    When the E-UE is powered on
    Then every SOLICIT and REQUEST from the eUE carries OPTION_CLIENTID and OPTION_ELAPSED_TIME
    And the eUE's first SOLICIT reports an elapsed time of 0
    And the eUE's REQUEST opens a new transaction, with an id other than its SOLICIT's

  @EUE-PROV-6.1.1-02a @MUST
  Scenario: Without a REPLY the eUE retransmits its REQUEST with the RFC 3315 back-off
    Given the eUE's DHCPv6 servers send no REPLY
    When the E-UE is powered on
    Then the eUE retransmits its REQUEST with the RFC 3315 back-off, keeping its transaction id, at most 10 times in all
