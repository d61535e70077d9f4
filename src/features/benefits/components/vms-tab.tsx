import { MessageBar, MessageBarBody, MessageBarTitle, Tooltip } from '@fluentui/react-components';
import { ArrowCircleDownRegular, ArrowCircleUpRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import type { BenefitsVmDto } from '@/api/benefits-contract';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { addAzStackHciVmAttestation, removeAzStackHciVmAttestation } from '@/lib/powershell';
import { matchesQuery } from '@/lib/use-search-param';
import { useVmBenefits } from '../api/benefits-mutations';
import { useBenefitsStyles } from './azure-benefits-page.styles';
import { benefitsJobRunning, useBenefitsPage } from './benefits-context';
import { VmProblemList } from './operation-result';

const columns: DataTableColumn<BenefitsVmDto>[] = [
  {
    id: 'name',
    header: 'VM name',
    width: 'minmax(160px, 1.3fr)',
    cell: (v) => v.name,
    sortValue: (v) => v.name,
  },
  {
    id: 'benefits',
    header: 'VM benefits status',
    width: 'minmax(140px, 1fr)',
    cell: (v) => <StatusBadge status={v.benefits} />,
    sortValue: (v) => v.benefits,
  },
  {
    id: 'host',
    header: 'Host server',
    width: 'minmax(130px, 1fr)',
    cell: (v) => v.hostServer,
    sortValue: (v) => v.hostServer,
  },
  {
    id: 'hostBenefits',
    header: 'Host server benefits',
    width: 'minmax(150px, 1fr)',
    cell: (v) => <StatusBadge status={v.hostServerBenefits} />,
    sortValue: (v) => v.hostServerBenefits,
  },
];

interface VmTableProps {
  action: 'add' | 'remove';
  title: string;
  actionLabel: string;
  vms: readonly BenefitsVmDto[];
}

/** One of the two stacked master views: its own action, count, selection, search and table. */
function VmTable({ action, title, actionLabel, vms }: VmTableProps) {
  const styles = useBenefitsStyles();
  const headingId = useId();
  const { data, track } = useBenefitsPage();
  const change = useVmBenefits(data.cluster, action);
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<string[]>([]);
  const visible = useMemo(
    () => vms.filter((v) => matchesQuery(search, [v.name, v.hostServer, v.benefits, v.hostServerBenefits])),
    [vms, search],
  );
  // Rows leave the table when their VM moves to the other one; a selection only holds rows still here.
  const selected = selection.filter((id) => vms.some((v) => v.id === id));
  const selectedVms = vms.filter((v) => selected.includes(v.id));
  const blocked = selectedVms.flatMap((v) => {
    const blocker = action === 'add' ? v.turnOnBlocker : v.turnOffBlocker;
    return blocker
      ? [{ vmId: v.id, vmName: v.name, hostServer: v.hostServer, message: blocker.message, fix: blocker.fix }]
      : [];
  });
  const busy = benefitsJobRunning(data);
  const targets = selectedVms.map((v) => ({ name: v.name, host: v.hostServer }));
  const commands =
    action === 'add' ? addAzStackHciVmAttestation(targets) : removeAzStackHciVmAttestation(targets);
  const verb = action === 'add' ? 'on' : 'off';

  const run = () => {
    const vmIds = selected;
    change.mutate(
      { vmIds },
      {
        onSuccess: (operation) => {
          track({ title: `Turn ${verb} Azure benefits for VMs`, jobId: operation.job.id });
          setSelection([]);
        },
        onError: (error) => track({ title: `Couldn't turn ${verb} Azure benefits for VMs`, error }),
      },
    );
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {title}
      </h3>
      <ActionBar
        ariaLabel={`${title} actions`}
        itemCount={vms.length}
        selectedCount={selected.length}
        onClearSelection={() => setSelection([])}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: `Search ${title}`,
        }}
        actions={
          <>
            <Tooltip
              content={
                busy
                  ? 'Wait for the running Azure benefits operation to finish.'
                  : selected.length === 0
                    ? 'Select one or more VMs first.'
                    : `${actionLabel} (${selected.length} selected)`
              }
              relationship="description"
            >
              <ActionButton
                icon={action === 'add' ? <ArrowCircleUpRegular /> : <ArrowCircleDownRegular />}
                disabledFocusable={selected.length === 0 || busy || change.isPending}
                onClick={run}
              >
                {actionLabel}
              </ActionButton>
            </Tooltip>
            <ShowPowerShell title={`PowerShell for ${actionLabel}`} commands={commands} />
          </>
        }
      />
      {blocked.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {blocked.length === 1 ? '1 selected VM' : `${blocked.length} selected VMs`} can&apos;t be turned{' '}
              {verb} now
            </MessageBarTitle>
            <VmProblemList problems={blocked} />
          </MessageBarBody>
        </MessageBar>
      )}
      <DataTable
        ariaLabel={title}
        items={visible}
        columns={columns}
        getRowId={(v) => v.id}
        getRowLabel={(v) => v.name}
        selectionMode="multi"
        selectedIds={selected}
        onSelectionChange={setSelection}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        className={styles.table}
      />
    </section>
  );
}

/** The VMs tab: VMs without Azure benefits above, VMs with them below; moving rows between them is the job. */
export function VmsTab() {
  const styles = useBenefitsStyles();
  const { data } = useBenefitsPage();
  const without = data.vms.filter((v) => v.benefits === 'Off');
  const withBenefits = data.vms.filter((v) => v.benefits === 'On');
  const badHosts = data.servers.filter((s) => s.status === 'Inactive' || s.status === 'Unknown');
  return (
    <div className={styles.root}>
      {badHosts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{badHosts.map((s) => `${s.name} is ${s.status}`).join(', ')}</MessageBarTitle>
            You can&apos;t turn Azure benefits on or off for VMs on{' '}
            {badHosts.length === 1 ? 'this server' : 'these servers'}. Go to the Cluster tab to fix Azure
            benefits for {badHosts.length === 1 ? 'it' : 'them'}, then manage the VMs again.
          </MessageBarBody>
        </MessageBar>
      )}
      <VmTable
        action="add"
        title="VMs without Azure benefits"
        actionLabel="Turn on Azure benefits for VMs"
        vms={without}
      />
      <VmTable
        action="remove"
        title="VMs with Azure benefits"
        actionLabel="Turn off Azure benefits for VMs"
        vms={withBenefits}
      />
    </div>
  );
}
