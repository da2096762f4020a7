@pkt-eue-1 @ecm
Feature: eUE initialization and IP addressing mode selection (6.3.1 paragraph 2, 6.3.2, 6.3.2.1, Table 4)
  Once registered, the eCM decides from the E-UE options of its DHCP server's final answer (the DHCPv4 ACK or
  the DHCPv6 REPLY) whether to start the eUE and in which mode, following Table 4: an eUE DHCPv4 server gives
  IPv4, a DSS_ID gives IPv6, a stated preference picks between the two, IPv6 wins when both come without a
  preference, nothing usable leaves the eUE dormant, and the do-not-provision values (0.0.0.0, DSS_ID 00000000)
  shut it down. Only options the eCM asked for count. A dual-stack eCM takes them from its primary server only.
  A disabled eUE stays silent to IPv6 neighbour discovery.

  The decision is inside the E-UE; the scenarios see it in what the eUE does next: a DHCPv4 DISCOVER (IPv4
  mode), a DHCPv6 SOLICIT (IPv6 mode), or nothing at all, and which of two eUE DHCP servers it takes its lease
  from (the servers the eCM handed over). "Dormant" is checked for 300 s after the eCM finished its own
  provisioning: no DHCP, no router solicitation, nothing from the eUE's addresses.

  # ---------------------------------------------------------------- Table 4: single-stack eUEs

  @EUE-PROV-6.3.2.1-01a @EUE-PROV-6.3.2.1-02 @MUST @ics:ipv4 @ics:!ipv6
  Scenario Outline: An IPv4-only eUE given eUE DHCPv4 server addresses starts in IPv4 with those servers
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over eUE DHCPv4 server addresses only
    And the eCM's DHCP server names only the secondary eUE DHCP server
    When the E-UE is powered on
    Then the eUE starts in IPv4 mode
    And the eUE requests its lease from the secondary eUE DHCP server

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.3.2.1-01b @EUE-PROV-6.3.2.1-02 @MUST @ics:ipv6 @ics:!ipv4
  Scenario Outline: An IPv6-only eUE given DSS_IDs starts in IPv6 with those servers
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over eUE DHCPv6 DSS_IDs only
    And the eCM's DHCP server names only the secondary eUE DHCP server's DSS_ID
    When the E-UE is powered on
    Then the eUE starts in IPv6 mode
    And the eUE requests its lease from the secondary eUE DHCP server

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.3.2-01 @MUST @ics:ipv4 @ics:!ipv6
  Scenario Outline: An IPv4-only eUE offered nothing but an unrequested DSS_ID stays dormant
    The eCM asked only for the eUE's DHCPv4 servers; a CL_V4OPTION_CCCV6 / CL_OPTION_CCCV6 it did not ask for
    must not count, so there is nothing to start the eUE with.
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over no eUE server information
    And the eCM's DHCP server adds unrequested eUE DHCPv6 DSS_IDs with a preference for IPv6
    When the E-UE is powered on
    Then the eUE stays dormant for 300 s

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.3.2-01 @MUST @ics:ipv6 @ics:!ipv4
  Scenario Outline: An IPv6-only eUE offered nothing but unrequested eUE DHCPv4 servers stays dormant
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over no eUE server information
    And the eCM's DHCP server adds unrequested eUE DHCPv4 server addresses with a preference for IPv4
    When the E-UE is powered on
    Then the eUE stays dormant for 300 s

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  # ---------------------------------------------------------------- Table 4: dual-stack eUEs

  @EUE-PROV-6.3.2.1-02 @MUST @ics:dual-stack
  Scenario Outline: A dual-stack eUE is started in the mode Table 4 gives for what the eCM's server handed over
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over <information> with <preference>
    When the E-UE is powered on
    Then the eUE starts in <mode> mode
    And the eUE requests its lease from the primary eUE DHCP server

    @EUE-PROV-6.3.2.1-01c
    Examples: preference for IPv4 with eUE DHCPv4 server addresses
      | ecm  | information                                                | preference              | mode |
      | IPv4 | eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs        | a preference for IPv4   | IPv4 |
      | IPv6 | eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs        | a preference for IPv4   | IPv4 |

    @EUE-PROV-6.3.2.1-01d
    Examples: preference for IPv6 with DSS_IDs
      | ecm  | information                                                | preference              | mode |
      | IPv4 | eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs        | a preference for IPv6   | IPv6 |
      | IPv6 | eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs        | a preference for IPv6   | IPv6 |

    @EUE-PROV-6.3.2.1-01e
    Examples: no preference, eUE DHCPv4 server addresses only
      | ecm  | information                                                | preference              | mode |
      | IPv4 | eUE DHCPv4 server addresses                                | no preference           | IPv4 |
      | IPv6 | eUE DHCPv4 server addresses                                | no preference           | IPv4 |

    @EUE-PROV-6.3.2.1-01f
    Examples: no preference, DSS_IDs only
      | ecm  | information                                                | preference              | mode |
      | IPv4 | eUE DHCPv6 DSS_IDs                                         | no preference           | IPv6 |
      | IPv6 | eUE DHCPv6 DSS_IDs                                         | no preference           | IPv6 |

    @EUE-PROV-6.3.2.1-01g
    Examples: no preference, both
      | ecm  | information                                                | preference              | mode |
      | IPv4 | eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs        | no preference           | IPv6 |
      | IPv6 | eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs        | no preference           | IPv6 |

  # ---------------------------------------------------------------- Table 4: dormant, and reinitialised

  @EUE-PROV-6.3.2.1-01h @EUE-PROV-6.3.2.1-03 @MUST @MUST-NOT
  Scenario Outline: With no eUE server information, even after the retries, the eUE stays dormant until the eCM is reinitialised
    The eCM's server answers without any E-UE option, so the eCM runs its CM3 retries and then registers. The
    eUE must not provision and must stay silent to neighbour discovery; once the eCM is reinitialised with
    usable options (a reset of the E-UE), the eUE starts.
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over no eUE server information
    When the E-UE is powered on
    Then the eUE stays dormant for 300 s
    And the eUE answers no Neighbor Solicitation for its link-local address
    And the eUE answers no Router Solicitation
    When the eCM's DHCP server hands over its usual eUE server information again
    And the E-UE is reset
    Then the eUE starts provisioning

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  # ---------------------------------------------------------------- the shutdown indicators

  @EUE-PROV-6.3.2.1-01i @MUST @ics:ipv4
  Scenario Outline: 0.0.0.0 as the eUE DHCPv4 server keeps the eUE from provisioning in IPv4
    For a dual-stack eUE Table 4 does not say whether it then falls back to IPv6; the scenario only checks that
    it does not provision in IPv4 and records what else it does.
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's DHCP server names 0.0.0.0 as the only eUE DHCP server
    When the E-UE is powered on
    Then the eUE sends no DHCPv4 message within 300 s

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.3.2.1-03 @MUST @MUST-NOT @ics:ipv6
  Scenario Outline: An eUE shut down by a DSS_ID of four zero octets answers no neighbour or router solicitation
    No eUE DHCPv4 server is handed over, so that a dual-stack eUE has no IPv4 mode to fall back to: it is
    shut down whatever it makes of Table 4's silence on that point.
    Given the eCM is provisioned in <ecm> mode
    And the eCM's DHCP server hands over eUE DHCPv6 DSS_IDs only
    And the eCM's DHCP server names 00000000 as the only eUE DSS_ID
    When the E-UE is powered on
    Then the eUE sends no DHCPv6 message within 300 s
    And the eUE answers no Neighbor Solicitation for its link-local address
    And the eUE answers no Router Solicitation

    @EUE-PROV-6.3.2.1-01i
    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.3.2.1-03 @MUST-NOT @ics:ipv6
  Scenario: An eUE disabled by its DHCPv6 servers answers no neighbour or router solicitation for its addresses
    Table 5 eUE-2 disables the eUE when every ADVERTISE says "0.0.0.0" in CL_OPTION_CCCV6 sub-option 3. Such an
    eUE has had a link-local address; once disabled it must not defend it, nor any other address, nor answer
    a Router Solicitation.
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the eUE's DHCPv6 servers tell the eUE to disable itself
    When the E-UE is powered on
    Then the eUE receives an ADVERTISE and then sends no DHCPv6 REQUEST within 60 s
    And the eUE answers no Neighbor Solicitation for its link-local address
    And the eUE answers no Neighbor Solicitation for the address the eUE's DHCPv6 server advertised
    And the eUE answers no Router Solicitation

  # ---------------------------------------------------------------- 6.3.1: dual-stack eCM

  @EUE-PROV-6.3.1-02 @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv4
  Scenario Outline: A dual-stack eCM takes the eUE's DHCPv4 servers from its primary DHCP server only
    Both of the eCM's servers hand over eUE DHCPv4 servers, but different ones; the eUE must take its lease from
    the one named by the server of the eCM's primary provisioning mode (here the "secondary" eUE server, so that
    an eUE that simply takes the first OFFER cannot pass by chance).
    Given the eCM is provisioned dual-stack with <primary> as its primary mode
    And the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's <primary> DHCP server names only the secondary eUE DHCP server
    And the eCM's <other> DHCP server names only the primary eUE DHCP server
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary eUE DHCP server

    Examples:
      | primary | other |
      | IPv4    | IPv6  |
      | IPv6    | IPv4  |

  @EUE-PROV-6.3.1-02 @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv6
  Scenario Outline: A dual-stack eCM takes the eUE's DSS_IDs from its primary DHCP server only
    Given the eCM is provisioned dual-stack with <primary> as its primary mode
    And the eCM's DHCP server prefers the eUE in IPv6 mode
    And the eCM's <primary> DHCP server names only the secondary eUE DHCP server's DSS_ID
    And the eCM's <other> DHCP server names only the primary eUE DHCP server's DSS_ID
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary eUE DHCP server

    Examples:
      | primary | other |
      | IPv4    | IPv6  |
      | IPv6    | IPv4  |

  @EUE-PROV-6.3.1-02 @MUST @ics:dual-stack
  Scenario Outline: A dual-stack eCM takes the IP preference from its primary DHCP server only
    Given the eCM is provisioned dual-stack with <primary> as its primary mode
    And the eCM's <primary> DHCP server states a preference for <mode>
    And the eCM's <other> DHCP server states a preference for <ignored>
    When the E-UE is powered on
    Then the eUE starts in <mode> mode

    Examples:
      | primary | other | mode | ignored |
      | IPv4    | IPv6  | IPv4 | IPv6    |
      | IPv4    | IPv6  | IPv6 | IPv4    |
      | IPv6    | IPv4  | IPv4 | IPv6    |
      | IPv6    | IPv4  | IPv6 | IPv4    |
