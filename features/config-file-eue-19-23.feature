@pkt-eue-5
Feature: Configuration file location, lookup, request and response (Table 5 eUE-19 to eUE-23)
  The Hybrid flow's SET (eUE-19) gives the file's URL and hash. A bracketed IPv6 literal host is contacted as it is; an
  FQDN host is resolved with an AAAA query to the DNS server of OPTION_DNS_SERVERS (eUE-20/21). The file is requested
  by the URL's scheme, only once its address is known (eUE-22), and its hash is checked (eUE-23). A failure at the DNS,
  TFTP or HTTP level restarts the eUE with eUE-1 (a new SOLICIT); a file that arrives but is wrong is reported in
  eUE-24/25 instead. In the Basic flow over IPv6 with several TFTP servers the DOCSIS MULPI procedure governs: the eUE
  backs off and retries a silent server, moves to the next, and starts provisioning again when none answers.

  # ---------------------------------------------------------------- eUE-19 / eUE-22: a literal host

  @EUE-PROV-T5-eUE-19-10 @EUE-PROV-T5-eUE-22-01a @EUE-PROV-T5-eUE-22-06 @MUST
  Scenario Outline: A URL whose host is a bracketed IPv6 literal is fetched from that address with no DNS lookup
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Provisioning Server names the configuration file by the URL <url>
    When the E-UE is powered on
    Then the eUE accepts the SET of the configuration file's URL and hash
    And the eUE requests the file by TFTP from 2001:db8:1::1 after the SET, with no DNS lookup

    Examples:
      | url                                                        |
      | tftp://[2001:db8:1::1]/eue1.cfg                            |
      | tftp://[2001:0db8:0001:0000:0000:0000:0000:0001]/eue1.cfg  |

  # ---------------------------------------------------------------- eUE-20/21/22: an FQDN host

  @EUE-PROV-T5-eUE-20-01 @EUE-PROV-T5-eUE-20-02 @MUST
  Scenario: The configuration server's FQDN is resolved by AAAA with the DHCP-given DNS server, after the SET
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Provisioning Server names the configuration file by the URL tftp://config.example.net/eue1.cfg
    When the E-UE is powered on
    Then after the SET the eUE looks up config.example.net with an AAAA query to the DNS server its DHCP server gave

  @EUE-PROV-T5-eUE-22-01a @EUE-PROV-T5-eUE-22-06 @MUST
  Scenario: The TFTP request goes to the address of the DNS answer, and only once the answer is in
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Provisioning Server names the configuration file by the URL tftp://config.example.net/eue1.cfg
    When the E-UE is powered on
    Then the eUE requests the file from the address DNS gave for config.example.net, once it has the answer

  @EUE-PROV-T5-eUE-22-01b @MUST
  Scenario: Given an http URL the eUE fetches its file with an HTTP GET
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the eUE supports HTTP for its configuration file
    And the Provisioning Server names the configuration file by the URL http://config.example.net/eue1.cfg
    When the E-UE is powered on
    Then the eUE fetches eue1.cfg with an HTTP GET, not by TFTP

  # ---------------------------------------------------------------- eUE-20/21 on failure

  @EUE-PROV-T5-eUE-20-03 @MUST
  Scenario: A lookup of the configuration server that nobody answers restarts the eUE with eUE-1
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the DNS server does not answer lookups of config.example.net
    When the E-UE is powered on
    Then the eUE starts over with a new SOLICIT

  @EUE-PROV-T5-eUE-21-02 @MUST
  Scenario Outline: A negative DNS answer for the configuration server restarts the eUE with eUE-1
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And only an IPv4 address of cfg4.example.net is in DNS
    And the Provisioning Server names the configuration file by the URL tftp://<host>/eue1.cfg
    When the E-UE is powered on
    Then the eUE starts over with a new SOLICIT

    Examples:
      | case               | host                |
      | name error         | missing.example.net |
      | no AAAA record     | cfg4.example.net    |

  # ---------------------------------------------------------------- eUE-22/23 on failure

  @EUE-PROV-T5-eUE-22-07 @MUST
  Scenario: A configuration file request the Configuration Server never answers restarts the eUE with eUE-1
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Configuration Server ignores read requests for eue1.cfg
    When the E-UE is powered on
    Then the eUE starts over with a new SOLICIT

  @EUE-PROV-T5-eUE-22-07 @EUE-PROV-T5-eUE-23-05 @MUST
  Scenario: A TFTP ERROR for the configuration file restarts the eUE with eUE-1
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Provisioning Server names the configuration file by the URL tftp://config.example.net/absent.cfg
    When the E-UE is powered on
    Then the eUE starts over with a new SOLICIT

  @EUE-PROV-T5-eUE-22-07 @EUE-PROV-T5-eUE-23-05 @MUST @ics:http-config
  Scenario: An HTTP error status for the configuration file restarts the eUE with eUE-1
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Provisioning Server names the configuration file by the URL http://config.example.net/absent.cfg
    When the E-UE is powered on
    Then the eUE starts over with a new SOLICIT

  @EUE-PROV-T5-eUE-23-05 @MUST
  Scenario: A TFTP transfer that stalls in the middle of the file restarts the eUE with eUE-1
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    And the Configuration Server's TFTP transfer stalls after the first block
    When the E-UE is powered on
    Then the eUE starts over with a new SOLICIT

  # ---------------------------------------------------------------- eUE-22: several TFTP servers in the Basic flow

  @EUE-PROV-T5-eUE-22-04 @MUST
  Scenario: With several TFTP servers the Basic-flow eUE backs off on a silent one and moves to the next
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the eUE's DHCP servers give the TFTP servers a silent server, the headend
    When the E-UE is powered on
    Then the eUE backs off and retries the silent TFTP server, then requests the file from the headend without starting over

  @EUE-PROV-T5-eUE-22-05 @MUST
  Scenario: When no TFTP server answers, the Basic-flow eUE starts provisioning again
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the eUE's DHCP servers give the TFTP servers a silent server, another silent server
    When the E-UE is powered on
    Then the eUE starts provisioning again once no TFTP server has answered

  # ---------------------------------------------------------------- eUE-23: the file itself

  @EUE-PROV-T5-eUE-23-02 @MUST
  Scenario: A file whose hash differs from the SET's is neither applied nor reported as a success
    Either reading of the failed step is accepted: a restart with eUE-1, or a failure status in the final report.
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the configuration file names the P-CSCF
    And the Provisioning Server SETs a hash that does not match the file
    When the E-UE is powered on
    Then the eUE neither applies the file nor reports success

  @EUE-PROV-T5-eUE-23-06 @MUST
  Scenario: A file with an error is reported as failConfigFileError, without a restart
    Given the eUE is provisioned with the HYBRID.2 flow in IPv6 mode
    And the configuration file has no end marker
    When the E-UE is powered on
    Then the eUE reports a configuration file error without starting over
