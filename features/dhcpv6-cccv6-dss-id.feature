@pkt-eue-1
Feature: DSS_IDs in CL_OPTION_CCCV6 as the eUE reads them (6.4.1.4)
  In an ADVERTISE or REPLY to the eUE, sub-option 1 of CL_OPTION_CCCV6 is the responding server's
  DSS_ID, and it alone identifies the server: a sub-option 2 is ignored. A DSS_ID longer than 32 octets
  counts by its first 32. (The longer DSS_IDs here have 34 octets: longer than a server may send, and
  still within what Wireshark's dissector takes for CL_OPTION_CCCV6 sub-option 1, so the capture stays clean.)

  Background:
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode

  @EUE-PROV-6.4.1.4-02 @MUST
  Scenario: A 34-octet DSS_ID whose first 32 octets are the eCM's matches
    Given the eCM is given a 32-octet primary DSS_ID
    And only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE and REPLY carry that DSS_ID with 2 more octets after it
    When the E-UE is powered on
    Then the eUE REQUESTs from the primary server
    And the eUE goes on to fetch its configuration file

  @EUE-PROV-6.4.1.4-02 @MUST
  Scenario: A 34-octet DSS_ID that differs within its first 32 octets does not match
    Given the eCM is given a 32-octet primary DSS_ID
    And only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE carries a 34-octet DSS_ID that differs from it in octet 32
    When the E-UE is powered on
    Then the eUE sends no REQUEST for the invalid ADVERTISE and solicits again

  @EUE-PROV-6.4.1.4-06 @MUST
  Scenario: Only sub-option 1 identifies the advertising server
    Given the primary server's ADVERTISE carries a DSS_ID the eCM was not given
    And the primary server's ADVERTISE carries the primary DSS_ID in sub-option 2
    When the E-UE is powered on
    Then the eUE REQUESTs from the secondary server

  @EUE-PROV-6.4.1.4-07 @MUST
  Scenario: A sub-option 2 in the ADVERTISE and REPLY changes nothing
    Given only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE and REPLY carry 00 00 00 00 in sub-option 2
    When the E-UE is powered on
    Then the eUE REQUESTs from the primary server
    And the eUE goes on to fetch its configuration file
