import { describe, expect, it } from 'vitest';
import { MESSAGES, SimError, buildScenario, diagnose, diagnoseErrorText, readRemedyAction } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const world = buildScenario('registered', T0);

/** `status code target: message` of the refusal `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SimError)
      return `${error.status} ${error.code} ${error.target ?? '-'}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the error text to diagnose', () => {
  it('is diagnosed on the cluster named, in any case', () => {
    const text = MESSAGES.certificates(['hci-node2'], ['hci-node2']);
    expect(diagnoseErrorText(world, 'HCI-CLUSTER01', text, T0)).toEqual(
      diagnose(world, 'hci-cluster01', text, T0),
    );
    expect(diagnoseErrorText(world, 'hci-cluster01', text, T0)?.caseId).toBeDefined();
  });

  it.each([
    ['', '400 InvalidParameter text: Paste an error text or pick one from the list.'],
    ['   \n', '400 InvalidParameter text: Paste an error text or pick one from the list.'],
    [
      'x'.repeat(20_001),
      '400 InvalidParameter text: The text is longer than 20,000 characters: paste only the error.',
    ],
  ])('refuses %#', (text, expected) => {
    expect(refusal(() => diagnoseErrorText(world, 'hci-cluster01', text, T0))).toBe(expected);
  });

  it('answers 404 for a cluster the gateway does not know', () => {
    expect(refusal(() => diagnoseErrorText(world, 'toString', 'some error', T0))).toMatch(
      /^404 ClusterNotFound -/,
    );
  });
});

describe('a remediation action from the wire', () => {
  it.each([
    [{ kind: 'sync' }, { kind: 'sync' }],
    [
      { kind: 'start-hcisvc', node: 'hci-node1', extra: 1 },
      { kind: 'start-hcisvc', node: 'hci-node1' },
    ],
    [
      { kind: 'repair-fault', fault: 'node-down', target: 'hci-node2' },
      { kind: 'repair-fault', fault: 'node-down', target: 'hci-node2' },
    ],
    [
      { kind: 'wait', durationMs: 7_200_000 },
      { kind: 'wait', durationMs: 7_200_000 },
    ],
  ])('reads %j', (wire, action) => {
    expect(readRemedyAction(wire)).toEqual(action);
  });

  it.each([
    [null, "400 InvalidParameter action: 'action' must be an object with a 'kind'."],
    ['sync', "400 InvalidParameter action: 'action' must be an object with a 'kind'."],
    [
      { kind: 'format-c' },
      "400 UnknownAction action.kind: 'format-c' is not a remediation the portal can run.",
    ],
    [
      { kind: '__proto__' },
      "400 UnknownAction action.kind: '__proto__' is not a remediation the portal can run.",
    ],
    [{ kind: 42 }, "400 UnknownAction action.kind: '' is not a remediation the portal can run."],
    [{ kind: 'enable-arc' }, "400 InvalidParameter action.node: 'action.node' is required for enable-arc."],
    [
      { kind: 'enable-arc', node: 7 },
      "400 InvalidParameter action.node: 'action.node' is required for enable-arc.",
    ],
    [
      { kind: 'repair-fault', fault: 'toString', target: 'x' },
      "400 UnknownFault action.fault: There is no fault named 'toString'.",
    ],
    [
      { kind: 'repair-fault', fault: 'node-down' },
      "400 InvalidParameter action.target: 'action.target' is required for repair-fault.",
    ],
    [
      { kind: 'wait', durationMs: 0 },
      "400 InvalidDuration action.durationMs: 'action.durationMs' must be a positive number of milliseconds.",
    ],
    [
      { kind: 'wait', durationMs: 1e20 },
      "400 InvalidDuration action.durationMs: 'action.durationMs' must be a positive number of milliseconds.",
    ],
    [
      { kind: 'wait', durationMs: '5m' },
      "400 InvalidDuration action.durationMs: 'action.durationMs' must be a positive number of milliseconds.",
    ],
  ])('refuses %j', (wire, expected) => {
    expect(refusal(() => readRemedyAction(wire))).toBe(expected);
  });

  it('quotes at most ~100 characters of an unknown kind', () => {
    expect(refusal(() => readRemedyAction({ kind: 'k'.repeat(10_000) })).length).toBeLessThan(250);
  });
});
