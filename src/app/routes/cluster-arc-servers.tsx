import { useParams } from 'react-router';
import { ArcServers } from '@/features/arc/components/arc-servers';

export function Component() {
  const { name = '' } = useParams();
  return <ArcServers key={name} clusterName={name} />;
}
