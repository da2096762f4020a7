@declaration
Feature: Vendor declarations
  Some obligations of PKT-SP-EUE-PROV-I05 cannot be seen from the wire: what the software image
  looks like, conformance to whole other specifications (DOCSIS, eDOCSIS, PKT-PROV1.5), and which
  optional behaviours the device implements. The vendor answers them in the DUT profile, under
  'declarations:' (or 'ics:' for the optional features), with a statement saying where the evidence
  is. The verdict is the vendor's answer; the evidence is the statement, quoted from the profile.

  @EUE-PROV-6.2.1-01a @MUST
  Scenario: The eCM meets the eDOCSIS requirements for an embedded cable modem
    Then the vendor declares "edocsis-ecm-compliance"

  @EUE-PROV-6.2.1-01b @MUST
  Scenario: The eUE meets the eDOCSIS requirements for an eSAFE
    Then the vendor declares "edocsis-esafe-compliance"

  @EUE-PROV-6.2.1-02 @MUST
  Scenario: One software image carries both the eCM and the eUE
    Then the vendor declares "monolithic-software-image"

  @EUE-PROV-6.2.1.1-01 @MUST
  Scenario: The eCM follows DOCSIS and eDOCSIS as this specification enhances them
    Then the vendor declares "ecm-docsis-edocsis-compliance"

  @EUE-PROV-6.2.1.2-10 @MUST
  Scenario: The eUE meets the non-data eMTA requirements of PKT-PROV1.5
    Then the vendor declares "pkt-prov15-emta-non-data-compliance"

  @EUE-PROV-6.3.1-01 @MUST
  Scenario: The eCM conforms to DOCSIS and eDOCSIS with the E-UE additions of 6.3.1
    Then the vendor declares "edocsis-compliance"

  @EUE-PROV-6.3.3-03 @SHOULD @ics:ipv4
  Scenario: In IPv4 mode the eUE asks for a TFTP blocksize when it fetches its configuration file
    Then the vendor declares "tftp-blksize"

  @EUE-PROV-6.6.5-01 @SHOULD
  Scenario: The eUE supports Certificate Bootstrapping
    Then the vendor declares "certificate-bootstrapping"

  @EUE-PROV-6.6.5-06 @SHOULD @ics:certificate-bootstrapping
  Scenario: Credentials from Certificate Bootstrapping survive a power cycle
    Then the vendor declares "cb-credentials-nonvolatile"

  @EUE-PROV-6.1.5-02a @MAY
  Scenario: The vendor states whether the eUE can fetch its configuration file over HTTP
    Then the vendor states whether the device does "http-config"

  @EUE-PROV-6.4.2-05 @MAY
  Scenario: The vendor states whether the eUE accepts createAndWait rows in its configuration file
    Then the vendor states whether the device does "create-and-wait"

  @EUE-PROV-6.3.5-02 @MAY @ics:ipv4
  Scenario: The vendor states whether a changed mask or router on DHCPv4 renewal reinitialises the eUE
    Then the vendor states whether the device does "dhcpv4-renewal-mask-router-reinit"

  @EUE-PROV-T5-eUE-24-03 @MAY @ics:ipv6
  Scenario: The vendor states whether the eUE retries a provisioning syslog event that failed
    Then the vendor states whether the device does "syslog-provisioning-event-retry"
