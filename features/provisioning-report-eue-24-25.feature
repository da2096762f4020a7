@pkt-eue-4 @pkt-eue-6
Feature: Provisioning-complete syslog event and final INFORM (Table 5 eUE-24, eUE-25)
  With a syslog server configured (CL_OPTION_SYSLOG_SERVERS) the eUE sends it a "provisioning complete" event giving the
  pass/fail outcome once the file step is over, then the final SNMP INFORM to the Provisioning Server of CL_OPTION_CCCV6
  sub-option 3, carrying the provisioning state; without syslog the INFORM follows the file step directly. The event's
  ID and exact text come from PKT-EUE-DATA / PKT-MEM1.5 (not available): the event is recognised by its "provisioning
  complete" text. The HYBRID.2 and BASIC.2 realms are used, the ones that send the final report in every reading.

  @EUE-PROV-T5-eUE-24-01 @MUST
  Scenario Outline: The provisioning-complete syslog event gives the outcome
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And <file>
    When the E-UE is powered on
    Then the eUE sends its syslog server a provisioning-complete event that says <outcome>

    Examples:
      | case        | file                                         | outcome |
      | a good file | the configuration file names the P-CSCF      | pass    |
      | a bad file  | the configuration file has no end marker     | fail    |

  @EUE-PROV-T5-eUE-24-02 @EUE-PROV-T5-eUE-25-04 @MUST
  Scenario Outline: The syslog event comes after the file step and before the final INFORM
    Given the eUE is provisioned with the <realm> flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE sends the provisioning-complete event after the file and before its final INFORM

    Examples:
      | realm    |
      | HYBRID.2 |
      | BASIC.2  |

  @EUE-PROV-T5-eUE-25-04 @MUST
  Scenario: Without a syslog server the final INFORM follows the file step directly
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the eUE's DHCP servers give no syslog server
    When the E-UE is powered on
    Then the eUE sends its final INFORM right after the file, with no syslog event

  @EUE-PROV-T5-eUE-25-01 @MUST
  Scenario Outline: The eUE reports provisioning complete with an INFORM to the entity of CCCV6 sub-option 3
    Given the eUE is provisioned with the <realm> flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE reports provisioning complete with an INFORM to the Provisioning Server

    Examples:
      | realm    |
      | HYBRID.2 |
      | BASIC.2  |

  @EUE-PROV-T5-eUE-25-01 @MUST
  Scenario: A TLV 38 receiver of the configuration file gets an INFORM besides the Provisioning Server's
    The receiver sits at the headend's notification port too: the headend counts two distinct INFORMs. How TLV 38 is
    processed is judged with 6.5; here only that it does not take the place of the eUE-25 INFORM.
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the configuration file names an SNMPv2c INFORM receiver at the headend
    When the E-UE is powered on
    Then the eUE sends a final INFORM to the TLV 38 receiver and another to the Provisioning Server

  @EUE-PROV-T5-eUE-25-01 @MUST
  Scenario: A final INFORM nobody acknowledges stops provisioning
    The failure cell of eUE-25: the eUE retries the INFORM as SNMP does, then waits for manual action or a
    re-initialization by the eCM; it does not start over by itself.
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the Provisioning Server does not acknowledge the eUE's status INFORM
    When the E-UE is powered on
    Then the eUE stops provisioning without starting over for 10 minutes

  @EUE-PROV-T5-eUE-25-02 @MUST
  Scenario Outline: The final INFORM carries the provisioning state
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And <file>
    When the E-UE is powered on
    Then the eUE's final INFORM reports the provisioning state <state>

    Examples:
      | case        | file                                     | state               |
      | a good file | the configuration file names the P-CSCF  | pass                |
      | a bad file  | the configuration file has no end marker | failConfigFileError |
