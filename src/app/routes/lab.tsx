import { LabPage } from '@/features/lab/components/lab-page';

export function Component() {
  return <LabPage />;
}
