import { AzureStackPage } from '@/features/cloud-view/components/azure-stack-page';

export function Component() {
  return <AzureStackPage />;
}
