@pkt-eue-1 @ecm
Feature: eCM provisioning in IPv6 mode (Table 3, CM1v6 to CM10v6)
  When the CMTS has the eCM provision over IPv6, the eCM runs the DOCSIS DHCPv6 exchange with the E-UE
  additions of Table 3: the CableLabs option request (CL_OPTION_ORO, inside OPTION_VENDOR_OPTS for enterprise
  4491) of its SOLICIT asks for CL_OPTION_CCC for an IPv4 eUE, CL_OPTION_CCCV6 for an IPv6 eUE, and both with
  CL_OPTION_IP_PREF for a dual-stack one; it prefers ADVERTISEs that carry what it asked for, retries SOLICIT
  three times when none does, sends the REQUEST to the chosen server with the same requests, and believes the
  REPLY over the ADVERTISE. CM5v6 to CM10v6 follow DOCSIS.

  Table 3 is written for the four-message exchange: the headend does not honour Rapid Commit here, so that the
  ADVERTISE and REQUEST steps happen whatever the eCM puts in its SOLICIT. Where the table says "as specified
  in DOCSIS" the checks are those of RFC 3315 that can be seen from the headend (retransmission with a growing
  RT, a REQUEST only to an advertised server, a new SOLICIT after a failed exchange), and no eUE before
  registration.

  Background:
    Given the eCM is provisioned in IPv6 mode
    And the eCM's DHCPv6 server does not honour Rapid Commit

  # ---------------------------------------------------------------- CM1v6

  @EUE-PROV-T3-CM1v6-02 @MUST
  Scenario: The eCM begins with a DHCPv6 SOLICIT to All_DHCP_Relay_Agents_and_Servers
    When the E-UE is powered on
    Then the eCM's first DHCPv6 message is a SOLICIT to ff02::1:2 from a link-local address, with the eCM's client identifier

  @EUE-PROV-T3-CM1v6-01a @EUE-PROV-6.2.1.1-02 @MUST @ics:ipv4
  Scenario: For an eUE with IPv4 the SOLICIT asks for CL_OPTION_CCC
    When the E-UE is powered on
    Then every SOLICIT of the eCM requests CL_OPTION_CCC in its CableLabs option request

  @EUE-PROV-T3-CM1v6-01b @EUE-PROV-6.2.1.1-02 @MUST @ics:ipv6
  Scenario: For an eUE with IPv6 the SOLICIT asks for CL_OPTION_CCCV6
    When the E-UE is powered on
    Then every SOLICIT of the eCM requests CL_OPTION_CCCV6 in its CableLabs option request

  @EUE-PROV-T3-CM1v6-01c @EUE-PROV-6.2.1.1-02 @MUST @ics:dual-stack
  Scenario: For a dual-stack eUE the SOLICIT asks for CL_OPTION_CCC, CL_OPTION_CCCV6 and CL_OPTION_IP_PREF
    When the E-UE is powered on
    Then every SOLICIT of the eCM requests CL_OPTION_CCC in its CableLabs option request
    And every SOLICIT of the eCM requests CL_OPTION_CCCV6 in its CableLabs option request
    And every SOLICIT of the eCM requests CL_OPTION_IP_PREF in its CableLabs option request

  @EUE-PROV-T3-CM1v6-01d @MUST @ics:ipv4 @ics:!ipv6
  Scenario: For an IPv4-only eUE the SOLICIT asks neither for CL_OPTION_CCCV6 nor for CL_OPTION_IP_PREF
    When the E-UE is powered on
    Then no SOLICIT of the eCM requests CL_OPTION_CCCV6 in its CableLabs option request
    And no SOLICIT of the eCM requests CL_OPTION_IP_PREF in its CableLabs option request

  @EUE-PROV-T3-CM1v6-01d @MUST @ics:ipv6 @ics:!ipv4
  Scenario: For an IPv6-only eUE the SOLICIT asks neither for CL_OPTION_CCC nor for CL_OPTION_IP_PREF
    When the E-UE is powered on
    Then no SOLICIT of the eCM requests CL_OPTION_CCC in its CableLabs option request
    And no SOLICIT of the eCM requests CL_OPTION_IP_PREF in its CableLabs option request

  @EUE-PROV-T3-CM1v6-03 @EUE-PROV-T3-CM3v6-02 @MUST
  Scenario: Without any ADVERTISE the eCM retransmits its SOLICIT at growing intervals and requests nothing
    RFC 3315 sections 14 and 17.1.2: the SOLICIT is retransmitted (same transaction id) with an RT that roughly
    doubles (ten per cent of randomisation) up to SOL_MAX_RT. The check asks for at least three retransmissions
    within two minutes, each interval at least one and a half times the one before, and no REQUEST.
    Given the eCM's DHCP server does not answer the eCM
    When the E-UE is powered on
    Then the eCM retransmits its SOLICIT at least 3 times within 120 s, at exponentially growing intervals
    And the eCM sends no DHCPv6 REQUEST within 120 s
    And the eUE sends no DHCP message within 120 s

  # ---------------------------------------------------------------- CM2v6, CM3v6: selection

  @EUE-PROV-T3-CM3v6-02 @EUE-PROV-T3-CM3v6-10 @MUST
  Scenario: The eCM's REQUEST goes to a server whose ADVERTISE it received
    When the E-UE is powered on
    Then the eCM's first DHCPv6 REQUEST follows an ADVERTISE and names that ADVERTISE's server identifier

  @EUE-PROV-T3-CM3v6-04 @EUE-PROV-T3-CM3v6-01 @MUST @ics:dual-stack
  Scenario Outline: A dual-stack eCM takes an ADVERTISE that carries only one of the two E-UE options without retrying
    Given the eCM's DHCP server hands over <information> only
    When the E-UE is powered on
    Then the eCM requests a lease after its first SOLICIT, without retrying it
    And the eUE starts in <mode> mode

    Examples:
      | information                     | mode |
      | eUE DHCPv4 server addresses     | IPv4 |
      | eUE DHCPv6 DSS_IDs              | IPv6 |

  @EUE-PROV-T3-CM3v6-05 @EUE-PROV-T3-CM3v6-10 @EUE-PROV-T3-CM3v6-01 @MUST @ics:dual-stack
  Scenario Outline: The eCM prefers the ADVERTISE that carries CL_OPTION_CCC, CL_OPTION_CCCV6 and CL_OPTION_IP_PREF
    The incomplete ADVERTISE also carries the highest RFC 3315 server preference (255), which the E-UE rule
    overrides. Whichever ADVERTISE arrives first, the REQUEST must name the complete one's server.
    Given a second DOCSIS DHCP server answers the eCM as well
    And the first DOCSIS server's replies carry CL_OPTION_CCC only
    And the first DOCSIS server's ADVERTISEs carry the highest server preference
    And the <earlier> DOCSIS server's replies arrive first
    When the E-UE is powered on
    Then the eCM requests its lease from the second DOCSIS server

    Examples:
      | earlier |
      | first   |
      | second  |

  @EUE-PROV-T3-CM3v6-06 @EUE-PROV-T3-CM3v6-01 @MUST @ics:ipv4 @ics:!ipv6
  Scenario: An eCM that asked only for CL_OPTION_CCC ignores an unrequested CL_OPTION_CCCV6 and its preference
    Given the eCM's DHCP server hands over eUE DHCPv4 server addresses only
    And the eCM's DHCP server adds unrequested eUE DHCPv6 DSS_IDs with a preference for IPv6
    When the E-UE is powered on
    Then the eCM requests a lease after its first SOLICIT, without retrying it
    And the eUE starts in IPv4 mode

  @EUE-PROV-T3-CM3v6-06 @EUE-PROV-T3-CM3v6-01 @MUST @ics:ipv6 @ics:!ipv4
  Scenario: An eCM that asked only for CL_OPTION_CCCV6 ignores an unrequested CL_OPTION_CCC and its preference
    Given the eCM's DHCP server hands over eUE DHCPv6 DSS_IDs only
    And the eCM's DHCP server adds unrequested eUE DHCPv4 server addresses with a preference for IPv4
    When the E-UE is powered on
    Then the eCM requests a lease after its first SOLICIT, without retrying it
    And the eUE starts in IPv6 mode

  @EUE-PROV-T3-CM3v6-07 @EUE-PROV-T3-CM3v6-10 @EUE-PROV-T3-CM3v6-01 @MUST
  Scenario Outline: The eCM chooses the ADVERTISE with the requested E-UE options over one without any
    The ADVERTISE without E-UE options carries the highest RFC 3315 server preference (255).
    Given a second DOCSIS DHCP server answers the eCM as well
    And the first DOCSIS server's replies carry no E-UE option
    And the first DOCSIS server's ADVERTISEs carry the highest server preference
    And the <earlier> DOCSIS server's replies arrive first
    When the E-UE is powered on
    Then the eCM requests its lease from the second DOCSIS server
    And the eUE starts provisioning

    Examples:
      | earlier |
      | first   |
      | second  |

  @EUE-PROV-T3-CM3v6-08 @EUE-PROV-T3-CM3v6-09 @EUE-PROV-T3-CM3v6-01 @EUE-PROV-6.3.2.1-01h @MUST
  Scenario: With no ADVERTISE carrying the E-UE options the eCM retries SOLICIT three times, then takes one and leaves the eUE dormant
    The retries are new SOLICIT exchanges (new transaction ids), not RFC 3315 retransmissions: ADVERTISEs did
    arrive. The spec's intervals (2, 4 and 8 s) are an example: the check asks for exactly three retries, each
    interval at least one and a half times the one before (half a second of tolerance).
    Given the eCM's DHCP server's replies carry no E-UE option
    When the E-UE is powered on
    Then the eCM sends its SOLICIT 3 more times, at exponentially growing intervals, before it requests a lease
    And every SOLICIT of the eCM asks for the E-UE options its eUE supports
    And the eCM then requests one of the offered leases and goes on with its registration
    And the eUE stays dormant for 300 s

  @EUE-PROV-T3-CM3v6-11 @MUST
  Scenario: The eCM's DHCPv6 REQUEST asks for the same E-UE options as its SOLICIT
    When the E-UE is powered on
    Then the eCM's DHCPv6 REQUEST repeats the CableLabs option request of its SOLICIT

  @EUE-PROV-T3-CM3v6-03 @EUE-PROV-T3-CM4v6-02 @MUST
  Scenario: With its DHCPv6 REQUEST unanswered the eCM retransmits it at growing intervals
    RFC 3315 section 18.1.1: the REQUEST is retransmitted (same transaction id) with an RT that roughly doubles
    (each interval at least one and a half times the one before) up to REQ_MAX_RT; the eCM gets no address and
    so never registers, and the eUE never starts.
    Given the eCM's DHCP server ignores every DHCPv6 REQUEST of the eCM
    When the E-UE is powered on
    Then the eCM retransmits its DHCPv6 REQUEST at least 3 times within 60 s, at exponentially growing intervals
    And the eUE sends no DHCP message within 180 s

  @EUE-PROV-T3-CM4v6-02 @MUST
  Scenario: A REPLY that gives no address sends the eCM back to SOLICIT
    RFC 3315 sections 18.1.8 and 17.1.3: a REPLY whose IA carries the status NoAddrsAvail binds nothing; the
    client starts over with a SOLICIT (a new transaction). The eUE must not start on it.
    Given the eCM's DHCP server answers the eCM's first DHCPv6 REQUEST with a REPLY that has no address
    When the E-UE is powered on
    Then after that REPLY the eCM starts again with a SOLICIT within 60 s
    And the eUE sends its first DHCP message only after the eCM's REPLY with an address

  # ---------------------------------------------------------------- CM4v6: the REPLY is authoritative

  @EUE-PROV-T3-CM4v6-04 @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv4
  Scenario: The eUE DHCPv4 server named in the REPLY wins over the one in the ADVERTISE
    Given the eCM's DHCP server prefers the eUE in IPv4 mode
    And the eCM's ADVERTISE names only the primary eUE DHCP server
    And the eCM's REPLY names only the secondary eUE DHCP server
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary eUE DHCP server

  @EUE-PROV-T3-CM4v6-04 @EUE-PROV-6.2.1.1-03 @MUST @ics:ipv6
  Scenario: The eUE DSS_ID named in the REPLY wins over the one in the ADVERTISE
    Given the eCM's DHCP server prefers the eUE in IPv6 mode
    And the eCM's ADVERTISE names only the primary eUE DHCP server's DSS_ID
    And the eCM's REPLY names only the secondary eUE DHCP server's DSS_ID
    When the E-UE is powered on
    Then the eUE requests its lease from the secondary eUE DHCP server

  @EUE-PROV-T3-CM4v6-04 @MUST @ics:dual-stack
  Scenario Outline: The IP preference in the REPLY wins over the one in the ADVERTISE
    Given the eCM's ADVERTISE states a preference for <offered>
    And the eCM's REPLY states a preference for <acknowledged>
    When the E-UE is powered on
    Then the eUE starts in <acknowledged> mode

    Examples:
      | offered | acknowledged |
      | IPv6    | IPv4         |
      | IPv4    | IPv6         |

  # ---------------------------------------------------------------- CM5v6 to CM10v6

  @EUE-PROV-T3-CM5v6-CM10v6-02 @EUE-PROV-6.3.2.3-11 @MUST @MUST-NOT
  Scenario: After its REPLY the eCM fetches its configuration file and the time of day, and only then starts the eUE
    Given the eCM's DHCP server hands over eUE DHCPv4 server addresses and eUE DHCPv6 DSS_IDs
    When the E-UE is powered on
    Then after its REPLY the eCM downloads the DOCSIS configuration file that the REPLY names
    And after its REPLY the eCM asks a time of day server that the REPLY names for the time
    And the eUE sends its first DHCP message only after the eCM has its configuration file and its time of day

  @EUE-PROV-T3-CM5v6-CM10v6-03 @EUE-PROV-6.3.2.3-11 @MUST @MUST-NOT
  Scenario: Without its configuration file the eCM does not register, tries again, and never starts the eUE
    Given the Configuration Server does not have the eCM's DOCSIS configuration file
    When the E-UE is powered on
    Then the eCM asks for its DOCSIS configuration file again, or starts over with a SOLICIT, within 120 s
    And the eUE sends no DHCP message within 300 s
