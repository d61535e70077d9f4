import { Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { labQueries } from '@/api/queries/lab-queries';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { useMarkAppReady } from '@/lib/app-ready';
import { CasesSection } from './cases-section';
import { ClockSection } from './clock-section';
import { FaultSection } from './fault-section';
import { useLabStyles } from './lab.styles';
import { PresetSection } from './preset-section';
import { WorldFileSection } from './world-file-section';

/** The simulation lab: drive the simulated world without the console. */
export function LabPage() {
  const styles = useLabStyles();
  const state = useQuery(labQueries.state());
  useMarkAppReady(!state.isPending);
  return (
    <PageLayout>
      <PageHeader title="Simulation lab" />
      <Text className={styles.intro}>
        Everything behind this portal is a simulation. Move its clock, load presets, switch faults on and off,
        and reproduce the cases of the troubleshooting guide. window.hciSim drives the same world.
      </Text>
      {state.isPending && <LoadingState label="Loading the simulation..." />}
      {isLoadFailure(state) && (
        <ErrorState
          error={state.error}
          title="Couldn't read the simulation"
          onRetry={() => void state.refetch()}
        />
      )}
      {state.data && (
        <>
          <ClockSection state={state.data} />
          <PresetSection state={state.data} />
          <FaultSection state={state.data} />
          <CasesSection state={state.data} />
          <WorldFileSection state={state.data} />
        </>
      )}
    </PageLayout>
  );
}
