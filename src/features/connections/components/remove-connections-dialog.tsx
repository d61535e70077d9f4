import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { errorMessage } from '@/lib/api-client';
import { useRemoveConnections, type ConnectionRef } from '../api/connection-mutations';

export interface RemoveConnectionsDialogProps {
  open: boolean;
  connections: readonly ConnectionRef[];
  onClose: () => void;
  onRemoved: () => void;
}

export function RemoveConnectionsDialog({
  open,
  connections,
  onClose,
  onRemoved,
}: RemoveConnectionsDialogProps) {
  const removeConnections = useRemoveConnections();
  const names = connections.map((c) => c.name).join(', ');
  const close = () => {
    removeConnections.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title="Remove Connection(s)"
      message={`Are you sure you want to remove ${names} from the connections list?`}
      confirmLabel="Yes"
      cancelLabel="No"
      busy={removeConnections.isPending}
      error={removeConnections.isError ? errorMessage(removeConnections.error) : null}
      onCancel={close}
      onConfirm={() =>
        removeConnections.mutate(connections, {
          onSuccess: () => {
            onRemoved();
            close();
          },
        })
      }
    />
  );
}
