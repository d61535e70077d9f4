import { Badge, Button, Select, Text } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { FaultScopeDto, LabStateDto } from '@/api/lab-contract';
import { useInject, useRepair } from '../api/lab-mutations';
import { Feedback, useFeedback } from './lab-feedback';
import { useLabStyles } from './lab.styles';

export const SCOPES: { scope: FaultScopeDto; title: string }[] = [
  { scope: 'node', title: 'Per server' },
  { scope: 'account', title: 'Tenant and account' },
  { scope: 'cluster', title: 'Cluster resource' },
  { scope: 'api', title: 'API' },
];

function targetOptions(
  state: LabStateDto,
  scope: FaultScopeDto,
  fault: string,
): { value: string; label: string }[] {
  switch (scope) {
    case 'node':
      return [
        { value: '', label: 'Every server' },
        ...state.targets.clusters.map((c) => ({ value: c.name, label: `Every server of ${c.name}` })),
        ...state.targets.nodes.map((n) => ({ value: n.name, label: n.name })),
      ];
    case 'account':
      return [
        { value: '', label: 'Every account' },
        ...state.targets.accounts.map((a) => ({ value: a, label: a })),
      ];
    case 'cluster':
      return [
        { value: '', label: 'Every registered cluster' },
        ...state.targets.clusters.filter((c) => c.registered).map((c) => ({ value: c.name, label: c.name })),
      ];
    case 'api':
      return fault === 'api-latency'
        ? [
            { value: '', label: '1500 ms' },
            { value: '500', label: '500 ms' },
            { value: '5000', label: '5000 ms' },
          ]
        : [
            { value: '', label: 'Azure Resource Manager and /api' },
            { value: 'arm', label: 'Azure Resource Manager only' },
            { value: 'api', label: 'Gateway /api only' },
          ];
  }
}

/** One fault: where it is on, a target to inject it at, and its repairs. */
export function FaultRow({ state, fault }: { state: LabStateDto; fault: LabStateDto['faults'][number] }) {
  const styles = useLabStyles();
  const inject = useInject();
  const repair = useRepair();
  const options = targetOptions(state, fault.scope, fault.name);
  const [target, setTarget] = useState(options[0]?.value ?? '');
  const fb = useFeedback();
  const selectId = useId();
  const busy = inject.isPending || repair.isPending;
  return (
    <li className={styles.faultItem} data-testid={`fault-${fault.name}`}>
      <div className={styles.active}>
        <span className={styles.name}>{fault.name}</span>
        {fault.active.length > 0 ? <Badge color="danger">on</Badge> : <Badge appearance="outline">off</Badge>}
      </div>
      <Text>{fault.description}</Text>
      {fault.active.length > 0 && (
        <div className={styles.active} aria-label={`Where ${fault.name} is on`} role="group">
          {fault.active.map((a) => (
            <Button
              key={a.target}
              size="small"
              appearance="outline"
              icon={<DismissRegular />}
              disabled={busy}
              aria-label={`Repair ${fault.name} on ${a.target === '*' ? 'everything' : a.target}`}
              onClick={() =>
                repair.mutate(
                  { fault: fault.name, target: a.target === '*' ? undefined : a.target },
                  { onSuccess: () => fb.ok(`${fault.name} repaired.`), onError: fb.fail },
                )
              }
            >
              {a.target === '*' ? 'everywhere' : a.target}
            </Button>
          ))}
        </div>
      )}
      <div className={styles.row}>
        <label htmlFor={selectId} className={styles.muted}>
          Target
        </label>
        <Select id={selectId} value={target} onChange={(_e, d) => setTarget(d.value)} size="small">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        <Button
          size="small"
          disabled={busy}
          aria-label={`Inject ${fault.name}`}
          onClick={() =>
            inject.mutate(
              { fault: fault.name, ...(target ? { target } : {}) },
              { onSuccess: () => fb.ok(`${fault.name} injected.`), onError: fb.fail },
            )
          }
        >
          Inject
        </Button>
        {fault.active.length > 0 && (
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              repair.mutate(
                { fault: fault.name },
                { onSuccess: () => fb.ok(`${fault.name} repaired everywhere.`), onError: fb.fail },
              )
            }
          >
            Repair all
          </Button>
        )}
      </div>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
    </li>
  );
}
