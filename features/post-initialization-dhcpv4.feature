@post-initialization-dhcp
Feature: Post-initialization DHCPv4 behaviour of the eUE (6.3.5, IPv4)
  Once provisioned, the eUE renews its DHCPv4 lease. When the renewal's DHCPACK differs from the lease in
  force, section 6.3.5 says what the eUE does: a different address makes it start again from the first
  step; a different mask or router may be taken in place or make it start again (the vendor states which);
  different DNS or syslog servers are used from then on without starting again; any other difference
  (file, siaddr, host name, domain name, every option 122 sub-option) is ignored. The leases are shortened
  to 600 s so that the renewal (at T1, 300 s) falls inside the scenario. A new address is a one-off answer
  to one renewal; the other changes stand for the rest of the scenario, as a changed server configuration.

  Background:
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the DHCPv4 leases last 600 seconds

  @EUE-PROV-6.3.5-01 @MUST
  Scenario: A renewal that assigns another address makes the eUE start over
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    And the eUE renews its DHCPv4 lease and the DHCPACK changes:
      | field  | value      |
      | yiaddr | 192.0.2.21 |
    Then the eUE starts over with a DHCPDISCOVER

  @EUE-PROV-6.3.5-02 @MAY
  Scenario: A renewal that changes the subnet mask and the router is handled as the vendor declares
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    And the eUE renews its DHCPv4 lease and from then on the DHCPACKs change:
      | field    | value           |
      | option 1 | 255.255.255.128 |
      | option 3 | 192.0.2.2       |
    Then the eUE treats the changed mask and router as its vendor declares

  @EUE-PROV-6.3.5-03a @MUST
  Scenario: A renewal that changes the DNS servers does not make the eUE start over, and its next DNS query goes to the new server
    Once provisioned the eUE has no name to resolve, so the scenario makes a lookup fall after the renewal: in
    the BASIC.2 flow the eUE resolves the Provisioning Server's FQDN for its final INFORM once it has its file,
    and the Configuration Server holds that file back until the eUE has renewed its lease (shortened to 20 s, so
    that T1 comes while the eUE still retries its TFTP request).
    Given the eUE is provisioned with the BASIC.2 flow in IPv4 mode
    And the DHCPv4 leases last 20 seconds
    And the Configuration Server holds back the eUE's file until the eUE has renewed its lease
    When the E-UE is powered on
    And the eUE renews its DHCPv4 lease and from then on the DHCPACKs change:
      | field    | value     |
      | option 6 | 192.0.2.2 |
    Then the eUE keeps its lease without starting over or fetching its configuration file again, up to its next renewal
    And any DNS query the eUE sends after the renewal goes to 192.0.2.2

  @EUE-PROV-6.3.5-03b @EUE-PROV-6.1.6-02 @MUST @ics:ipv4
  Scenario: A renewal that changes the syslog servers moves the eUE's management events to the new first server
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    And the eUE renews its DHCPv4 lease and from then on the DHCPACKs change:
      | field    | value                |
      | option 7 | 192.0.2.2, 192.0.2.1 |
    And the eCM's time offset changes at its next lease renewal
    Then the eUE's next management event goes to 192.0.2.2 and none to the syslog servers it had before
    And the eUE keeps its lease without starting over or fetching its configuration file again, up to its next renewal

  @EUE-PROV-6.3.5-04 @MUST
  Scenario: A renewal that changes file, siaddr, host and domain names and option 122 changes nothing
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    And the eUE renews its DHCPv4 lease and from then on the DHCPACKs change:
      | field        | value               |
      | file         | other.cfg           |
      | siaddr       | 192.0.2.2           |
      | option 12    | other               |
      | option 15    | example.org         |
      | option 122.3 | prov2.example.net   |
      | option 122.6 | HYBRID.1            |
      | option 122.8 | 5                   |
    Then the eUE keeps its lease without starting over or fetching its configuration file again, up to its next renewal
