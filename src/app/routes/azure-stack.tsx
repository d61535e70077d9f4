import { MultiCloudPage } from '@/features/multi-cloud/components/multi-cloud-page';

export function Component() {
  return <MultiCloudPage />;
}
