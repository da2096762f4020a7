@certificate-bootstrapping
Feature: Certificate Bootstrapping (6.6.5)
  An eUE that supports Certificate Bootstrapping obtains its IMS credentials from the operator's Certificate
  Bootstrapping Server: something tells it to (an SNMP SET, or its configuration file once accepted), it opens a TLS
  session with mutual certificate authentication, fetches its device profile with HTTP inside that session, and then
  uses the credentials the profile delivers. The trigger is CL-PKTC-EUE-DEV-MIB's pktcEUECBEnable with the URI in
  pktcEUECBData. Everything is judged at the headend's Certificate Bootstrapping Server (it terminates TLS, so it sees
  the handshake and the HTTP request) and over SNMP: the delivered user must replace the configuration file's in
  pktcEUEUsrIMPITable, the identities later authentication uses (the suite has no SIP registrar to watch a REGISTER).
  The device profile is this suite's stand-in for PKT-EUE-DATA's XML schema, which is not among its sources; the
  server's certificate comes from a lab root the reference eUE trusts (6.6.5 ¶18 leaves trust anchors to application
  specifications, so a bench device needs a server certificate from its own trust root).

  Background:
    Given the eUE is provisioned with the BASIC.1 flow in a mode it supports
    And the operator's Certificate Bootstrapping Server serves the eUE's device profile

  # ---------------------------------------------------------------- Figure 4 and the trigger

  @EUE-PROV-6.6.5-02 @MUST
  Scenario: Triggered by its configuration file, the eUE goes through the whole bootstrapping flow in order
    Given the configuration file gives the eUE the user file-user@example.net
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE goes through Figure 4 in order: a mutually authenticated TLS session, the HTTP GET of its profile, then the delivered user cb-user1@example.net in use

  @EUE-PROV-6.6.5-03 @MUST-NOT
  Scenario: Without a trigger the eUE never starts Certificate Bootstrapping, not even after a reset
    Given the configuration file gives the Certificate Bootstrapping Server's URI without enabling Certificate Bootstrapping
    When the E-UE is powered on
    Then the eUE makes no connection to the Certificate Bootstrapping Server for 300 seconds after it provisioned
    When the E-UE is reset
    Then the eUE makes no connection to the Certificate Bootstrapping Server for 300 seconds after it provisioned

  @EUE-PROV-6.6.5-04 @MUST
  Scenario: Triggered by its configuration file, the eUE starts only after it has reported the file accepted
    The pass report is the final INFORM of the BASIC.2 flow (no syslog server is given); the DNS answers that the
    INFORM waits for come a second late, so that a bootstrapping started before the file was accepted would show.
    Given the eUE is provisioned with the BASIC.2 flow in a mode it supports
    And the eUE's DHCP servers give no syslog server
    And the DNS server answers every lookup 1 second late
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE reports the file as accepted before it connects to the Certificate Bootstrapping Server

  @EUE-PROV-6.6.5-04 @MUST
  Scenario: A configuration file the eUE rejects does not start Certificate Bootstrapping
    Given the configuration file enables Certificate Bootstrapping with the server's URI
    And the configuration file has no end marker
    When the E-UE is powered on
    Then the eUE, having rejected the file, makes no connection to the Certificate Bootstrapping Server for 120 seconds

  @EUE-PROV-6.6.5-07 @MUST
  Scenario: Triggered over SNMP, the eUE opens a TLS session to the Certificate Bootstrapping Server
    When the eUE has finished provisioning
    And the Provisioning Server triggers Certificate Bootstrapping over SNMP
    Then the eUE connects to the Certificate Bootstrapping Server with a TLS ClientHello

  # ---------------------------------------------------------------- the TLS session

  @EUE-PROV-6.6.5-08a @MUST
  Scenario: The eUE offers both mandatory cipher suites
    Given the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE's ClientHello offers TLS_RSA_WITH_3DES_EDE_CBC_SHA and TLS_RSA_WITH_AES_128_CBC_SHA

  @EUE-PROV-6.6.5-08a @MUST
  Scenario Outline: The eUE completes the handshake when the server selects <suite>
    Given the Certificate Bootstrapping Server selects only <suite>
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the handshake completes with <suite>, the eUE presenting its certificate

    Examples:
      | suite                         |
      | TLS_RSA_WITH_3DES_EDE_CBC_SHA |
      | TLS_RSA_WITH_AES_128_CBC_SHA  |

  @EUE-PROV-6.6.5-09a @MUST-NOT
  Scenario: The eUE offers no cipher suite with NULL encryption
    Given the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE's ClientHello offers no cipher suite with NULL encryption

  @EUE-PROV-6.6.5-09a @MUST-NOT
  Scenario: The eUE abandons a handshake in which the server selects NULL encryption
    Given the Certificate Bootstrapping Server answers any ClientHello with TLS_RSA_WITH_NULL_SHA
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE abandons the handshake and sends no HTTP request

  @EUE-PROV-6.6.5-10a @MUST-NOT
  Scenario: The eUE offers no cipher suite without integrity protection
    Given the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE's ClientHello offers no cipher suite with NULL integrity protection

  @EUE-PROV-6.6.5-10a @MUST-NOT
  Scenario: The eUE abandons a handshake in which the server selects no integrity protection
    Given the Certificate Bootstrapping Server answers any ClientHello with TLS_NULL_WITH_NULL_NULL
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE abandons the handshake and sends no HTTP request

  @EUE-PROV-6.6.5-11 @MUST
  Scenario Outline: The eUE abandons the session when the server's certificate <defect>
    Given the Certificate Bootstrapping Server presents a certificate <certificate>
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE abandons the handshake and sends no HTTP request

    Examples:
      | defect                   | certificate                               |
      | comes from an unknown CA | from a root the eUE does not trust        |
      | has expired              | that has expired                          |
      | has a broken signature   | whose signature does not verify           |

  # ---------------------------------------------------------------- the profile and the credentials

  @EUE-PROV-6.6.5-13 @MUST
  Scenario: Inside the TLS session the eUE fetches its device profile with HTTP
    Given the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then inside the TLS session the eUE requests its device profile with an HTTP GET of the URI's path

  @EUE-PROV-6.6.5-14 @MUST
  Scenario: The eUE takes the delivered credentials in place of those of its configuration file
    Given the configuration file gives the eUE the user file-user@example.net
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE's pktcEUEUsrIMPITable then holds the delivered user cb-user1@example.net in place of the file's

  @EUE-PROV-6.6.5-14 @MUST
  Scenario: Triggered over SNMP, the eUE takes the delivered credentials too
    Given the configuration file gives the eUE the user file-user@example.net
    When the eUE has finished provisioning
    And the Provisioning Server triggers Certificate Bootstrapping over SNMP
    Then the eUE's pktcEUEUsrIMPITable then holds the delivered user cb-user1@example.net in place of the file's

  # ---------------------------------------------------------------- before SIP registration

  @EUE-PROV-6.6.5-05 @MUST
  Scenario: Triggered by its configuration file, the eUE bootstraps before any SIP registration, though it already has an IMPI
    The reference eUE has no SIP stack, so it passes by never registering; a device that registers shows it at the watched
    P-CSCF. The spec asks that bootstrapping start before registration; the start is what is judged.
    Given the configuration file gives the eUE the user file-user@example.net
    And the configuration file names the headend as the P-CSCF, where SIP requests are watched
    And the configuration file enables Certificate Bootstrapping with the server's URI
    When the E-UE is powered on
    Then the eUE sends the P-CSCF no SIP request before its ClientHello to the Certificate Bootstrapping Server
