@pkt-eue-4
Feature: Notification receivers from the configuration file (6.5, Table 6 TLV 38)
  Besides the Provisioning Server, the configuration file can name more management stations in TLV 38 entries,
  as PKT-PROV1.5's TLV-38 section specifies: 38.1 the station's IPv4 address, 38.2 its UDP port, 38.3 the kind
  of notification (1 SNMPv1 trap, 2 SNMPv2c trap, 3 SNMPv2c INFORM, 4 SNMPv3 trap, 5 SNMPv3 INFORM), 38.4 the
  timeout and 38.5 the retries of an INFORM, 38.6 a filter, 38.7 the SNMPv3 security name. EUE-PROV adds 38.8,
  the station's IPv6 address in 16 octets: an eUE provisioned in IPv6 mode takes 38.8 instead of 38.1 and
  ignores 38.1; one provisioned in IPv4 mode ignores 38.8.

  The headend plays the stations on the addresses and the port the file names and records what reaches them.
  What the eUE sends there is taken from eUE-25's note: depending on TLV 38, the provisioning-complete
  notification goes to the configured stations as well. A station that receives nothing within the IXIT boot
  time leaves the scenario inconclusive. "Ignored" is judged as: nothing reaches the ignored address, and its
  presence earns no warning (the file's outcome stays pass).

  @EUE-PROV-6.5-05 @EUE-PROV-T6-TLV38-01a @MUST
  Scenario: In IPv4 mode the eUE notifies the 38.1 address and ignores 38.8
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file names this notification receiver (TLV 38):
      | sub-TLV | value                              |
      | 38.1    | the headend's second IPv4 address  |
      | 38.2    | 16200                              |
      | 38.3    | 3                                  |
      | 38.8    | the headend's IPv6 address         |
    When the E-UE is powered on
    Then the management station at the 38.1 address receives an SNMPv2c INFORM from the eUE
    And the eUE's configuration file outcome is pass
    And no notification from the eUE reaches the 38.8 address

  @EUE-PROV-6.5-06 @EUE-PROV-T6-TLV38-01a @MUST
  Scenario: In IPv6 mode the eUE notifies the 38.8 address and ignores 38.1
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the eUE's configuration file names this notification receiver (TLV 38):
      | sub-TLV | value                              |
      | 38.1    | the headend's second IPv4 address  |
      | 38.2    | 16200                              |
      | 38.3    | 3                                  |
      | 38.8    | the headend's IPv6 address         |
    When the E-UE is powered on
    Then the management station at the 38.8 address receives an SNMPv2c INFORM from the eUE
    And the eUE's configuration file outcome is pass
    And no notification from the eUE reaches the 38.1 address

  @EUE-PROV-6.5-03 @EUE-PROV-T6-TLV38-01a @MUST
  Scenario: In IPv6 mode a receiver given by 38.8 alone is notified
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the eUE's configuration file names this notification receiver (TLV 38):
      | sub-TLV | value                        |
      | 38.8    | the headend's IPv6 address   |
      | 38.2    | 16200                        |
      | 38.3    | 2                            |
    When the E-UE is powered on
    Then the management station at the 38.8 address receives an SNMPv2c trap from the eUE
    And the eUE's configuration file outcome is pass

  @EUE-PROV-6.5-04 @EUE-PROV-T6-TLV38-01a @MUST
  Scenario Outline: The eUE sends the kind of notification 38.3 = <type> asks for to the port 38.2 names
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file names this notification receiver (TLV 38):
      | sub-TLV | value                              |
      | 38.1    | the headend's second IPv4 address  |
      | 38.2    | 16201                              |
      | 38.3    | <type>                             |
    When the E-UE is powered on
    Then the management station at the 38.1 address receives <kind> from the eUE

    Examples:
      | type | kind              |
      | 1    | an SNMPv1 trap    |
      | 2    | an SNMPv2c trap   |
      | 3    | an SNMPv2c INFORM |
      | 4    | an SNMPv3 trap    |
      | 5    | an SNMPv3 INFORM  |

  @EUE-PROV-6.5-04 @EUE-PROV-T6-TLV38-01a @MUST
  Scenario: An INFORM the station leaves unanswered is sent again as 38.4 and 38.5 say
    Given the eUE is provisioned with the HYBRID.2 flow in IPv4 mode
    And the eUE's configuration file names this notification receiver (TLV 38):
      | sub-TLV | value                              |
      | 38.1    | the headend's second IPv4 address  |
      | 38.2    | 16202                              |
      | 38.3    | 3                                  |
      | 38.4    | 2000                               |
      | 38.5    | 2                                  |
    And the management stations leave the eUE's INFORMs unanswered
    When the E-UE is powered on
    Then the eUE sends its unanswered INFORM to the 38.1 address 3 times in all, 2000 ms apart
