import { Checkbox, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionDto } from '@/api/contract';
import { ContextPane } from '@/components/context-pane/context-pane';
import { ApiError } from '@/lib/api-client';
import { useUpdateConnection } from '../api/connection-mutations';
import { validateManagingAs, validateTags } from './connection-fields';

export type ConnectionEdit = 'tags' | 'manage-as';

/**
 * WAC's Edit Tags and Manage as for the selected connections. ui.md names both actions but not their panes, and
 * no reference file (ui.md, behaviour.md, the seeds, the screenshots) or issue 16 gives Manage as's texts. Outside
 * them: "Use these credentials for all connections" is the checkbox WAC's known-issues page names (ui.md's S10,
 * which ui.md does not quote on this), and "Specify your credentials" the panel's title as a public lab
 * walk-through names it; the "User name" and "Password" labels are this portal's own. The simulation keeps the
 * credentials with the connection and never returns the password; the Edit Tags labels are this portal's own.
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
  const [password, setPassword] = useState('');
  const [allConnections, setAllConnections] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const names = connections.map((c) => c.name).join(', ');
  const tagList = tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  // each field's rule is the API's (updateConnectionSchema), shown beside the field once it is touched
  const tagsError = touched ? validateTags(tagList) : null;
  const accountError = touched ? validateManagingAs(account) : null;
  const submit = async () => {
    setError(null);
    setTouched(true);
    if ((edit === 'tags' ? validateTags(tagList) : validateManagingAs(account)) !== null) return;
    const change =
      edit === 'tags'
        ? { tags: tagList }
        : {
            managingAs: account.trim(),
            ...(password === '' ? {} : { password }),
            ...(allConnections ? { allConnections: true } : {}),
          };
    // For all connections one request sets every connection; otherwise one a selected connection.
    const targets = edit === 'manage-as' && allConnections ? connections.slice(0, 1) : connections;
    try {
      for (const connection of targets) await update.mutateAsync({ connection, change });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <ContextPane
      open
      title={edit === 'tags' ? 'Edit Tags' : 'Specify your credentials'}
      description={names}
      primaryLabel="Save"
      secondaryLabel="Cancel"
      submitting={update.isPending}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {edit === 'tags' ? (
        <Field
          label="Tags"
          hint="Separate tags with commas, for example: production, hyper-converged"
          validationMessage={tagsError}
          validationState={tagsError ? 'error' : 'none'}
        >
          <Input value={tags} onChange={(_e, d) => setTags(d.value)} onBlur={() => setTouched(true)} />
        </Field>
      ) : (
        <>
          <Field
            label="User name"
            required
            validationMessage={accountError}
            validationState={accountError ? 'error' : 'none'}
          >
            <Input
              value={account}
              autoComplete="username"
              onChange={(_e, d) => setAccount(d.value)}
              onBlur={() => setTouched(true)}
            />
          </Field>
          <Field label="Password">
            <Input
              type="password"
              value={password}
              autoComplete="current-password"
              onChange={(_e, d) => setPassword(d.value)}
            />
          </Field>
          <Checkbox
            label="Use these credentials for all connections"
            checked={allConnections}
            onChange={(_e, d) => setAllConnections(d.checked === true)}
          />
        </>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </ContextPane>
  );
}
