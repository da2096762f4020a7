@pkt-eue-1 @inspection
Feature: The eUE's link-local address conflict, by inspection (6.3.4.1)
  When duplicate address detection shows that another node uses the eUE's link-local address, the eUE records
  the event in its local log, stops its IPv6 start-up and waits for manual intervention. What it does on the link
  is tested in ipv6-link-local-address.feature; the log entry and the wait for an operator are not visible on the
  link, so they are inspected: the spec names no event id or text, and the eUE has no usable IPv6 address to be
  asked over SNMP. For a device whose adapter exposes the device's own log (the reference device) the answer comes
  from that log, with the entry as evidence; for any other device the operator is asked at the terminal and the
  answer and the operator's note are the evidence (no operator: inconclusive). The suite does not reset the
  device during the wait, so whatever it does then, it does on its own.

  @EUE-PROV-6.3.4.1-04a @MUST
  Scenario: After a link-local address conflict the eUE's local log records it
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on while another node already uses the eUE's link-local address
    Then the other node defends the eUE's link-local address against the eUE's probe
    When the eUE is left alone for 60 seconds after the conflict
    Then an inspection of the eUE's local log finds the duplicate link-local address recorded

  @EUE-PROV-6.3.4.1-04d @MUST
  Scenario: After a link-local address conflict the eUE waits for manual intervention
    Given the eUE is provisioned with the BASIC.1 flow in IPv6 mode
    When the E-UE is powered on while another node already uses the eUE's link-local address
    Then the other node defends the eUE's link-local address against the eUE's probe
    When the eUE is left alone for 480 seconds after the conflict
    Then an inspection finds the eUE still halted after the conflict, waiting for manual intervention
