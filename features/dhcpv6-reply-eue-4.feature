@pkt-eue-1
Feature: The REPLY, Table 5 eUE-4 (6.3.4.3)
  The server's REPLY confirms the eUE's configuration. Where it differs from the ADVERTISE, the REPLY
  wins. A REPLY that fails the ADVERTISE validity test, or that brings no address, fails the step and
  the eUE goes back to eUE-1. Before using the leased address the eUE checks it with duplicate address
  detection; when another node has it, the eUE DECLINEs it to the server and starts again at eUE-1.
  The realm in the REPLY picks the flow: BASIC.x runs the Basic flow over IPv6, any realm that is not
  BASIC.x or HYBRID.x the Secure flow, which starts with a DNS SRV lookup for the realm's KDC (eUE-5).

  Background:
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode

  @EUE-PROV-T5-eUE-4-02 @MUST
  Scenario: When no REPLY comes the eUE gives up its REQUESTs and solicits again
    Given the eUE's DHCPv6 servers send no REPLY
    When the E-UE is powered on
    Then after its REQUEST retransmissions the eUE solicits again
    And the eUE has not gone on with provisioning

  @EUE-PROV-T5-eUE-4-02 @MUST
  Scenario: A REPLY whose IA_NA says NoAddrsAvail sends the eUE back to eUE-1
    Given only the primary eUE DHCPv6 server answers
    And the primary server's REPLY says NoAddrsAvail in its IA_NA
    When the E-UE is powered on
    Then the eUE solicits again after the failed REPLY
    And the eUE has not gone on with provisioning

  @EUE-PROV-T5-eUE-4-04 @MUST
  Scenario: Where the REPLY differs from the ADVERTISE the eUE follows the REPLY
    Given only the primary eUE DHCPv6 server answers
    And the primary server's ADVERTISE signals the realm HYBRID.1
    And the primary server's ADVERTISE names the TFTP server 2001:db8:1::99 and the file advertised.cfg
    When the E-UE is powered on
    Then the eUE requests the configuration file the REPLY names from the TFTP server the REPLY names

  @EUE-PROV-T5-eUE-4-05 @MUST
  Scenario Outline: A REPLY that would not be a valid ADVERTISE fails the step
    Given only the primary eUE DHCPv6 server answers
    And the primary server's REPLY <defect>
    When the E-UE is powered on
    Then the eUE solicits again after the failed REPLY
    And the eUE has not gone on with provisioning

    Examples:
      | defect                                  |
      | leaves out CL_OPTION_CCCV6              |
      | leaves out CL_OPTION_CCCV6 sub-option 6 |
      | carries a DSS_ID the eCM was not given  |

  @EUE-PROV-T5-eUE-4-06 @MUST
  Scenario: The eUE checks its leased address with duplicate address detection before using it
    When the E-UE is powered on
    Then the eUE probes its leased IPv6 address with duplicate address detection before it sends anything from it

  @EUE-PROV-T5-eUE-4-07a @MUST
  Scenario: A leased address that another node already uses is DECLINEd to the server that leased it
    When the E-UE is powered on while another node already uses the first IPv6 address the headend leases to the eUE
    Then the other node defends the address leased to the eUE against the eUE's probe
    And the eUE DECLINEs the address to the server that leased it

  @EUE-PROV-T5-eUE-4-07b @MUST
  Scenario: After DECLINEing a conflicting address the eUE starts again at eUE-1 and never uses it
    When the E-UE is powered on while another node already uses the first IPv6 address the headend leases to the eUE
    Then the other node defends the address leased to the eUE against the eUE's probe
    And the eUE solicits again after the conflict
    And the eUE never sends anything from the conflicting address

  @EUE-PROV-T5-eUE-4-08 @MUST
  Scenario: A REPLY with a BASIC realm runs the Basic flow over IPv6
    When the E-UE is powered on
    Then the eUE fetches the file named in CL_OPTION_CONFIG_FILE_NAME from a server in CL_OPTION_TFTP_SERVERS of its REPLY
    And the eUE makes no Kerberos KDC lookup

  @EUE-PROV-T5-eUE-4-10 @MUST
  Scenario: A REPLY with a Secure realm makes the eUE look up the realm's KDC
    Given the eUE's realm is the Secure realm EXAMPLE.NET
    When the E-UE is powered on
    Then the eUE asks a DNS server from its REPLY for the SRV record of the KDC of EXAMPLE.NET
