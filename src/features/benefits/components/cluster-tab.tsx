import { MessageBar, MessageBarBody, MessageBarTitle, Tooltip } from '@fluentui/react-components';
import { ArrowCircleDownRegular, ArrowSyncRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { BenefitsServerDto } from '@/api/benefits-contract';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { formatDate } from '@/lib/format';
import { useSyncWithAzure } from '../api/benefits-mutations';
import { useBenefitsStyles } from './azure-benefits-page.styles';
import { benefitsJobRunning, useBenefitsPage } from './benefits-context';
import { TurnOffDialog } from './turn-off-dialog';

const columns: DataTableColumn<BenefitsServerDto>[] = [
  {
    id: 'server',
    header: 'Server',
    width: 'minmax(180px, 1.4fr)',
    cell: (s) => s.fqdn,
    sortValue: (s) => s.fqdn,
  },
  {
    id: 'benefits',
    header: 'Azure benefits',
    width: 'minmax(140px, 1fr)',
    cell: (s) => <StatusBadge status={s.status} />,
    sortValue: (s) => s.status,
  },
  {
    id: 'expiration',
    header: 'Expiration date',
    width: 'minmax(140px, 1fr)',
    cell: (s) => formatDate(s.expiration),
    sortValue: (s) => s.expiration,
  },
];

/** The Cluster tab: each server's attestation status and certificate expiry, Sync with Azure, Turn off. */
export function ClusterTab() {
  const styles = useBenefitsStyles();
  const { data, track } = useBenefitsPage();
  const sync = useSyncWithAzure(data.cluster);
  const [turnOffOpen, setTurnOffOpen] = useState(false);
  const syncing = data.activeJobs.some((j) => j.kind === 'cluster/sync');
  const busy = benefitsJobRunning(data);
  const problems = data.servers.filter((s) => s.detail !== null);
  const needsSync = data.servers.some((s) => s.status === 'Expired');

  const startSync = () =>
    sync.mutate(undefined, {
      onSuccess: (job) => track({ title: 'Sync with Azure', jobId: job.id }),
      onError: (error) => track({ title: 'Sync with Azure', error }),
    });

  return (
    <div className={styles.section}>
      <ActionBar
        ariaLabel="Cluster actions"
        itemCount={data.servers.length}
        actions={
          <>
            <ActionButton
              icon={<ArrowSyncRegular />}
              onClick={startSync}
              disabled={syncing || sync.isPending}
            >
              Sync with Azure
            </ActionButton>
            <Tooltip
              content={
                busy
                  ? 'Wait for the running Azure benefits operation to finish.'
                  : 'Turn off Azure benefits for the cluster'
              }
              relationship="description"
            >
              <ActionButton
                icon={<ArrowCircleDownRegular />}
                disabledFocusable={busy}
                onClick={() => setTurnOffOpen(true)}
              >
                Turn off Azure benefits
              </ActionButton>
            </Tooltip>
          </>
        }
      />
      {data.syncBlocker !== null && (
        <MessageBar intent={needsSync ? 'error' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The cluster can&apos;t sync with Azure now</MessageBarTitle>
            {data.syncBlocker} Until it can, Sync with Azure fails and certificates aren&apos;t renewed.
          </MessageBarBody>
        </MessageBar>
      )}
      <DataTable
        ariaLabel="Servers and their Azure benefits"
        items={data.servers}
        columns={columns}
        getRowId={(s) => s.name}
        defaultSort={{ columnId: 'server', direction: 'ascending' }}
        className={styles.table}
      />
      {problems.length > 0 && (
        <ul className={styles.problems} aria-label="Servers that need attention">
          {problems.map((s) => (
            <li key={s.name}>
              <strong>{s.name}</strong> ({s.status}): {s.detail}
            </li>
          ))}
        </ul>
      )}
      <p className={styles.text}>
        The expiration date automatically extends as the servers sync with Azure. This has to happen at least
        once every 30 days to keep using Azure benefits. To extend it now, select Sync with Azure.
      </p>
      <TurnOffDialog open={turnOffOpen} onClose={() => setTurnOffOpen(false)} />
    </div>
  );
}
