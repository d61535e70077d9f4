import { Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionDto } from '@/api/contract';
import { ContextPane } from '@/components/context-pane/context-pane';
import { ApiError } from '@/lib/api-client';
import { useUpdateConnection } from '../api/connection-mutations';

export type ConnectionEdit = 'tags' | 'manage-as';

/**
 * WAC's Edit Tags and Manage as for the selected connections. ui.md names both actions but not their panes, so
 * the field labels here are this portal's own. Manage as records the account WAC connects with; the
 * simulated servers take any account, so no password is asked for.
 */
export function EditConnectionPane({
  edit,
  connections,
  onClose,
}: {
  edit: ConnectionEdit;
  connections: readonly ConnectionDto[];
  onClose: () => void;
}) {
  const update = useUpdateConnection();
  const [first] = connections;
  const [tags, setTags] = useState(() => (connections.length === 1 ? (first?.tags ?? []).join(', ') : ''));
  const [account, setAccount] = useState(first?.managingAs ?? '');
  const [error, setError] = useState<string | null>(null);
  const names = connections.map((c) => c.name).join(', ');
  const submit = async () => {
    setError(null);
    const change =
      edit === 'tags'
        ? {
            tags: tags
              .split(',')
              .map((t) => t.trim())
              .filter((t) => t !== ''),
          }
        : { managingAs: account.trim() };
    try {
      for (const connection of connections) await update.mutateAsync({ connection, change });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <ContextPane
      open
      title={edit === 'tags' ? 'Edit Tags' : 'Manage as'}
      description={names}
      primaryLabel="Save"
      secondaryLabel="Cancel"
      submitting={update.isPending}
      primaryDisabled={edit === 'manage-as' && account.trim() === ''}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {edit === 'tags' ? (
        <Field label="Tags" hint="Separate tags with commas, for example: production, hyper-converged">
          <Input value={tags} onChange={(_e, d) => setTags(d.value)} />
        </Field>
      ) : (
        <Field label="Username" required hint="As DOMAIN\user or user@domain">
          <Input value={account} onChange={(_e, d) => setAccount(d.value)} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </ContextPane>
  );
}
