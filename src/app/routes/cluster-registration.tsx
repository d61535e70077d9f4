import { makeStyles, tokens } from '@fluentui/react-components';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { RegistrationStatus } from '@/features/hci-registration/components/registration-status';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Tools → Azure Arc → Azure Stack HCI registration ("Azure Arc | Azure Stack HCI registration"). */
export function Component() {
  const styles = useStyles();
  const { name = '' } = useParams();
  return (
    <PageLayout>
      <div className={styles.body}>
        <PageHeader title="Azure Arc | Azure Stack HCI registration" />
        <RegistrationStatus clusterName={name} />
      </div>
    </PageLayout>
  );
}
