import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { CloudSummaryDto } from '@/api/vms-contract';

/**
 * Seed 004's first load in multi-cloud mode: until a Windows Azure Pack cloud's connector is configured, "you'll
 * see errors about not being able to fetch subscriptions or extensions from the Azure Pack cloud. Click OK to
 * close these messages." The seed paraphrases those errors and gives no dialog text, so the dialog says it in
 * the seed's words, with the connector's reason from the simulation. The simulation models a connector that is
 * not configured yet as one that does not answer (ConnectorUnreachable); once it answers, the cloud's
 * resources appear.
 */
export function WapFetchErrors({ clouds, onOk }: { clouds: readonly CloudSummaryDto[]; onOk: () => void }) {
  const [first] = clouds;
  if (!first) return null;
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Errors from the Azure Pack cloud ${first.name}`}</DialogTitle>
          <DialogContent>
            <p>{`Not able to fetch subscriptions or extensions from the Azure Pack cloud ${first.name}.`}</p>
            {first.reason && <p>{first.reason}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onOk}>
              OK
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
