import { describe, expect, it } from 'vitest';
import { addConnectionSchema, createVmSchema } from './request-schemas';
import { vmMemoryProblem } from './rules';
import { fieldProblems, firstProblem } from './schema-messages';

describe('a request schema’s problems, worded once for the API and the forms', () => {
  it('names each field’s first problem in the rule’s own words', () => {
    const problems = fieldProblems(createVmSchema, {
      name: ' bad',
      hostServer: '',
      generation: 1,
      cpuCount: 100,
      memoryMiB: 16,
      os: '',
    });
    expect([...problems.keys()].sort()).toEqual(['cpuCount', 'hostServer', 'memoryMiB', 'name', 'os']);
    expect(problems.get('name')).toMatch(/^A virtual machine name is 1–100 characters/);
    expect(problems.get('hostServer')).toBe('Select the server to create the virtual machine on.');
    expect(problems.get('os')).toBe('Select the operating system to install.');
  });

  it('checks the limits of the generation asked for', () => {
    const problems = fieldProblems(createVmSchema, {
      name: 'app01',
      hostServer: 'hci-node1',
      generation: 1,
      cpuCount: 100,
      memoryMiB: 16,
      os: 'Windows Server 2022 Datacenter',
    });
    expect(problems.get('cpuCount')).toBe(
      'Virtual processors must be a whole number from 1 to 64 for a Generation 1 virtual machine.',
    );
    expect(problems.get('memoryMiB')).toMatch(
      /^Startup memory must be from 32 MB \(0\.03125 GB\) to 1,048,576 MB \(1,024 GB\)/,
    );
  });

  it('gives a least memory in GB that the pane, which takes GB, accepts', () => {
    const message = fieldProblems(createVmSchema, {
      name: 'app01',
      hostServer: 'hci-node1',
      generation: 2,
      cpuCount: 2,
      memoryMiB: 16,
      os: 'Windows Server 2022 Datacenter',
    }).get('memoryMiB');
    const leastGb = Number(/\(([\d.]+) GB\)/.exec(message ?? '')?.[1]);
    expect(vmMemoryProblem(Math.round(leastGb * 1024), 2)).toBeUndefined();
  });

  it('says which field is missing or of the wrong type, as the 400 does', () => {
    expect(firstProblem(addConnectionSchema, { type: 'server' })).toEqual({
      field: 'name',
      message: "'name' is required.",
    });
    expect(firstProblem(addConnectionSchema, { name: 'n1', type: 'printer' })).toEqual({
      field: 'type',
      message: "'type' must be server or cluster.",
    });
  });
});
