import { makeStyles, tokens } from '@fluentui/react-components';
import { CloudRegular } from '@fluentui/react-icons';
import { EmptyState } from '@/components/empty-state/empty-state';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { useMarkAppReady } from '@/lib/app-ready';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
});

/** The Azure Stack portal in multi-cloud mode: the clouds the Azure Pack connector has joined to it. */
export function AzureStackPage() {
  const styles = useStyles();
  useMarkAppReady(true);
  return (
    <PageLayout>
      <PageHeader title="Azure Stack portal (multi-cloud)" />
      <p className={styles.intro}>
        In multi-cloud mode the portal lists Azure Stack and each Windows Azure Pack cloud joined through the Azure Pack
        connector, with their virtual machines and virtual networks.
      </p>
      <EmptyState title="No clouds are connected to this portal." icon={<CloudRegular />} />
    </PageLayout>
  );
}
