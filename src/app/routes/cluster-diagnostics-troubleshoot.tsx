import { useParams } from 'react-router';
import { TroubleshooterPage } from '@/features/diagnostics/components/troubleshooter-page';

export function Component() {
  const { name = '' } = useParams();
  return <TroubleshooterPage key={name} clusterName={name} />;
}
