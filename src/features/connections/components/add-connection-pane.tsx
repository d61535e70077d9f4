import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionDto } from '@/api/contract';
import { ContextPane } from '@/components/context-pane/context-pane';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useAddConnection } from '../api/connection-mutations';
import { validateHostName } from './connection-fields';

export interface AddConnectionPaneProps {
  open: boolean;
  onClose: () => void;
  onAdded: (connection: ConnectionDto) => void;
}

/** Errors the server attributes to the name belong next to the Name field, not in a general banner. */
function isNameError(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.code === 'InvalidParameter' || error.status === 409);
}

export function AddConnectionPane({ open, onClose, onAdded }: AddConnectionPaneProps) {
  const [name, setName] = useState('');
  const [type, setType] = useState<ConnectionDto['type']>('cluster');
  const [touched, setTouched] = useState(false);
  const addConnection = useAddConnection();

  const clientError = touched ? validateHostName(name) : null;
  const serverError = addConnection.error;
  const nameError = clientError ?? (isNameError(serverError) ? serverError.message : null);

  const close = () => {
    setName('');
    setType('cluster');
    setTouched(false);
    addConnection.reset();
    onClose();
  };

  const submit = () => {
    setTouched(true);
    if (validateHostName(name) !== null) return;
    addConnection.mutate(
      { name: name.trim(), type },
      {
        onSuccess: (connection) => {
          onAdded(connection);
          close();
        },
      },
    );
  };

  return (
    <ContextPane
      open={open}
      onClose={close}
      title="Add a connection"
      description="Add a server or a cluster of the simulated world to your connections list."
      primaryLabel="Add"
      onSubmit={submit}
      submitting={addConnection.isPending}
    >
      <Field
        label="Name"
        required
        validationState={nameError ? 'error' : 'none'}
        validationMessage={nameError ?? undefined}
        hint="A DNS host name, for example hci-cluster02 or hci-node5.contoso.com."
      >
        <Input
          value={name}
          autoComplete="off"
          onChange={(_event, data) => {
            setName(data.value);
            if (addConnection.isError) addConnection.reset();
          }}
          onBlur={() => setTouched(name !== '' || touched)}
        />
      </Field>
      <Field label="Type">
        <RadioGroup
          value={type}
          onChange={(_event, data) => setType(data.value === 'server' ? 'server' : 'cluster')}
        >
          <Radio value="server" label="Servers" />
          <Radio value="cluster" label="Server clusters" />
        </RadioGroup>
      </Field>
      {serverError && !isNameError(serverError) && (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(serverError)}</MessageBarBody>
        </MessageBar>
      )}
    </ContextPane>
  );
}
