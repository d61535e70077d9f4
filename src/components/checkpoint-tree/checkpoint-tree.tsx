import { makeStyles, tokens, Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import { ArrowCurveDownRightRegular, HistoryRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { CheckpointDto } from '@/api/vms-contract';
import { formatDateTime } from '@/lib/format';

const useStyles = makeStyles({
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  when: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  now: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
});

export interface CheckpointTreeProps {
  vmName: string;
  checkpoints: readonly CheckpointDto[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/**
 * Hyper-V Manager's checkpoint tree: each checkpoint under the one it was taken from, and "Now" under the
 * checkpoint the VM currently runs from. Selecting a checkpoint picks it for Apply, Rename and Delete.
 */
export function CheckpointTree({ vmName, checkpoints, selectedId, onSelect }: CheckpointTreeProps) {
  const styles = useStyles();
  if (checkpoints.length === 0) {
    return <p className={styles.empty}>{`${vmName} has no checkpoints.`}</p>;
  }
  const children = new Map<string | null, CheckpointDto[]>();
  for (const cp of checkpoints) {
    const parent = cp.parentId !== null && checkpoints.some((c) => c.id === cp.parentId) ? cp.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), cp]);
  }
  const openItems = checkpoints.map((c) => c.id);
  const renderLevel = (parent: string | null): ReactNode =>
    (children.get(parent) ?? []).map((cp) => {
      const kids = children.get(cp.id) ?? [];
      const branch = kids.length > 0 || cp.current;
      return (
        <TreeItem
          key={cp.id}
          value={cp.id}
          itemType={branch ? 'branch' : 'leaf'}
          aria-label={`${cp.name}${cp.current ? ' (current)' : ''}`}
        >
          <TreeItemLayout
            iconBefore={<HistoryRegular />}
            aside={<span className={styles.when}>{formatDateTime(cp.createdAt)}</span>}
          >
            {cp.name}
          </TreeItemLayout>
          {branch && (
            <Tree>
              {renderLevel(cp.id)}
              {cp.current && (
                <TreeItem value={`${cp.id}:now`} itemType="leaf" aria-label="Now">
                  <TreeItemLayout iconBefore={<ArrowCurveDownRightRegular />}>
                    <span className={styles.now}>Now</span>
                  </TreeItemLayout>
                </TreeItem>
              )}
            </Tree>
          )}
        </TreeItem>
      );
    });
  return (
    <Tree
      aria-label={`Checkpoints of ${vmName}`}
      selectionMode="single"
      checkedItems={selectedId ? [selectedId] : []}
      openItems={[...openItems]}
      onCheckedChange={(_event, data) => {
        const value = String(data.value);
        if (!value.endsWith(':now')) onSelect(value);
      }}
    >
      {renderLevel(null)}
    </Tree>
  );
}
