import { CloudViewPage } from '@/features/cloud-view/components/cloud-view-page';

export function Component() {
  return <CloudViewPage />;
}
