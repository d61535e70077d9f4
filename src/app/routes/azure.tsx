import { CloudView } from '@/features/cloud-view/components/cloud-view';
import { SolutionSelector } from '@/shell/solution-selector';
import { azurePortalThemes, portalBarTheme } from '../portal-themes';
import { PortalFrame } from './portal-frame';

export function Component() {
  return (
    <PortalFrame themes={azurePortalThemes}>
      {(portal) => (
        <CloudView chrome={portal.chrome} barTheme={portalBarTheme} solutionSelector={<SolutionSelector />} />
      )}
    </PortalFrame>
  );
}
