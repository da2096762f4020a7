@pkt-eue-1 @ecm
Feature: eCM provisioning in IPv4 mode (Table 2, CM1 to CM10)
  When the CMTS has the eCM provision over IPv4, the eCM runs the DOCSIS DHCPv4 exchange with the E-UE
  additions of Table 2: its DISCOVER asks for exactly the eUE server options its eUE can use (option 122 in
  option 55 for an IPv4 eUE; CL_V4OPTION_CCCV6 and, for a dual-stack eUE, CL_V4OPTION_IP_PREF in the
  CableLabs option request of option 125), it prefers OFFERs that carry what it asked for, retries DISCOVER
  three times when none does, repeats its requests in the REQUEST, and believes the ACK over the OFFER.
  Steps CM5 to CM10 (configuration file, time of day, registration) follow DOCSIS.

  Where the table only says "as specified in DOCSIS", the scenarios check what DOCSIS takes from RFC 2131 and
  what can be seen from the headend: retransmission with growing intervals, a REQUEST only for an OFFER
  received, a restart after a NAK or an unanswered REQUEST, no registration (so no eUE) without the
  configuration file. Registration with the CMTS itself (CM9, CM10) is not visible on the IP side; its
  visible consequence is that the eUE starts (6.3.2.3: never before CM10).

  Background:
    Given the eCM is provisioned in IPv4 mode

  # ---------------------------------------------------------------- CM1

  @EUE-PROV-T2-CM1-01 @MUST
  Scenario: The eCM begins with a broadcast DHCPDISCOVER
    When the E-UE is powered on
    Then the eCM's first DHCPv4 message is a broadcast DHCPDISCOVER from the eCM's MAC address

  @EUE-PROV-T2-CM1-02a @EUE-PROV-6.2.1.1-02 @MUST @ics:ipv4
  Scenario: For an eUE with IPv4 the DHCPDISCOVER asks for option 122
    When the E-UE is powered on
    Then every DHCPDISCOVER of the eCM lists option 122 in its parameter request list

  @EUE-PROV-T2-CM1-02b @MUST
  Scenario: For an eUE without IPv4 the DHCPDISCOVER does not ask for option 122
    When the E-UE is powered on
    Then no DHCPDISCOVER of the eCM lists option 122 in its parameter request list

  @EUE-PROV-T2-CM1-04a @EUE-PROV-6.2.1.1-02 @MUST @ics:ipv6
  Scenario: For an eUE with IPv6 the DHCPDISCOVER asks for CL_V4OPTION_CCCV6
    When the E-UE is powered on
    Then every DHCPDISCOVER of the eCM requests CL_V4OPTION_CCCV6 in the CableLabs option request of option 125

  @EUE-PROV-T2-CM1-04b @MUST
  Scenario: For an eUE without IPv6 the DHCPDISCOVER does not ask for CL_V4OPTION_CCCV6
    When the E-UE is powered on
    Then no DHCPDISCOVER of the eCM requests CL_V4OPTION_CCCV6 in the CableLabs option request of option 125

  @EUE-PROV-T2-CM1-05a @EUE-PROV-6.2.1.1-02 @MUST @ics:dual-stack
  Scenario: For a dual-stack eUE the DHCPDISCOVER asks for option 122, CL_V4OPTION_CCCV6 and CL_V4OPTION_IP_PREF
    When the E-UE is powered on
    Then every DHCPDISCOVER of the eCM lists option 122 in its parameter request list
    And every DHCPDISCOVER of the eCM requests CL_V4OPTION_CCCV6 in the CableLabs option request of option 125
    And every DHCPDISCOVER of the eCM requests CL_V4OPTION_IP_PREF in the CableLabs option request of option 125

  @EUE-PROV-T2-CM1-05b @MUST
  Scenario: For an eUE that is not dual-stack the DHCPDISCOVER does not ask for CL_V4OPTION_IP_PREF
    When the E-UE is powered on
    Then no DHCPDISCOVER of the eCM requests CL_V4OPTION_IP_PREF in the CableLabs option request of option 125

  @EUE-PROV-T2-CM1-03 @EUE-PROV-T2-CM2-04 @EUE-PROV-T2-CM2-02 @MUST
  Scenario: Without any DHCPOFFER the eCM retransmits its DHCPDISCOVER at growing intervals and requests nothing
    RFC 2131 section 4.1, which DOCSIS applies: no answer means retransmission with an exponential backoff
    (4, 8, 16 s and so on, each transmission randomised by up to a second). The check asks for at least three
    retransmissions within two minutes, no interval shorter than the one before by more than 2 s, the third at
    least twice the first (less 2 s), and no DHCPREQUEST at all, since nothing was offered.
    Given the eCM's DHCP server does not answer the eCM
    When the E-UE is powered on
    Then the eCM retransmits its DHCPDISCOVER at least 3 times within 120 s, at exponentially growing intervals
    And the eCM sends no DHCPREQUEST within 120 s
    And the eUE sends no DHCP message within 120 s

  @EUE-PROV-T2-CM2-04 @EUE-PROV-T2-CM2-02 @MUST
  Scenario: DHCPOFFERs for another transaction are no answer: the eCM keeps retransmitting its DHCPDISCOVER
    An OFFER whose transaction id is not the DISCOVER's is not an answer to it (RFC 2131 section 4.4.1); the
    eCM must behave as if it had received nothing.
    Given the eCM's DHCP server answers with DHCPOFFERs carrying another transaction id
    When the E-UE is powered on
    Then the eCM retransmits its DHCPDISCOVER at least 3 times within 120 s, at exponentially growing intervals
    And the eCM sends no DHCPREQUEST within 120 s

  # ---------------------------------------------------------------- CM2, CM3: selection

  @EUE-PROV-T2-CM2-02 @MUST
  Scenario: The eCM's DHCPREQUEST is for a DHCPOFFER it received
    When the E-UE is powered on
    Then the eCM's first DHCPREQUEST answers a DHCPOFFER it received: same transaction, that server, that address

  @EUE-PROV-T2-CM3-03 @EUE-PROV-T2-CM3-01 @MUST @ics:dual-stack
  Scenario Outline: A dual-stack eCM takes an OFFER that carries only one of the two E-UE options without retrying
    The eCM asked for option 122 and CL_V4OPTION_CCCV6; an OFFER with either one meets the criteria, so the
    eCM must not run the CM3 DISCOVER retries. The eUE then starts in the mode of the option it got (Table 4).
    Given the eCM's DHCP server hands over <information> only
    When the E-UE is powered on
    Then the eCM requests a lease after its first DHCPDISCOVER, without retrying it
    And the eUE starts in <mode> mode

    Examples:
      | information                     | mode |
      | eUE DHCPv4 server addresses     | IPv4 |
      | eUE DHCPv6 DSS_IDs              | IPv6 |

  @EUE-PROV-T2-CM3-04 @EUE-PROV-T2-CM3-01 @MUST @ics:dual-stack
  Scenario Outline: The eCM prefers the DHCPOFFER that carries option 122, CL_V4OPTION_CCCV6 and CL_V4OPTION_IP_PREF
    Two DOCSIS servers answer; one OFFER has option 122 only, the other has everything the eCM asked for. The
    eCM must request from the complete one whichever arrives first (the other arrives 200 ms later).
    Given a second DOCSIS DHCP server answers the eCM as well
    And the first DOCSIS server's replies carry option 122 only
    And the <earlier> DOCSIS server's replies arrive first
    When the E-UE is powered on
    Then the eCM requests its lease from the second DOCSIS server

    Examples:
      | earlier |
      | first   |
      | second  |

  @EUE-PROV-T2-CM3-05 @EUE-PROV-T2-CM3-01 @MUST @ics:ipv4 @ics:!ipv6
  Scenario: An eCM that asked only for option 122 ignores an unrequested CL_V4OPTION_CCCV6 and its preference
    Given the eCM's DHCP server hands over eUE DHCPv4 server addresses only
    And the eCM's DHCP server adds unrequested eUE DHCPv6 DSS_IDs with a preference for IPv6
    When the E-UE is powered on
    Then the eCM requests a lease after its first DHCPDISCOVER, without retrying it
    And the eUE starts in IPv4 mode

  @EUE-PROV-T2-CM3-05 @EUE-PROV-T2-CM3-01 @MUST @ics:ipv6 @ics:!ipv4
  Scenario: An eCM that asked only for CL_V4OPTION_CCCV6 ignores an unrequested option 122 and its preference
    Given the eCM's DHCP server hands over eUE DHCPv6 DSS_IDs only
    And the eCM's DHCP server adds unrequested eUE DHCPv4 server addresses with a preference for IPv4
    When the E-UE is powered on
    Then the eCM requests a lease after its first DHCPDISCOVER, without retrying it
    And the eUE starts in IPv6 mode

  @EUE-PROV-T2-CM3-06 @EUE-PROV-T2-CM3-01 @MUST
  Scenario Outline: The eCM chooses the DHCPOFFER with the requested E-UE options over one without any
    Given a second DOCSIS DHCP server answers the eCM as well
    And the first DOCSIS server's replies carry no E-UE option
    And the <earlier> DOCSIS server's replies arrive first
    When the E-UE is powered on
    Then the eCM requests its lease from the second DOCSIS server
    And the eUE starts provisioning

    Examples:
      | earlier |
      | first   |
      | second  |

  @EUE-PROV-T2-CM3-07 @EUE-PROV-T2-CM3-08 @EUE-PROV-T2-CM3-01 @EUE-PROV-6.3.2.1-01h @MUST
  Scenario: With no OFFER carrying the E-UE options the eCM retries DISCOVER three times, then takes an OFFER and leaves the eUE dormant
    The spec's intervals (2, 4 and 8 s) are an example: the check asks for exactly three retried DISCOVERs
    after rounds that brought OFFERs, each interval at least one and a half times the one before (half a
    second of tolerance), every retry still carrying the E-UE requests; then a REQUEST for one of the OFFERs,
    the rest of the eCM's registration, and no provisioning attempt from the eUE.
    Given the eCM's DHCP server's replies carry no E-UE option
    When the E-UE is powered on
    Then the eCM sends its DHCPDISCOVER 3 more times, at exponentially growing intervals, before it requests a lease
    And every DHCPDISCOVER of the eCM asks for the E-UE options its eUE supports
    And the eCM then requests one of the offered leases and goes on with its registration
    And the eUE stays dormant for 300 s

  @EUE-PROV-T2-CM3-09 @MUST
  Scenario: The eCM's DHCPREQUEST asks for the same options as its DHCPDISCOVER
    When the E-UE is powered on
    Then the eCM's DHCPREQUEST repeats the parameter request list and the CableLabs option request of its DHCPDISCOVER

  @EUE-PROV-T2-CM3-02 @EUE-PROV-T2-CM4-01 @MUST
  Scenario: With its DHCPREQUEST unanswered the eCM retransmits it, then starts over with DHCPDISCOVER
    RFC 2131 sections 4.1 and 4.4.1: the REQUEST is retransmitted with a growing interval and, when no ACK or
    NAK comes, the client goes back to INIT and sends a new DISCOVER.
    Given the eCM's DHCP server ignores every DHCPREQUEST of the eCM
    When the E-UE is powered on
    Then the eCM retransmits its DHCPREQUEST at exponentially growing intervals and then starts again with a DHCPDISCOVER within 180 s
    And the eUE sends no DHCP message within 180 s

  @EUE-PROV-T2-CM4-01 @MUST
  Scenario: A DHCPNAK sends the eCM back to DHCPDISCOVER
    RFC 2131 section 3.1, step 5: a client that receives a NAK restarts the configuration process. The eUE must
    not start on the strength of the refused lease.
    Given the eCM's DHCP server refuses the eCM's first DHCPREQUEST with a DHCPNAK
    When the E-UE is powered on
    Then after the DHCPNAK the eCM starts again with a DHCPDISCOVER within 60 s
    And the eUE sends its first DHCP message only after the eCM's DHCPACK

  # ---------------------------------------------------------------- CM4: the ACK is authoritative

  @EUE-PROV-T2-CM4-03 @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv4
  Scenario: The eUE DHCPv4 server named in the DHCPACK wins over the one in the DHCPOFFER
    Given the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's DHCPOFFER names only the primary eUE DHCP server
    And the eCM's DHCPACK names only the secondary eUE DHCP server
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary eUE DHCP server

  @EUE-PROV-T2-CM4-03 @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv6
  Scenario: The eUE DSS_ID named in the DHCPACK wins over the one in the DHCPOFFER
    Given the eCM's DHCP server prefers the eUE in IPv6 mode
    And the eCM's DHCPOFFER names only the primary eUE DHCP server's DSS_ID
    And the eCM's DHCPACK names only the secondary eUE DHCP server's DSS_ID
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary eUE DHCP server

  @EUE-PROV-T2-CM4-03 @MUST @ics:dual-stack
  Scenario Outline: The IP preference in the DHCPACK wins over the one in the DHCPOFFER
    Given the eCM's DHCPOFFER states a preference for <offered>
    And the eCM's DHCPACK states a preference for <acknowledged>
    When the E-UE is powered on
    Then the eUE starts in <acknowledged> mode

    Examples:
      | offered | acknowledged |
      | IPv6    | IPv4         |
      | IPv4    | IPv6         |

  # ---------------------------------------------------------------- CM5 to CM10

  @EUE-PROV-T2-CM5-CM10-01 @EUE-PROV-6.3.2.3-11 @MUST @MUST-NOT
  Scenario: After its DHCPACK the eCM fetches its configuration file and the time of day, and only then starts the eUE
    Given the eCM's DHCP server hands over eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs
    When the E-UE is powered on
    Then after its DHCPACK the eCM downloads the DOCSIS configuration file that the DHCPACK names
    And after its DHCPACK the eCM asks a time of day server that the DHCPACK names for the time
    And the eUE sends its first DHCP message only after the eCM has its configuration file and its time of day

  @EUE-PROV-T2-CM5-CM10-02 @EUE-PROV-6.3.2.3-11 @MUST @MUST-NOT
  Scenario: Without its configuration file the eCM does not register, tries again, and never starts the eUE
    DOCSIS does not let a cable modem register without its configuration file; it retries the download or
    reinitialises. Either counts; what must not happen is registration, and so no eUE DHCP (6.3.2.3).
    Given the Configuration Server does not have the eCM's DOCSIS configuration file
    When the E-UE is powered on
    Then the eCM asks for its DOCSIS configuration file again, or starts over with a DHCPDISCOVER, within 120 s
    And the eUE sends no DHCP message within 300 s
