@pkt-eue-1
Feature: ADVERTISE and REQUEST, Table 5 eUE-2 and eUE-3 (6.3.4.3)
  After its SOLICIT the eUE collects ADVERTISEs for the first retransmission period. Only an
  ADVERTISE with CL_OPTION_CCCV6 holding sub-options 1, 3 and 6, whose sub-option 1 is a DSS_ID the
  eCM was given, is valid. Among valid ones the eUE prefers those not saying "0.0.0.0" in sub-option 3,
  then Secure realms over HYBRID.x over BASIC.x, and REQUESTs from the best, asking for the same options
  as in its SOLICIT. When no ADVERTISE is usable the step has failed and the eUE solicits again; when
  every valid one says "0.0.0.0" the eUE disables itself until reinitialised.
  The headend's two eUE DHCPv6 servers, "primary" and "secondary", both answer unless a scenario says
  otherwise; the eCM is given both their DSS_IDs.

  Background:
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode

  @EUE-PROV-T5-eUE-3-01 @EUE-PROV-T5-eUE-3-09 @MUST
  Scenario: The eUE REQUESTs from a server that advertised, by multicast, with its identifiers and IA_NA
    When the E-UE is powered on
    Then the eUE's REQUEST follows an ADVERTISE and names the server of one of the ADVERTISEs it answers
    And the eUE's REQUEST goes to ff02::1:2 with OPTION_SERVERID, its own OPTION_CLIENTID and OPTION_IA_NA

  @EUE-PROV-T5-eUE-3-10 @MUST
  Scenario: The REQUEST asks for the same options as the SOLICIT
    When the E-UE is powered on
    Then the eUE's REQUEST requests the same options and CableLabs options as the SOLICIT before it

  @EUE-PROV-T5-eUE-3-02 @MUST
  Scenario: The eUE waits out the first retransmission period before choosing a server
    Given the eCM is given the wildcard DSS_ID
    And the secondary server's ADVERTISE signals the realm EXAMPLE.NET
    And the secondary server's ADVERTISE arrives 300 ms after the primary's
    When the E-UE is powered on
    Then the eUE REQUESTs from the secondary server

  @EUE-PROV-T5-eUE-3-06 @MUST
  Scenario: A Secure realm beats HYBRID, which beats BASIC
    Given the eCM is given the wildcard DSS_ID
    And a third eUE DHCPv6 server answers too
    And the primary server's ADVERTISE signals the realm BASIC.1
    And the secondary server's ADVERTISE signals the realm HYBRID.2
    And the third server's ADVERTISE signals the realm EXAMPLE.NET
    When the E-UE is powered on
    Then the eUE REQUESTs from the third server

  @EUE-PROV-T5-eUE-3-06 @MUST
  Scenario: A HYBRID realm beats a BASIC realm
    Given the eCM is given the wildcard DSS_ID
    And the primary server's ADVERTISE signals the realm BASIC.2
    And the secondary server's ADVERTISE signals the realm HYBRID.1
    When the E-UE is powered on
    Then the eUE REQUESTs from the secondary server

  @EUE-PROV-T5-eUE-3-07 @EUE-PROV-T5-eUE-3-06 @MUST
  Scenario: One ADVERTISE with a real provisioning server is enough to go on, whatever the others say
    Given the primary server's ADVERTISE carries the "0.0.0.0" shutdown value in sub-option 3
    When the E-UE is powered on
    Then the eUE REQUESTs from the secondary server

  @EUE-PROV-T5-eUE-3-08a @MUST-NOT
  Scenario: When every valid ADVERTISE says "0.0.0.0" the eUE goes no further with DHCP
    Given the eUE's DHCPv6 servers are told to disable the eUE
    When the E-UE is powered on
    Then the eUE receives ADVERTISEs that all carry the "0.0.0.0" shutdown value
    And for 300 seconds after them the eUE sends no REQUEST and no SOLICIT

  @EUE-PROV-T5-eUE-3-08b @MUST-NOT
  Scenario: A disabled eUE stays silent until it is reinitialised, then starts again at eUE-1
    Given the eUE's DHCPv6 servers are told to disable the eUE
    When the E-UE is powered on
    Then the eUE receives ADVERTISEs that all carry the "0.0.0.0" shutdown value
    And for 300 seconds after them the eUE sends no provisioning traffic
    When the E-UE is reset
    Then the eUE sends a SOLICIT again

  @EUE-PROV-T5-eUE-3-03a @EUE-PROV-T5-eUE-3-04 @EUE-PROV-T5-eUE-3-05 @EUE-PROV-T5-eUE-1-03 @MUST
  Scenario Outline: An ADVERTISE that is not valid for PacketCable is not answered: the eUE solicits again
    Given only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE <defect>
    When the E-UE is powered on
    Then the eUE sends no REQUEST for the invalid ADVERTISE and solicits again

    Examples:
      | defect                                          |
      | leaves out CL_OPTION_CCCV6                      |
      | leaves out CL_OPTION_CCCV6 sub-option 1         |
      | leaves out CL_OPTION_CCCV6 sub-option 3         |
      | leaves out CL_OPTION_CCCV6 sub-option 6         |
      | carries a DSS_ID the eCM was not given          |

  @EUE-PROV-T5-eUE-2-03 @EUE-PROV-T5-eUE-1-03 @MUST
  Scenario Outline: An ADVERTISE that RFC 3315 makes the client discard leads to a new SOLICIT, not a REQUEST
    Given only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE <defect>
    When the E-UE is powered on
    Then the eUE sends no REQUEST for the invalid ADVERTISE and solicits again

    Examples:
      | defect                                          |
      | answers another transaction                     |
      | leaves out OPTION_SERVERID                      |
      | says NoAddrsAvail                               |

  @EUE-PROV-T5-eUE-3-04 @EUE-PROV-T5-eUE-3-05 @MUST
  Scenario: With no ADVERTISE at all the eUE sends no REQUEST and keeps soliciting
    Given the eUE's DHCPv6 servers do not answer
    When the E-UE is powered on
    Then the eUE retransmits its SOLICIT 3 times with the RFC 3315 back-off, keeping its transaction id and contents
    And the eUE sends no REQUEST
