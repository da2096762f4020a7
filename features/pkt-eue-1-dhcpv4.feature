@pkt-eue-1 @EUE-PROV-6.2.1.2-06
Feature: pkt-eue-1 in IPv4 mode: the eUE's DHCPv4 client follows RFC 2131
  Section 6.1.1 binds an eUE that provisions in IPv4 addressing mode to the DHCP client rules of RFC 2131
  besides this specification's own. The scenarios look at the eUE's DHCPv4 exchange from its DHCP servers:
  the DISCOVER, the REQUEST of the SELECTING state (which names the chosen server and address and repeats
  the OFFER's transaction id), retransmission with a randomized exponential backoff when a server stays
  silent, OFFERs with somebody else's transaction id, a DHCPNAK, and an ACK that differs from its OFFER.

  @EUE-PROV-6.1.1-01a @MUST
  Scenario: The eUE's DHCPDISCOVER and DHCPREQUEST follow RFC 2131
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE's DHCPDISCOVER is a well-formed client message broadcast to the servers
    And the eUE's DHCPREQUEST names the server and the address of an OFFER it received, with that OFFER's transaction id

  @EUE-PROV-6.1.1-01a @MUST
  Scenario: A silent DHCP server makes the eUE retransmit its DHCPDISCOVER with a randomized exponential backoff
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eUE's DHCPv4 servers ignore its first 5 DISCOVERs
    When the E-UE is powered on
    Then the eUE sends its DHCPDISCOVER 5 more times, with a randomized exponential backoff

  @EUE-PROV-6.1.1-01a @MUST
  Scenario: An unanswered DHCPREQUEST is retransmitted with a randomized exponential backoff and unchanged
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And only the primary server answers the eUE
    And the eUE's DHCPv4 servers ignore its first 3 REQUESTs
    When the E-UE is powered on
    Then the eUE sends its DHCPREQUEST 3 more times, with a randomized exponential backoff

  @EUE-PROV-6.1.1-01a @MUST
  Scenario: The eUE disregards an OFFER whose transaction id is not its own
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the first OFFER the eUE receives carries a transaction id other than its DISCOVER's
    When the E-UE is powered on
    Then the eUE does not take up that OFFER, and takes up a later one with its own transaction id

  @EUE-PROV-6.1.1-01a @MUST
  Scenario: A DHCPNAK to its REQUEST sends the eUE back to a DHCPDISCOVER
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And only the primary server answers the eUE
    And the eUE's DHCPv4 server answers its first REQUEST with a DHCPNAK
    When the E-UE is powered on
    Then the eUE starts over with a DHCPDISCOVER within 11 s of the DHCPNAK

  @EUE-PROV-6.1.1-01a @EUE-PROV-6.1.6-02 @MUST @ics:ipv4
  Scenario: The eUE configures itself from the DHCPACK where it differs from the OFFER
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And only the primary server answers the eUE
    And the eUE's DHCPv4 server's ACK names the syslog server the secondary server where its OFFER named the usual ones
    When the E-UE is powered on
    Then the eUE sends a management event by syslog, facility local0, to the first syslog server it was given
    And no management event of the eUE goes to any other syslog server it was given

  @EUE-PROV-6.1.1-01a @MUST
  Scenario: A server that stops answering makes the eUE renew, then rebind, then start over when its lease expires
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the DHCPv4 leases last 600 seconds
    When the E-UE is powered on
    And the eUE has downloaded its configuration file over TFTP
    And the eUE's DHCPv4 servers stop answering its DHCPREQUESTs
    Then the eUE renews by unicast from T1, rebinds by broadcast from T2, and starts over with a DHCPDISCOVER when the lease has expired
