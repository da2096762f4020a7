@pkt-eue-1
Feature: eUE start-up in IPv6 mode, phase by phase (6.3.4)
  In IPv6 mode the eUE goes through three phases and never overlaps them: it forms its link-local
  address and checks it with duplicate address detection, then looks for a router, and only once a
  router has answered with the M flag does it start DHCPv6. The headend sees the phases on the link:
  the probe for the tentative address, the Router Solicitation, the Router Advertisement and the
  first SOLICIT.

  @EUE-PROV-6.3.4-01 @MUST
  Scenario: Link-local address, router discovery and DHCPv6 follow each other in that order
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE probes its link-local address with duplicate address detection before it sends anything from it
    And the eUE solicits a router only after duplicate address detection on its link-local address has ended
    And the eUE sends its first SOLICIT only after the router advertised with the M flag set
