import { paths } from '@/config/paths';

export interface Solution {
  id: 'cluster-manager' | 'azure' | 'azure-stack';
  title: string;
  to: string;
}

export const solutions: readonly Solution[] = [
  { id: 'cluster-manager', title: 'Cluster Manager', to: paths.home() },
  { id: 'azure', title: 'Azure portal (cloud view)', to: paths.azurePortal() },
  { id: 'azure-stack', title: 'Azure Stack portal (multi-cloud)', to: paths.azureStackPortal() },
];

export function currentSolution(pathname: string): Solution {
  const [, first] = pathname.split('/');
  const match = solutions.find((s) => s.id !== 'cluster-manager' && s.id === first);
  return match ?? (solutions[0] as Solution);
}
