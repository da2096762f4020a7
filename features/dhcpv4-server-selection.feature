@eue-dhcp-server-selection
Feature: DHCPv4 server selection by the eUE in IPv4 mode (6.3.2.2)
  The eCM's own DHCP server tells the E-UE which DHCPv4 servers may configure the eUE: a primary and
  optionally a secondary address, in option 122 sub-options 1 and 2 when the eCM provisions in IPv4, or in
  CL_OPTION_CCC when it provisions in IPv6. The eCM passes them to the eUE, which then takes an OFFER only
  from a server whose server identifier is one of those addresses. The all-ones address lets it take any
  server's OFFER; the all-zeros address tells it not to provision. Besides the two named servers the headend
  can answer as a third, rogue server (192.0.2.3) that no option names.

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ipv4
  Scenario: The eUE takes the named primary server's OFFER even when a rogue server's OFFER arrives first
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names the primary server as the eUE's primary DHCPv4 server and no secondary
    And a DHCPv4 server that the eCM's options do not name answers the eUE as well
    And the primary server's OFFERs reach the eUE 0.5 s after the other servers' OFFERs
    When the E-UE is powered on
    Then the eUE requests its lease from the primary server

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ipv4
  Scenario: The eUE takes the OFFER of the named secondary server when the primary is silent
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names the primary server as the eUE's primary DHCPv4 server and the secondary server as its secondary
    And only the secondary server answers the eUE
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary server

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ipv4
  Scenario: The eUE refuses the OFFERs of a server the eCM did not name and keeps soliciting
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names the primary server as the eUE's primary DHCPv4 server and the secondary server as its secondary
    And only the rogue server answers the eUE
    When the E-UE is powered on
    Then the eUE takes no OFFER of the rogue server and sends 3 DHCPDISCOVERs without a DHCPREQUEST

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ipv4
  Scenario: With 255.255.255.255 as its primary DHCPv4 server the eUE takes any server's OFFER
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names 255.255.255.255 as the eUE's primary DHCPv4 server and no secondary
    And only the rogue server answers the eUE
    When the E-UE is powered on
    Then the eUE requests its lease from the rogue server

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv4
  Scenario: With 0.0.0.0 as its primary DHCPv4 server the eUE does not provision
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names 0.0.0.0 as the eUE's primary DHCPv4 server and no secondary
    And the eCM's server hands over no DSS_IDs for the eUE
    When the E-UE is powered on
    Then the eUE does not provision: it sends no DHCP message after the eCM has its lease

  @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ecm-ipv6 @ics:ipv4
  Scenario: An eCM provisioned in IPv6 names the eUE's DHCPv4 servers in CL_OPTION_CCC, and the eUE takes only their OFFERs
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names the secondary server as the eUE's primary DHCPv4 server and no secondary
    And a DHCPv4 server that the eCM's options do not name answers the eUE as well
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary server

  @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ecm-ipv6 @ics:ipv4
  Scenario: An eCM provisioned in IPv6: the eUE refuses the OFFERs of a server CL_OPTION_CCC does not name
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And only the rogue server answers the eUE
    When the E-UE is powered on
    Then the eUE takes no OFFER of the rogue server and sends 3 DHCPDISCOVERs without a DHCPREQUEST

  @EUE-PROV-6.2.1.1-03 @EUE-PROV-6.3.2.1-02 @MUST @ics:ecm-ipv6 @ics:ipv4
  Scenario: An eCM provisioned in IPv6 with 255.255.255.255 in CL_OPTION_CCC lets the eUE take any server's OFFER
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names 255.255.255.255 as the eUE's primary DHCPv4 server and no secondary
    And only the rogue server answers the eUE
    When the E-UE is powered on
    Then the eUE requests its lease from the rogue server

  @EUE-PROV-6.2.1.1-03 @MUST @ics:ecm-ipv6 @ics:ipv4
  Scenario: An eCM provisioned in IPv6 with 0.0.0.0 in CL_OPTION_CCC keeps the eUE from provisioning
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the eCM's server names 0.0.0.0 as the eUE's primary DHCPv4 server and no secondary
    And the eCM's server hands over no DSS_IDs for the eUE
    When the E-UE is powered on
    Then the eUE does not provision: it sends no DHCP message after the eCM has its lease
