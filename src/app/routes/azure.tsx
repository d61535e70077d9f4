import { CloudView } from '@/features/cloud-view/components/cloud-view';

export function Component() {
  return <CloudView />;
}
