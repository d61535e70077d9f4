import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
  Toolbar,
  ToolbarButton,
} from '@fluentui/react-components';
import { AddRegular, ArrowUndoRegular, DeleteRegular, RenameRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CheckpointDto } from '@/api/vms-contract';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { CheckpointTree } from './checkpoint-tree';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export type CheckpointRequest =
  | { op: 'create'; name: string }
  | { op: 'apply'; checkpointId: string }
  | { op: 'rename'; checkpointId: string; name: string }
  | { op: 'delete'; checkpointId: string };

export interface CheckpointPanelProps {
  vmName: string;
  checkpoints: readonly CheckpointDto[];
  /** Starts the job; rejects with the server's message, shown in the dialog that asked. */
  onAction: (request: CheckpointRequest) => Promise<unknown>;
  /** @default false */
  disabled?: boolean;
}

/** Hyper-V's default name: "{vm} - (date - time)". */
function defaultName(vmName: string): string {
  const now = new Date();
  return `${vmName} - (${now.toLocaleDateString('en-US')} - ${now.toLocaleTimeString('en-US')})`;
}

function nameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name for the checkpoint.';
  if (name.length > 100) return 'A checkpoint name is at most 100 characters.';
  return undefined;
}

/** The checkpoint tree with its commands: Checkpoint (create), Apply, Rename and Delete. */
export function CheckpointPanel({ vmName, checkpoints, onAction, disabled = false }: CheckpointPanelProps) {
  const styles = useStyles();
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'create' | 'rename' | 'apply' | 'delete' | undefined>();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = checkpoints.find((c) => c.id === selectedId);

  const open = (which: NonNullable<typeof dialog>) => {
    setError(null);
    setTouched(false);
    if (which === 'create') setName(defaultName(vmName));
    if (which === 'rename') setName(selected?.name ?? '');
    setDialog(which);
  };
  const close = () => {
    setDialog(undefined);
    setError(null);
  };
  const run = (request: CheckpointRequest) => {
    setBusy(true);
    setError(null);
    onAction(request)
      .then(() => {
        setDialog(undefined);
        if (request.op === 'delete') setSelectedId(undefined);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const problem = touched ? nameProblem(name) : undefined;
  const submitName = () => {
    setTouched(true);
    if (nameProblem(name)) return;
    if (dialog === 'create') run({ op: 'create', name: name.trim() });
    else if (dialog === 'rename' && selected)
      run({ op: 'rename', checkpointId: selected.id, name: name.trim() });
  };

  return (
    <div className={styles.root}>
      <Toolbar aria-label={`Checkpoint actions for ${vmName}`}>
        <ToolbarButton
          appearance="subtle"
          icon={<AddRegular />}
          disabled={disabled}
          onClick={() => open('create')}
        >
          Checkpoint
        </ToolbarButton>
        <ToolbarButton
          appearance="subtle"
          icon={<ArrowUndoRegular />}
          disabled={disabled || !selected}
          onClick={() => open('apply')}
        >
          Apply
        </ToolbarButton>
        <ToolbarButton
          appearance="subtle"
          icon={<RenameRegular />}
          disabled={disabled || !selected}
          onClick={() => open('rename')}
        >
          Rename
        </ToolbarButton>
        <ToolbarButton
          appearance="subtle"
          icon={<DeleteRegular />}
          disabled={disabled || !selected}
          onClick={() => open('delete')}
        >
          Delete
        </ToolbarButton>
      </Toolbar>
      <CheckpointTree
        vmName={vmName}
        checkpoints={checkpoints}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />

      <Dialog
        open={dialog === 'create' || dialog === 'rename'}
        modalType="modal"
        onOpenChange={(_e, d) => !d.open && close()}
      >
        <DialogSurface>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submitName();
            }}
          >
            <DialogBody>
              <DialogTitle>
                {dialog === 'create'
                  ? `Create a checkpoint of '${vmName}'`
                  : `Rename the checkpoint '${selected?.name ?? ''}'`}
              </DialogTitle>
              <DialogContent className={styles.form}>
                <Field
                  label="Checkpoint name"
                  required
                  validationState={problem || error ? 'error' : 'none'}
                  validationMessage={problem ?? error ?? undefined}
                >
                  <Input
                    value={name}
                    onChange={(_e, d) => setName(d.value)}
                    onBlur={() => setTouched(true)}
                  />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit" disabled={busy}>
                  {dialog === 'create' ? 'Create' : 'Rename'}
                </Button>
                <Button onClick={close}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>

      <ConfirmDialog
        open={dialog === 'apply'}
        title={`Apply the checkpoint '${selected?.name ?? ''}'?`}
        message={`'${vmName}' returns to the state it had when '${selected?.name ?? ''}' was taken, and is turned off. Changes made since the last checkpoint are lost.`}
        confirmLabel="Apply"
        cancelLabel="Cancel"
        busy={busy}
        error={error}
        onConfirm={() => selected && run({ op: 'apply', checkpointId: selected.id })}
        onCancel={close}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete the checkpoint '${selected?.name ?? ''}'?`}
        message={`The checkpoint '${selected?.name ?? ''}' of '${vmName}' is merged into its parent and deleted; checkpoints taken after it are kept.`}
        confirmLabel="Delete"
        cancelLabel="Cancel"
        busy={busy}
        error={error}
        onConfirm={() => selected && run({ op: 'delete', checkpointId: selected.id })}
        onCancel={close}
      />
    </div>
  );
}
