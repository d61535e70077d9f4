import { useParams } from 'react-router';
import { DiagnosticsPage } from '@/features/diagnostics/components/diagnostics-page';

export function Component() {
  const { name = '' } = useParams();
  return <DiagnosticsPage key={name} clusterName={name} />;
}
