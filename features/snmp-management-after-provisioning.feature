Feature: SNMP management once the E-UE is up (6.2.1, 6.3.6, 6.6.2, 6.6.3)
  After provisioning the operator changes the eUE's data model over SNMP without a new file or a restart (6.3.6); the
  eUE's P-CSCF comes from the configuration file, never from the DHCP SIP server options of PKT-24.229 method I (6.6.2);
  the eCM downloads a software image when the operator triggers it over SNMP (6.2.1, DOCSIS / RFC 4639 docsDevSoftware:
  the request is judged, the image's acceptance needs a vendor-signed image and is left to inspection); and for the eUE's
  eSAFE the eCM reports the highest service interruption impact of the eUE's services (6.6.3, eDOCSIS ESAFE-MIB
  esafeDevServiceIntImpact, ifIndex 16): with a provisioned voice service that is significant, which is all this suite
  can exercise without calls.

  @EUE-PROV-6.3.6-01 @MUST
  Scenario Outline: After provisioning the eUE takes incremental changes over SNMP
    Given the eUE is provisioned with the <realm> flow in <mode> mode
    When the eUE has finished provisioning
    Then the Provisioning Server adds a P-CSCF row over SNMP and reads it back
    And the Provisioning Server removes that row over SNMP and it is gone
    And the Provisioning Server turns the eUE's services off with pktcMtaDevEnabled and reads it back
    And the Provisioning Server turns the eUE's services on with pktcMtaDevEnabled and reads it back
    And the eUE took those changes without starting over

    Examples:
      | realm    | mode |
      | HYBRID.2 | IPv6 |
      | BASIC.1  | IPv4 |

  @EUE-PROV-6.6.2-01 @MUST
  Scenario Outline: The eUE's P-CSCF is the one of its configuration file
    Given the eUE is provisioned with the BASIC.1 flow in <mode> mode
    And the configuration file names the P-CSCF
    When the eUE has finished provisioning
    Then the eUE's P-CSCF table holds the configuration file's P-CSCF and no other

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.6.2-02 @MUST-NOT
  Scenario Outline: The eUE neither asks for nor takes a P-CSCF from the DHCP SIP server options
    Given the eUE is provisioned with the BASIC.1 flow in <mode> mode
    And the configuration file names the P-CSCF
    And the eUE's DHCP servers also offer a decoy P-CSCF in the DHCP SIP server options
    When the eUE has finished provisioning
    Then the eUE does not ask its DHCP servers for the SIP server options
    And the eUE's P-CSCF table holds the configuration file's P-CSCF and no other

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.2.1-03 @MUST
  Scenario Outline: An SNMP-triggered DOCSIS software download makes the eCM request the image
    Given the eCM is provisioned in <mode> mode
    And the eUE is provisioned with the BASIC.1 flow in <mode> mode
    And the headend's TFTP server holds the software image eue-image.bin
    When the eUE has finished provisioning
    And the operator triggers a software download of eue-image.bin from the headend over SNMP
    Then the eCM requests eue-image.bin by TFTP from the headend
    And the eCM reports the download in docsDevSwOperStatus

    Examples:
      | mode |
      | IPv4 |
      | IPv6 |

  @EUE-PROV-6.6.3-01 @MUST
  Scenario: The eCM reports the eUE's highest service interruption impact
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the eUE has finished provisioning
    Then the eCM reports a significant service interruption impact for the eUE
