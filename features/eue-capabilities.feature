@capabilities
Feature: Reporting the eUE's capabilities (6.6.1, Annex A)
  The eUE tells the DHCP server what it can do, in the PKT-PROV1.5 "MTA Device Capabilities" form: in IPv4
  mode as option 60, the text "pktc2.0:" followed by the TLV 5 block spelled in hexadecimal; in IPv6 mode as
  CL_OPTION_MODEM_CAPABILITIES, the same sub-TLVs in binary. Annex A asks for at least the PacketCable
  version (5.1, which is 2 for PacketCable 2.0), TGT support (5.3), HTTP download support (5.4) and, always,
  Certificate Bootstrapping support (5.26).

  @EUE-PROV-6.6.1-01a @EUE-PROV-A.1-01 @EUE-PROV-A.2-01 @EUE-PROV-A.2-02 @MUST @ics:ipv4
  Scenario: In IPv4 mode the eUE reports its PacketCable 2.0 capabilities in option 60
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE reports its capabilities in option 60 of its DHCPDISCOVER and DHCPREQUEST as "pktc2.0:" followed by TLV 5 in hex
    And the capability report carries TLV 5.1 with the value 2, PacketCable 2.0
    And the capability report carries TLVs 5.3 and 5.4 of one octet each, 0 or 1
    And the capability report carries TLV 5.26 of one octet, agreeing with the certificate-bootstrapping answer of the ICS

  @EUE-PROV-A.1-01 @EUE-PROV-A.2-01 @EUE-PROV-A.2-02 @MUST @ics:ipv6
  Scenario: In IPv6 mode the eUE reports the same capabilities in CL_OPTION_MODEM_CAPABILITIES
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE reports its capabilities in CL_OPTION_MODEM_CAPABILITIES of its SOLICIT
    And the capability report carries TLV 5.1 with the value 2, PacketCable 2.0
    And the capability report carries TLVs 5.3 and 5.4 of one octet each, 0 or 1
    And the capability report carries TLV 5.26 of one octet, agreeing with the certificate-bootstrapping answer of the ICS
