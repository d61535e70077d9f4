import { useParams } from 'react-router';
import { ArcOverview } from '@/features/arc/components/arc-overview';

export function Component() {
  const { name = '' } = useParams();
  return <ArcOverview key={name} clusterName={name} />;
}
