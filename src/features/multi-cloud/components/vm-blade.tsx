import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CloudSummaryDto, CloudVmDetailDto } from '@/api/vms-contract';
import { ActionFailures } from '@/components/action-failure/action-failures';
import { Banner } from '@/components/banner/banner';
import { CheckpointPanel } from '@/components/checkpoint-tree/checkpoint-panel';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DetailsGrid } from '@/components/details-pane/details-pane';
import { commonEssentials, Essentials, withTags } from '@/components/portal-blade/essentials';
import { ResourceBlade } from '@/components/portal-blade/resource-blade';
import { ResourceId } from '@/components/portal-blade/resource-id';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useVmActions } from '@/components/vm-action-bar/use-vm-actions';
import { VmActionBar } from '@/components/vm-action-bar/vm-action-bar';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime, formatDuration } from '@/lib/format';
import { useSearchParam } from '@/lib/use-search-param';
import { cloudKeys, cloudQueries, cloudVmPath } from '@/api/queries/cloud-queries';
import { groupHeaderOf, useCloudErrorRefresh } from './cloud-status';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0 },
  crumbs: { paddingInline: tokens.spacingHorizontalL, paddingBlock: tokens.spacingVerticalXS, flexShrink: 0 },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: {
    margin: 0,
    marginTop: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** A cloud VM's actions change the cloud's lists and this VM: the cloud's keys, now and when the job ends. */
const CLOUD_VM_META = { invalidates: [cloudKeys.all], invalidatesWhenJobEnds: [cloudKeys.all] };

const memory = (mib: number) => `${(mib / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;

type BladeTab = 'overview' | 'settings' | 'checkpoints';

export interface VmBladeProps {
  cloud: CloudSummaryDto;
  vmId: string;
  /** Back to the cloud's Virtual machines list. */
  onClose: () => void;
}

/**
 * A VM of the Azure Stack user portal as the portal shows it: a blade with Overview (Essentials), Configuration
 * and Checkpoints, and the command bar Connect, Start, Stop, Delete, Checkpoints. The URL (`cloud`, `vm`,
 * `tab`) names it, so a link opens the same blade.
 */
export function VmBlade({ cloud, vmId, onClose }: VmBladeProps) {
  const styles = useStyles();
  const vm = useQuery(cloudQueries.vm(cloud.name, vmId));
  const subscriptions = useQuery(cloudQueries.subscriptions(cloud.name));
  const [tabParam, setTab] = useSearchParam('tab');
  const tab: BladeTab = tabParam === 'settings' || tabParam === 'checkpoints' ? tabParam : 'overview';
  const [confirmDelete, setConfirmDelete] = useState(false);
  const onCloudError = useCloudErrorRefresh();
  const actions = useVmActions({
    vmPath: (target) => cloudVmPath(cloud.name, target.id),
    meta: CLOUD_VM_META,
    onError: onCloudError,
  });
  useMarkAppReady(!vm.isPending);
  const v: CloudVmDetailDto | undefined = vm.data;
  const name = v?.name ?? vmId;
  const groupHeader = groupHeaderOf(cloud);
  const subscriptionName =
    subscriptions.data?.find((s) => s.subscriptionId === v?.subscriptionId)?.displayName ??
    v?.subscriptionId ??
    '-';

  return (
    <div className={styles.root}>
      <Breadcrumb aria-label="Breadcrumb" size="small" className={styles.crumbs}>
        <BreadcrumbItem>
          <BreadcrumbButton onClick={onClose}>Virtual machines</BreadcrumbButton>
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>{name}</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      <ResourceBlade
        name={name}
        type="Virtual machine"
        menu={[
          { id: 'overview', label: 'Overview' },
          { id: 'settings', label: 'Configuration', group: 'Settings' },
          { id: 'checkpoints', label: 'Checkpoints', group: 'Settings' },
        ]}
        active={tab}
        onSelect={(next) => setTab(next === 'overview' ? '' : next)}
        commands={
          <VmActionBar
            commands={[
              {
                id: 'connect',
                disabled: v?.state !== 'Running' || actions.connecting,
                onClick: () => v && actions.connect(v),
              },
              {
                id: 'start',
                disabled: !v || !['Off', 'Saved', 'Paused'].includes(v.state),
                onClick: () => v && actions.power(v, 'start'),
              },
              {
                id: 'stop',
                disabled: v?.state !== 'Running',
                onClick: () => v && actions.power(v, 'stop'),
              },
              {
                id: 'delete',
                disabled: !v || !['Off', 'Saved'].includes(v.state),
                onClick: () => setConfirmDelete(true),
              },
              { id: 'checkpoints', disabled: !v, onClick: () => setTab('checkpoints') },
            ]}
            onRefresh={() => void vm.refetch()}
            refreshing={vm.isFetching}
          />
        }
      >
        <div className={styles.banners}>
          {actions.running.length > 0 && (
            <Banner intent="info">
              {actions.running.map((j) => `${j.currentStep ?? j.title} ${j.percent}%`).join(' · ')}
            </Banner>
          )}
          <ActionFailures failures={actions.failures} onDismiss={actions.dismiss} />
          {actions.notice && (
            <Banner intent="success" onDismiss={actions.clearNotice}>
              {actions.notice}
            </Banner>
          )}
        </div>
        {isLoadFailure(vm) ? (
          <ErrorState error={vm.error} title={`Couldn't load ${name}`} onRetry={() => void vm.refetch()} />
        ) : !v ? (
          <LoadingState />
        ) : tab === 'overview' ? (
          <Essentials
            left={commonEssentials({
              status: <StatusBadge status={v.state} />,
              location: v.cloud,
              subscription: subscriptionName,
              subscriptionId: v.subscriptionId ? (
                <ResourceId value={v.subscriptionId} label="Subscription ID" />
              ) : (
                '-'
              ),
            })}
            right={withTags(
              [
                ...(groupHeader === 'Subscription' ? [] : [{ label: groupHeader, value: v.group }]),
                { label: 'Size', value: `${v.cpuCount} vCPU, ${memory(v.memoryMiB)}` },
                { label: 'Operating system', value: v.os },
                { label: 'IP address', value: v.ipAddress },
                { label: 'Virtual networks', value: v.networks.join(', ') || 'None' },
                { label: 'Uptime', value: formatDuration(v.uptimeSeconds) },
                { label: 'Created', value: formatDateTime(v.createdAt) },
              ].slice(0, 5),
              undefined,
            )}
          />
        ) : tab === 'settings' ? (
          [...new Set(v.settings.map((s) => s.group))].map((group) => (
            <section key={group} aria-label={group}>
              <h2 className={styles.group}>{group}</h2>
              <DetailsGrid
                fields={v.settings
                  .filter((s) => s.group === group)
                  .map((s) => ({ label: s.label, value: s.value }))}
              />
            </section>
          ))
        ) : (
          <CheckpointPanel vmName={v.name} checkpoints={v.checkpoints} onAction={actions.checkpoint(v)} />
        )}
      </ResourceBlade>
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete the virtual machine '${name}'?`}
        message={`'${name}' will be deleted from ${cloud.name}${v && v.checkpointCount > 0 ? `, with its ${v.checkpointCount} checkpoint${v.checkpointCount === 1 ? '' : 's'}` : ''}.`}
        confirmLabel="Delete"
        cancelLabel="Cancel"
        busy={actions.deleting}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          if (v) actions.remove(v, onClose);
        }}
      />
    </div>
  );
}
