@ecm @tod
Feature: Obtaining and maintaining the time of day (6.2.1.1 bullet 3, 6.3.2.3)
  The eUE learns the network time from the eCM, which asks the ToD server (RFC 868) its DHCP server named
  (option 4, or CL_OPTION_RFC868_SERVERS) before the eUE starts, and retries it like DHCP when it gets no
  answer. DOCSIS lets the eCM register without the time; the eUE then still starts DHCP, but a Secure-flow eUE
  goes no further than DHCP, re-running its initialisation step one to three times in every 300 seconds and
  reporting a management event after each DHCP exchange, while a Basic or Hybrid eUE carries on. The eUE
  takes the time as soon as the eCM has it, and adopts every later change of the eCM's time, reporting it.

  What the eUE's clock says is seen only in what it stamps with it: the RFC 3164 timestamps of its syslog
  messages. The ToD server serves a time hours away from the headend's clock, so that a message stamped with
  the eCM's time and one stamped with anything else cannot be mistaken for each other (a tolerance of 10 s
  covers latency and rounding). The management events' identifiers come from PKT-EUE-DATA, which the suite
  does not have: the scenarios check that an event reaches the syslog server at the right moment and record
  its text, not its number. Kerberos tickets (6.3.2.3 ¶10) and the Secure flow after DHCP come with the
  Kerberos part of the suite.

  # ---------------------------------------------------------------- 6.2.1.1: the eCM's ToD before the eUE

  @EUE-PROV-6.2.1.1-04 @MUST
  Scenario Outline: The eCM asks for the time of day before the eUE starts provisioning
    Given the eCM is provisioned in <ecm> mode
    When the E-UE is powered on
    Then the eCM asks a time of day server that its DHCP server named for the time before the eUE's first DHCP message

    Examples:
      | ecm  |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.2.1.1-05 @EUE-PROV-6.3.2.3-01 @MUST
  Scenario Outline: With the ToD server silent the eCM retries at growing intervals, then registers and the eUE starts DHCP anyway
    "Suitable retry attempts, similar to DHCP backoff" is not quantified: the check asks for at least one
    retry before the eUE starts, at intervals that do not shrink (half a second of tolerance), and reports them.
    Given the eCM is provisioned in <ecm> mode
    And the ToD server does not answer
    When the E-UE is powered on
    Then the eUE starts provisioning
    And the eCM sends at least 2 time requests, at intervals that do not shrink, before the eUE's first DHCP message

    @EUE-PROV-T2-CM5-CM10-02
    Examples: Table 2
      | ecm  |
      | IPv4 |

    @EUE-PROV-T3-CM5v6-CM10v6-03
    Examples: Table 3
      | ecm  |
      | IPv6 |

  # ---------------------------------------------------------------- 6.3.2.3: without the time

  @EUE-PROV-6.3.2.3-02 @EUE-PROV-6.3.2.3-03 @EUE-PROV-6.3.2.3-07 @EUE-PROV-6.3.2.3-01 @MUST @MUST-NOT
  Scenario Outline: Without the time of day a Secure-flow eUE stops after DHCP and restarts it one to three times every 300 s
    The restarts are new DHCP exchanges (DHCPv4 DISCOVER or DHCPv6 SOLICIT with a new transaction id), counted
    over 1200 s from the first completed exchange: at least one in every 300 s window from there on, and at most
    three in any 300 s. Beyond DHCP the eUE may send nothing (no DNS, no Kerberos, no SNMP, no file transfer),
    and after each completed exchange a management event must reach the syslog server before the next one.
    Given the eUE is provisioned with the Secure flow of realm EXAMPLE.NET in <mode> mode
    And the ToD server does not answer
    When the E-UE is powered on
    Then for 1200 s after its first DHCP exchange the eUE sends nothing beyond DHCP and its management events
    And the eUE starts a new DHCP exchange at least once and at most 3 times in every 300 s
    And after every completed DHCP exchange the eUE sends a management event to the syslog server before its next DHCP exchange

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.3.2.3-05 @EUE-PROV-6.3.2.3-01 @MUST
  Scenario Outline: Without the time of day a Basic or Hybrid eUE goes on provisioning
    Given the eUE is provisioned with the <realm> flow in <mode> mode
    And the ToD server does not answer
    When the E-UE is powered on
    Then the eUE starts provisioning
    And after its DHCP exchange the eUE goes on with the <flow> flow

    Examples:
      | realm    | mode | flow   |
      | BASIC.1  | IPv4 | Basic  |
      | HYBRID.1 | IPv4 | Hybrid |
      | BASIC.2  | IPv6 | Basic  |
      | HYBRID.2 | IPv6 | Hybrid |

  @EUE-PROV-6.3.2.3-06 @MUST
  Scenario Outline: The eUE takes the time of day the moment the eCM obtains it
    The ToD server is silent until the eUE has completed DHCP, then answers with a time 7 h 13 min ahead of the
    headend's clock. Meanwhile the Configuration Server holds back the eUE's file, so that the eUE is still
    provisioning when the eCM gets the time; the file is released once the eCM has received it. Every message
    the eUE stamps after that must carry the new time.
    Given the eUE is provisioned with the BASIC.1 flow in <mode> mode
    And the ToD server does not answer
    When the E-UE is powered on
    And the Configuration Server holds back every file once the eUE has started DHCP
    And the ToD server starts answering 7 h 13 min ahead once the eUE has completed DHCP
    And the Configuration Server serves files again once the eCM has received the time
    Then the eUE's next management event is stamped with the ToD server's time, within 10 s

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  # ---------------------------------------------------------------- 6.3.2.3: changes of the eCM's time

  @EUE-PROV-6.3.2.3-08 @EUE-PROV-6.3.2.3-10 @MUST
  Scenario: When the eCM moves to another ToD server with another time, the eUE adopts it and reports the change
    The eCM's leases last 600 s here, so that it renews after 300 s; from that renewal on its DHCP server names
    another ToD server (the headend's second address), which serves a time 3 h ahead.
    Given the eUE is provisioned with the BASIC.1 flow in a mode it supports
    And the eCM is provisioned in IPv4 mode
    And the eCM's DHCP leases last 600 s
    When the E-UE is powered on
    And the eUE has fetched its configuration file
    And from the eCM's next renewal on its DHCP server names the second ToD server, which runs 3 h ahead
    Then the eCM asks the second ToD server for the time within 600 s
    And the eUE sends a management event to the syslog server within 60 s after the eCM received the new time
    And the eUE's next management event is stamped with the ToD server's time, within 10 s

  @EUE-PROV-6.3.2.3-10 @MUST
  Scenario: When the eCM's time offset changes, the eUE reports the change of time
    Given the eUE is provisioned with the BASIC.1 flow in a mode it supports
    And the eCM is provisioned in IPv4 mode
    And the eCM's DHCP leases last 600 s
    When the E-UE is powered on
    And the eUE has fetched its configuration file
    And from the eCM's next renewal on its DHCP server gives a time offset of 3600 s
    Then the eCM renews its lease within 600 s
    And the eUE sends a management event to the syslog server within 60 s after that renewal
