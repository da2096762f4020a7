@eue-ipv4-mode
Feature: eUE provisioning in the IPv4 addressing mode (6.3.3)
  An eUE that the eCM starts in IPv4 mode runs the PKT-PROV1.5 embedded-MTA flow and identifies itself as
  RFC 4361 asks: its DHCPv4 client identifier (option 61) is the node-specific type 255 followed by an IAID
  and a DHCPv6-style DUID, so that the eUE is the same client whichever IP version it provisions with. It
  carries that identifier in every DHCPv4 message, also when it renews its lease or starts over. (The TFTP
  blocksize of 1448 that 6.3.3 asks for in IPv4 is in config-file-download.feature.)

  @EUE-PROV-6.3.3-02 @MUST
  Scenario: Every DHCPv4 message of the eUE, renewals included, carries its RFC 4361 client identifier
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the DHCPv4 leases last 600 seconds
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    And the eUE renews its DHCPv4 lease
    Then every DHCPv4 message the eUE has sent carries the same RFC 4361 client identifier: type 255, an IAID and a DUID

  @EUE-PROV-6.3.3-02 @MUST
  Scenario: After a DHCPNAK the eUE starts over under the same RFC 4361 client identifier
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And only the primary server answers the eUE
    And the eUE's DHCPv4 server answers its first REQUEST with a DHCPNAK
    When the E-UE is powered on
    Then the eUE starts over with a DHCPDISCOVER within 11 s of the DHCPNAK
    And the eUE obtains a DHCPv4 lease
    And every DHCPv4 message the eUE has sent carries the same RFC 4361 client identifier: type 255, an IAID and a DUID

  @EUE-PROV-6.3.3-02 @MUST @ics:ipv6
  Scenario: A dual-stack eUE identifies itself in IPv4 mode by RFC 4361, and its DUID is compared with the one it uses in IPv6 mode
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    Then every DHCPv4 message the eUE has sent carries the same RFC 4361 client identifier: type 255, an IAID and a DUID
    When the eCM's server asks for the eUE in IPv6 mode and the E-UE is power-cycled
    Then the report records whether the DUID of the eUE's DHCPv6 SOLICIT is the DUID of its option 61
