@pkt-eue-4
Feature: Battery backup (6.6.4)
  An E-UE that has battery backup implements CableLabs' battery backup MIB (CL-BB-MIB). That MIB is a compliance
  module over RFC 1628's UPS-MIB: it requires the identification objects, the battery status, time on battery,
  estimated minutes and charge remaining, the number of input lines and the output source. The spec does not say
  whether the eCM's or the eUE's agent hosts them; the suite reads each object from the eCM's agent and, failing
  that, from the eUE's. The bench is assumed to feed the E-UE from the mains during the run (the simulated E-UE
  always is), so the output source must be normal and the time on battery zero.

  @EUE-PROV-6.6.4-01 @MUST @ics:battery-backup
  Scenario: An E-UE with battery backup serves the CL-BB-MIB objects with values in range
    Given the eUE is provisioned with the BASIC.1 flow in a mode it supports
    When the eUE has finished provisioning
    And the Provisioning Server reads the CL-BB-MIB objects from the E-UE's agents
    Then every CL-BB-MIB object answers with a value in its range
    And on mains power the E-UE reports its output source normal and no time on battery
