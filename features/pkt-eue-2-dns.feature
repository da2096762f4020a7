@pkt-eue-2 @EUE-PROV-6.2.1.2-06
Feature: pkt-eue-2: the eUE's DNS client (6.1.2)
  The eUE resolves the names it is given with the DNS servers DHCP handed it (option 6 in IPv4 mode,
  option 23 in IPv6 mode), in well-formed RFC 1035 queries: A queries in IPv4 mode, AAAA queries (RFC 3596)
  in IPv6 mode. In the BASIC.2 flow the eUE needs the address of the provisioning server, which option 122
  sub-option 3 (CL_OPTION_CCCV6 sub-option 3 in IPv6) names by FQDN. The headend answers DNS on every one of
  its addresses, so a query to a server the eUE was not given would be seen.

  @EUE-PROV-6.1.2-01a @MUST @ics:ipv4
  Scenario: In IPv4 mode the eUE resolves the provisioning server's FQDN with the DNS server of option 6
    Given the eUE is provisioned with the BASIC.2 flow in IPv4 mode
    And the eUE's DHCP server gives the DNS servers the secondary server
    When the E-UE is powered on
    Then the eUE resolves the provisioning server's FQDN with an A query to the DNS server it was given
    And every DNS query of the eUE is a well-formed A query to a DNS server it was given at that time

  @EUE-PROV-6.1.2-01a @MUST @ics:ipv6
  Scenario: In IPv6 mode the eUE resolves the provisioning server's FQDN with AAAA queries to the DNS server of option 23
    Given the eUE is provisioned with the BASIC.2 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE resolves the provisioning server's FQDN with an AAAA query to the DNS server it was given
    And every DNS query of the eUE is a well-formed AAAA query to a DNS server it was given at that time

  @EUE-PROV-6.1.2-01a @MUST @ics:ipv4
  Scenario: When the first DNS server it was given does not answer, the eUE asks the next one
    Given the eUE is provisioned with the BASIC.2 flow in IPv4 mode
    And the eUE's DHCP server gives the DNS servers 192.0.2.99, the secondary server
    When the E-UE is powered on
    Then the eUE resolves the provisioning server's FQDN with an A query to a DNS server it was given within 60 s of its DHCP lease

  @EUE-PROV-6.1.2-01a @EUE-PROV-6.1.1-01a @MUST @ics:ipv4
  Scenario: The eUE takes its DNS servers from the DHCPACK where it differs from the OFFER
    Given the eUE is provisioned with the BASIC.2 flow in IPv4 mode
    And only the primary server answers the eUE
    And the eUE's DHCPv4 server's ACK names the DNS server the secondary server where its OFFER named the usual ones
    When the E-UE is powered on
    Then the eUE resolves the provisioning server's FQDN with an A query to the DNS server it was given
    And every DNS query of the eUE is a well-formed A query to a DNS server it was given at that time
