import { MultiCloudPage } from '@/features/multi-cloud/components/multi-cloud-page';
import { SolutionSelector } from '@/shell/solution-selector';
import { azureStackPortalThemes, portalBarTheme } from '../portal-themes';
import { PortalFrame } from './portal-frame';

export function Component() {
  return (
    <PortalFrame themes={azureStackPortalThemes}>
      {(portal) => (
        <MultiCloudPage
          chrome={portal.chrome}
          barTheme={portalBarTheme}
          solutionSelector={<SolutionSelector />}
        />
      )}
    </PortalFrame>
  );
}
