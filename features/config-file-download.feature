@pkt-eue-5
Feature: Configuration file download over TFTP
  The eUE fetches its configuration file from the Configuration Server (pkt-eue-5). Over IPv4 an eUE
  that sends the RFC 2348 blksize option asks for 1448 octets (6.3.3); over IPv6 it always sends the
  option and asks for 1428 (Table 5, eUE-22).

  @EUE-PROV-6.3.3-04 @MUST @ics:tftp-blksize @smoke
  Scenario: In IPv4 mode the eUE asks for a TFTP block size of 1448
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE requests its configuration file by TFTP with a blocksize of 1448

  @EUE-PROV-T5-eUE-22-02 @MUST
  Scenario: In IPv6 mode the eUE's TFTP read request carries the blksize option
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE's TFTP read request for its configuration file carries the blksize option

  @EUE-PROV-T5-eUE-22-03 @MUST @smoke
  Scenario: In IPv6 mode the eUE asks for a TFTP block size of 1428
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE requests its configuration file by TFTP with a blocksize of 1428

  @EUE-PROV-6.3.3-04 @MUST @ics:tftp-blksize @ics:ecm-ipv6
  Scenario: An eUE in IPv4 mode behind an eCM provisioned in IPv6 also asks for a TFTP block size of 1448
    Given the eCM is provisioned in IPv6 mode
    And the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE requests its configuration file by TFTP with a blocksize of 1448

  @EUE-PROV-6.3.3-04 @MUST @ics:tftp-blksize
  Scenario: In IPv4 mode the eUE asks for 1448 again when its first read request goes unanswered
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    And the Configuration Server ignores the eUE's first 2 read requests
    When the E-UE is powered on
    Then the eUE requests its configuration file 3 times by TFTP, each time with a blocksize of 1448
