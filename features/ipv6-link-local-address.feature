@pkt-eue-1
Feature: The eUE's link-local address (6.3.4.1)
  The eUE builds its link-local address by stateless autoconfiguration: the fe80::/64 prefix and the
  modified EUI-64 interface identifier of its own MAC. It probes the tentative address with duplicate
  address detection before it uses it. When another node defends the address, the eUE logs the event,
  gives up its IPv6 start-up, leaves the address unconfigured and waits for an operator: on the link
  that is silence. (The local log entry and the wait for an operator are inspection items.)

  @EUE-PROV-6.3.4.1-01 @EUE-PROV-6.3.4.1-02 @MUST
  Scenario: The link-local address is fe80::/64 with the modified EUI-64 of the eUE's own MAC
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE's link-local address is fe80::/64 followed by the modified EUI-64 of the MAC it names in CL_OPTION_DEVICE_ID

  @EUE-PROV-6.3.4.1-03 @MUST
  Scenario: The eUE runs duplicate address detection on its link-local address before using it
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE probes its link-local address with duplicate address detection before it sends anything from it

  @EUE-PROV-6.3.4.1-04b @MUST
  Scenario: After a link-local address conflict the eUE solicits neither routers nor DHCPv6 servers
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on while another node already uses the eUE's link-local address
    Then the other node defends the eUE's link-local address against the eUE's probe
    And for 480 seconds after the conflict the eUE sends no Router Solicitation and no SOLICIT

  @EUE-PROV-6.3.4.1-04c @MUST
  Scenario: After a link-local address conflict the eUE does not take the address into use
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on while another node already uses the eUE's link-local address
    Then the other node defends the eUE's link-local address against the eUE's probe
    And for 480 seconds after the conflict the eUE neither sends from the conflicting address nor advertises it as its own
