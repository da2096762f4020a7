@pkt-eue-1 @ecm
Feature: The eUE's DHCP servers as the eCM hands them over (6.2.1.1, 6.4.1.1, 6.4.1.2, 6.4.1.4)
  The eCM learns who may configure its eUE from its own DHCP server: eUE DHCPv4 server addresses in option 122
  sub-options 1 and 2 (IPv4 eCM) or CL_OPTION_CCC (IPv6 eCM), and eUE DHCPv6 server DSS_IDs in
  CL_V4OPTION_CCCV6 (IPv4 eCM) or CL_OPTION_CCCV6 (IPv6 eCM). It relays them to the eUE, which then accepts
  offers only from those servers. Special values: 0.0.0.0 and a DSS_ID of four zero octets mean "do not
  provision"; 255.255.255.255 and a DSS_ID of four 0xFF octets mean "any server". Of a DSS_ID longer than 32
  octets only the first 32 count.

  The hand-over is inside the E-UE; the scenarios see it in the eUE's choice of server. The headend runs
  three eUE DHCP servers: "primary" and "secondary" (the ones the eCM normally names) and, where a scenario
  adds it, a "rogue" one the eCM is never told about.

  # ---------------------------------------------------------------- option 122 (eCM side) and CL_OPTION_CCC

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv4
  Scenario Outline: The eUE takes its IPv4 lease from the server option 122 sub-option 1 names, and from no other
    Given the eCM is provisioned in IPv4 mode
    And the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's DHCP server names only the <named> eUE DHCP server
    When the E-UE is powered on
    Then the eUE requests its lease from the <named> eUE DHCP server

    Examples:
      | named     |
      | primary   |
      | secondary |

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.3.2.1-01i @MUST @ics:ipv4
  Scenario: 0.0.0.0 in option 122 sub-option 1 keeps the eUE from provisioning in IPv4
    Given the eCM is provisioned in IPv4 mode
    And the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's DHCP server names 0.0.0.0 as the only eUE DHCP server
    When the E-UE is powered on
    Then the eUE sends no DHCPv4 message within 300 s

  @EUE-PROV-6.4.1.1-01a @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv4
  Scenario: 255.255.255.255 in option 122 sub-option 1 lets the eUE take an IPv4 lease from any server
    Given the eCM is provisioned in IPv4 mode
    And the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's DHCP server names 255.255.255.255 as the only eUE DHCP server
    And only a rogue eUE DHCP server, one the eCM was not told about, answers the eUE
    When the E-UE is powered on
    Then the eUE requests its lease from the rogue eUE DHCP server

  # ---------------------------------------------------------------- option 122 (eUE side)

  @EUE-PROV-6.4.1.1-01b @MUST
  Scenario Outline: The realm in option 122 sub-option 6 selects the eUE's flow
    BASIC realms have the eUE fetch the file DHCP named, with no provisioning server; HYBRID realms have it go
    to the provisioning server of sub-option 3 first (here an FQDN, so its first step is the DNS lookup).
    Given the eUE is provisioned with the <realm> flow in IPv4 mode
    When the E-UE is powered on
    Then after its DHCP exchange the eUE goes on with the <flow> flow

    Examples:
      | realm    | flow   |
      | BASIC.1  | Basic  |
      | HYBRID.1 | Hybrid |

  @EUE-PROV-6.4.1.1-01b @MUST
  Scenario: The eUE goes to the provisioning server that option 122 sub-option 3 names
    Given the eUE is provisioned with the HYBRID.1 flow in IPv4 mode
    And the eUE's DHCP servers name prov2.example.net as the provisioning server
    When the E-UE is powered on
    Then after its DHCP exchange the eUE looks up prov2.example.net in DNS

  # ---------------------------------------------------------------- DSS_IDs: CL_V4OPTION_CCCV6 and CL_OPTION_CCCV6

  @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv6
  Scenario Outline: The eUE takes its IPv6 lease from the server whose DSS_ID the eCM was given
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server prefers the eUE in IPv6 mode
    And the eCM's DHCP server names only the <named> eUE DHCP server's DSS_ID
    When the E-UE is powered on
    Then the eUE requests its lease from the <named> eUE DHCP server

    Examples:
      | ecm  | named     |
      | IPv4 | primary   |
      | IPv4 | secondary |
      | IPv6 | primary   |
      | IPv6 | secondary |

  @EUE-PROV-6.4.1.2-02 @MUST
  Scenario: Of a DSS_ID longer than 32 octets in CL_V4OPTION_CCCV6 the eCM keeps the first 32
    The eUE's DHCPv6 server identifies itself with a 32-octet DSS_ID; the eCM is given that DSS_ID with eight
    more octets after it. Only the first 32 count, so the eUE must accept that server. A device that compares
    all 40 octets, or throws the long value away, finds no server it may use.
    Given the eCM is provisioned in IPv4 mode
    And the eCM's DHCP server prefers the eUE in IPv6 mode
    And an eUE DHCP server with a 32-octet DSS_ID answers the eUE besides the secondary one
    And the eCM's DHCP server names that 32-octet DSS_ID with 8 more octets after it as the only eUE DSS_ID
    When the E-UE is powered on
    Then the eUE requests its lease from the eUE DHCP server with the 32-octet DSS_ID

  @MUST @ics:ipv6
  Scenario Outline: A DSS_ID of four zero octets from the eCM keeps the eUE from provisioning in IPv6
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server prefers the eUE in IPv6 mode
    And the eCM's DHCP server names 00000000 as the only eUE DSS_ID
    When the E-UE is powered on
    Then the eUE sends no DHCPv6 message within 300 s

    @EUE-PROV-6.4.1.2-03a
    Examples: eCM in IPv4 mode: CL_V4OPTION_CCCV6
      | ecm  |
      | IPv4 |

    @EUE-PROV-6.4.1.4-03a
    Examples: eCM in IPv6 mode: CL_OPTION_CCCV6
      | ecm  |
      | IPv6 |

  @MUST @ics:ipv6
  Scenario Outline: A DSS_ID of four 0xFF octets from the eCM lets the eUE take an IPv6 lease from any server
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server prefers the eUE in IPv6 mode
    And the eCM's DHCP server names FFFFFFFF as the only eUE DSS_ID
    And only a rogue eUE DHCP server, one the eCM was not told about, answers the eUE
    When the E-UE is powered on
    Then the eUE requests its lease from the rogue eUE DHCP server

    @EUE-PROV-6.4.1.2-03b
    Examples: eCM in IPv4 mode: CL_V4OPTION_CCCV6
      | ecm  |
      | IPv4 |

    @EUE-PROV-6.4.1.4-03b
    Examples: eCM in IPv6 mode: CL_OPTION_CCCV6
      | ecm  |
      | IPv6 |
