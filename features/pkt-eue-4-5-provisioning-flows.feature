@pkt-eue-4 @pkt-eue-5
Feature: Basic and Hybrid provisioning flows after DHCP (6.1.4, 6.1.5, Table 5 eUE-4 note, 6.4.1.1)
  The realm the eUE's DHCP server gives (122.6 in IPv4 mode, CL_OPTION_CCCV6 sub-option 6 in IPv6 mode) selects the
  PacketCable 1.5 flow. In the Basic flow the eUE takes its configuration file from DHCP and uses pkt-eue-4 only,
  optionally, for its final status report. In the Hybrid flow it enrolls with an SNMPv2c INFORM, accepts the SET of
  the file's URL and hash, and downloads that file; no Kerberos is involved. Whether BASIC.1/HYBRID.1 leave out the
  final report that BASIC.2/HYBRID.2 send is a PKT-PROV1.5 rule this suite could not verify, so these scenarios never
  judge a missing status report in the Basic flow.

  @EUE-PROV-6.1.4-01a @MUST
  Scenario Outline: A Basic-flow eUE fetches its file without enrolling with the Provisioning Server
    Given the eUE is provisioned with the <realm> flow in <mode> mode
    When the E-UE is powered on
    Then the eUE requests its configuration file by TFTP from the server and with the name DHCP gave
    And the eUE sends the Provisioning Server no enrollment INFORM

    Examples:
      | realm   | mode |
      | BASIC.1 | IPv4 |
      | BASIC.1 | IPv6 |
      | BASIC.2 | IPv4 |
      | BASIC.2 | IPv6 |

  @EUE-PROV-6.1.4-02a @MUST
  Scenario Outline: A Hybrid-flow eUE enrolls over SNMPv2c, accepts the file's URL and hash, and fetches that file
    Given the eUE is provisioned with the <realm> flow in <mode> mode
    When the E-UE is powered on
    Then the eUE enrolls with an SNMPv2c INFORM to the Provisioning Server
    And the eUE accepts the SET of the configuration file's URL and hash
    And the eUE then requests the configuration file the SET names

    Examples:
      | realm    | mode |
      | HYBRID.1 | IPv4 |
      | HYBRID.1 | IPv6 |
      | HYBRID.2 | IPv4 |
      | HYBRID.2 | IPv6 |

  @EUE-PROV-T5-eUE-4-09 @MUST
  Scenario: A HYBRID realm in the eUE-4 REPLY sends the eUE down the Hybrid flow over IPv6, without Kerberos
    The proof of the fork is the enrollment INFORM to the entity CL_OPTION_CCCV6 sub-option 3 names (here an FQDN,
    resolved over IPv6), with no KDC lookup or Kerberos exchange before the file.
    Given the eUE is provisioned with the HYBRID.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE enrolls with an SNMPv2c INFORM to the Provisioning Server over IPv6
    And the eUE accepts the SET of the configuration file's URL and hash
    And the eUE then requests the configuration file the SET names
    And the eUE makes no Kerberos exchange

  @EUE-PROV-6.1.5-01a @MUST
  Scenario Outline: The eUE downloads its configuration file by TFTP and takes its settings
    The file names a P-CSCF (a row of pktcEUEDevPCSCFTable); once provisioning is over the Provisioning Server reads it
    back from the eUE's agent.
    Given the eUE is provisioned with the <realm> flow in <mode> mode
    And the configuration file names the P-CSCF
    When the eUE has finished provisioning
    Then the eUE's P-CSCF table holds the configuration file's P-CSCF and no other

    Examples:
      | realm    | mode |
      | BASIC.1  | IPv4 |
      | BASIC.1  | IPv6 |
      | HYBRID.2 | IPv4 |
      | HYBRID.2 | IPv6 |

  @EUE-PROV-6.1.5-01a @MUST
  Scenario: In IPv4 mode the eUE resolves the URL's FQDN with an A query to its DHCP-given DNS server
    Given the eUE is provisioned with the HYBRID.1 flow in IPv4 mode
    And the Provisioning Server names the configuration file by the URL tftp://config.example.net/eue1.cfg
    When the E-UE is powered on
    Then after the SET the eUE looks up config.example.net with an A query to the DNS server its DHCP server gave
    And the eUE then requests the configuration file the SET names

  @EUE-PROV-6.1.5-01a @MUST
  Scenario Outline: In IPv4 mode a failed lookup or download of the file restarts the eUE with a new DISCOVER
    Given the eUE is provisioned with the HYBRID.1 flow in IPv4 mode
    And <failure>
    When the E-UE is powered on
    Then the eUE starts over with a new DISCOVER

    Examples:
      | case              | failure                                                                                  |
      | name error        | the Provisioning Server names the configuration file by the URL tftp://missing.example.net/eue1.cfg |
      | TFTP ERROR        | the Provisioning Server names the configuration file by the URL tftp://config.example.net/absent.cfg |
      | no TFTP answer    | the Configuration Server ignores read requests for eue1.cfg                              |

  @EUE-PROV-6.4.1.1-01b @MUST
  Scenario: The provisioning timer of option 122 sub-option 8 restarts a Hybrid flow that does not finish
    The Provisioning Server never SETs the file's location, so the flow cannot finish; with 122.8 at 2 minutes the eUE
    must start over with DHCP once those 2 minutes are up (and not wait for the default 10).
    Given the eUE is provisioned with the HYBRID.1 flow in IPv4 mode
    And the eUE's DHCP servers give a provisioning timer of 2 minutes
    And the Provisioning Server never sends the eUE-19 SET
    When the E-UE is powered on
    Then the eUE starts over with DHCP when its 2-minute provisioning timer runs out
