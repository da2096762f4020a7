@pkt-eue-6 @EUE-PROV-6.2.1.2-06
Feature: pkt-eue-6: management events by syslog (6.1.6)
  The eUE reports management events to a syslog server as PKT-MEM1.5 specifies: BSD syslog over UDP to
  port 514, facility local0. The syslog server comes from DHCP (option 7 in IPv4 mode,
  CL_OPTION_SYSLOG_SERVERS in IPv6 mode); when DHCP names several, the eUE sends its events to the first
  one only. The event these scenarios wait for is the provisioning-complete event at the end of the flow.

  @EUE-PROV-6.1.6-01a @MUST @ics:ipv4
  Scenario: In IPv4 mode the eUE sends its management events by syslog, facility local0
    Given the eUE is provisioned with the BASIC.1 flow in IPv4 mode
    When the E-UE is powered on
    Then the eUE sends a management event by syslog, facility local0, to the first syslog server it was given

  @EUE-PROV-6.1.6-01a @MUST @ics:ipv6
  Scenario: In IPv6 mode the eUE sends its management events by syslog, facility local0
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on
    Then the eUE sends a management event by syslog, facility local0, to the first syslog server it was given

  @EUE-PROV-6.1.6-02 @MUST
  Scenario: Given three syslog servers, the eUE sends its management events to the first one only
    Given the eUE is provisioned with the BASIC.1 flow in a mode it supports
    And the eUE's DHCP server gives the syslog servers the secondary server, the primary server, the rogue server
    When the E-UE is powered on
    Then the eUE sends a management event by syslog, facility local0, to the first syslog server it was given
    And no management event of the eUE goes to any other syslog server it was given
