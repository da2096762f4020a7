@pkt-eue-1
Feature: Router discovery by the eUE (6.3.4.2)
  With its link-local address confirmed, the eUE solicits routers as RFC 2461 describes. Only a
  well-formed Router Advertisement with the M flag set counts; one with M clear is ignored. When the
  solicitations run out without a valid advertisement, IPv6 provisioning has failed: the eUE starts
  its IPv6 initialisation again and never goes on to DHCPv6 without a valid advertisement.
  RFC 2461 timing: at most 3 solicitations (MAX_RTR_SOLICITATIONS), 4 seconds apart
  (RTR_SOLICITATION_INTERVAL).

  @EUE-PROV-6.3.4.2-01 @MUST
  Scenario: Once its link-local address is confirmed the eUE solicits routers on ff02::2
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE sends a Router Solicitation to all-routers from its link-local address, with its link-layer address, after duplicate address detection

  @EUE-PROV-6.3.4.2-01 @MUST
  Scenario: Unanswered, the eUE repeats its Router Solicitation at the RFC 2461 pace
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the router does not answer
    When the E-UE is powered on
    Then the eUE's first burst of Router Solicitations has at most 3 of them, at least 4 seconds apart

  @EUE-PROV-6.3.4.2-02 @MUST
  Scenario: A Router Advertisement with the M flag set lets the eUE go on to DHCPv6
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE sends its first SOLICIT only after the router advertised with the M flag set

  @EUE-PROV-6.3.4.2-02 @MUST
  Scenario: Router Advertisements with the M flag clear do not let the eUE start DHCPv6
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the router advertises with the M flag clear
    When the E-UE is powered on
    Then the router answers the eUE's Router Solicitation with the M flag clear
    And for 300 seconds the eUE sends no SOLICIT

  @EUE-PROV-6.3.4.2-03 @MUST
  Scenario: When only advertisements with M clear come, the eUE starts its IPv6 initialisation again
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the router advertises with the M flag clear
    When the E-UE is powered on
    Then after its Router Solicitations run out the eUE starts its IPv6 initialisation again
    And for 300 seconds the eUE sends no SOLICIT

  @EUE-PROV-6.3.4.2-03 @MUST
  Scenario: When no router answers at all, the eUE starts its IPv6 initialisation again
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the router does not answer
    When the E-UE is powered on
    Then after its Router Solicitations run out the eUE starts its IPv6 initialisation again
    And for 300 seconds the eUE sends no SOLICIT
