@pkt-eue-1
Feature: The eUE as a host of its own (6.2.1.2)
  The eUE has its own MAC and its own IP address, distinct from the eCM's, and provisions whether its
  address is in the eCM's subnet or another one. Its configuration file is its own, not the eCM's
  DOCSIS file. In IPv6 mode it refuses offers of link-local addresses, keeps its link-local address for
  the protocols that need it (DHCPv6, neighbour and router discovery) and uses its leased global
  address for everything else.

  @EUE-PROV-6.2.1.2-01 @MUST
  Scenario Outline: The eUE uses a MAC of its own in <mode> mode
    Given the eUE is provisioned with the BASIC.1 flow in <mode> mode
    When the E-UE is powered on
    Then every MAC the eUE presents differs from the eCM's

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.2.1.2-02 @MUST
  Scenario Outline: The eUE leases and uses an IP address of its own in <mode> mode
    Given the eUE is provisioned with the BASIC.1 flow in <mode> mode
    When the E-UE is powered on
    Then the eUE's leased address is none of the eCM's
    And the eUE sends its provisioning traffic from its leased address

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.2.1.2-03 @MUST
  Scenario: In IPv4 mode the eUE provisions with an address in the eCM's subnet
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE's leased address is in the eCM's subnet
    And the eUE downloads its configuration file in full from its leased address

  @EUE-PROV-6.2.1.2-03 @MUST
  Scenario: In IPv4 mode the eUE provisions with an address in another subnet than the eCM's
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eUE's DHCPv4 server leases it 198.51.100.20 in 198.51.100.0/24 behind the router 198.51.100.1
    When the E-UE is powered on
    Then the eUE's leased address is outside the eCM's subnet
    And the eUE downloads its configuration file in full from its leased address

  @EUE-PROV-6.2.1.2-03 @MUST @ics:ecm-ipv6
  Scenario: In IPv6 mode the eUE provisions with an address in the eCM's prefix
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE's leased address is in the eCM's subnet
    And the eUE downloads its configuration file in full from its leased address

  @EUE-PROV-6.2.1.2-03 @MUST @ics:ecm-ipv6
  Scenario: In IPv6 mode the eUE provisions with an address in another prefix than the eCM's
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the eUE's DHCPv6 server leases it 2001:db8:2::20
    When the E-UE is powered on
    Then the eUE's leased address is outside the eCM's subnet
    And the eUE downloads its configuration file in full from its leased address

  @EUE-PROV-6.2.1.2-04 @MUST
  Scenario: An ADVERTISE offering only a link-local address gets no REQUEST
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE offers the link-local address fe80::99
    When the E-UE is powered on
    Then the eUE sends no REQUEST for the invalid ADVERTISE and solicits again

  @EUE-PROV-6.2.1.2-04 @MUST
  Scenario: Beside a valid ADVERTISE, one offering a link-local address is passed over
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the primary server's ADVERTISE offers the link-local address fe80::99
    When the E-UE is powered on
    Then the eUE REQUESTs from the secondary server
    And no REQUEST from the eUE asks for a link-local address

  @EUE-PROV-6.2.1.2-05a @MUST
  Scenario Outline: The eUE fetches its own configuration file, not the eCM's, in <mode> mode
    Given the eUE is provisioned with the BASIC.1 flow in <mode> mode
    When the E-UE is powered on
    Then the eUE fetches the configuration file named to it, from its own address, and never the eCM's file

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.2.1.2-11 @MUST-NOT
  Scenario: The eUE uses its link-local address only for DHCPv6 and neighbour discovery
    Given the eUE is provisioned with the BASIC.2 flow in IPv6 mode
    When the E-UE is powered on
    And the eUE has reported provisioning complete by syslog
    And the eUE has looked up its provisioning server
    Then the eUE sent nothing but DHCPv6 and neighbour discovery from its link-local address

  @EUE-PROV-6.2.1.2-12 @MUST
  Scenario: The eUE sends DNS, TFTP and syslog from its leased global address
    Given the eUE is provisioned with the BASIC.2 flow in IPv6 mode
    When the E-UE is powered on
    And the eUE has reported provisioning complete by syslog
    And the eUE has looked up its provisioning server
    Then the eUE's DNS, TFTP and syslog traffic comes from the global address its REPLY leased
