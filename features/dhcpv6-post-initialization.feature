@pkt-eue-1
Feature: DHCPv6 renewals after initialisation (6.3.5)
  When its lease renews, the eUE reacts to what changed in the REPLY: a different address in IA_NA
  means starting again at eUE-1; different DNS servers or CL_OPTION_SYSLOG_SERVERS are taken in place
  and used from then on; every other change (TFTP servers, file name, Reconfigure Accept, FQDN, any
  CL_OPTION_CCCV6 sub-option) is ignored. RENEW and REBIND carry the eUE's last known FQDN.
  The lease here has T1 = 2 s and T2 = 4 s so that the renewal falls inside the scenario; where the
  scenario needs something the eUE does after the renewal, the Configuration Server holds the eUE's
  file back until the renewal is done (the eUE's TFTP retries bridge the gap).

  Background:
    Given the eUE's IPv6 lease has T1 of 2 seconds and T2 of 4 seconds

  @EUE-PROV-6.3.5-05 @MUST
  Scenario: A renewal REPLY with another address sends the eUE back to eUE-1
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the headend answers the eUE's renewals with the address 2001:db8:1::21
    When the E-UE is powered on
    And the eUE renews its lease
    Then the eUE solicits again after the renewal

  @EUE-PROV-6.3.5-06a @MUST
  Scenario: New DNS servers in a renewal REPLY are used from then on, without reinitialising
    Given the eUE is provisioned with the BASIC.2 flow in IPv6 mode
    And the headend answers the eUE's renewals with the DNS server 2001:db8:1::2
    And the Configuration Server holds back the eUE's file until the eUE has renewed its lease
    When the E-UE is powered on
    And the eUE renews its lease
    Then the eUE's next DNS query goes to 2001:db8:1::2
    And for 60 seconds after the renewal the eUE does not solicit

  @EUE-PROV-6.3.5-06b @MUST
  Scenario: New syslog servers in a renewal REPLY are used from then on, without reinitialising
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the headend answers the eUE's renewals with the syslog server 2001:db8:1::2
    And the Configuration Server holds back the eUE's file until the eUE has renewed its lease
    When the E-UE is powered on
    And the eUE renews its lease
    Then the eUE's next syslog message goes to 2001:db8:1::2
    And for 60 seconds after the renewal the eUE does not solicit

  @EUE-PROV-6.3.5-07 @MUST
  Scenario: Other changes in a renewal REPLY are ignored
    Given the eUE is provisioned with the BASIC.2 flow in IPv6 mode
    And the headend answers the eUE's renewals with the TFTP server 2001:db8:1::2 and the file renewed.cfg
    And the headend answers the eUE's renewals with Reconfigure Accept and the FQDN renewed.example.net
    And the headend answers the eUE's renewals with the provisioning server other.example.net and the realm HYBRID.1
    And the Configuration Server holds back the eUE's file until the eUE has renewed its lease
    When the E-UE is powered on
    And the eUE renews its lease
    Then the eUE still fetches the configuration file its first REPLY named, from the server that REPLY named
    And the eUE still looks up the provisioning server its first REPLY named
    And the eUE's next RENEW or REBIND carries the FQDN its first REPLY gave
    And for 60 seconds after the renewal the eUE does not solicit

  @EUE-PROV-6.3.5-08 @MUST
  Scenario: RENEW and REBIND carry the eUE's last known FQDN
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    And the eUE's DHCPv6 servers ignore RENEWs
    When the E-UE is powered on
    Then the eUE's RENEW carries the FQDN its REPLY gave
    And the eUE's REBIND carries the FQDN its REPLY gave
