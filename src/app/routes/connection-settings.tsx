import { Navigate, useParams } from 'react-router';
import { SettingsLayout } from '@/components/settings-layout/settings-layout';
import { isConnectionType, paths, settingsSections } from '@/config/paths';
import { AzureBenefitsSettings } from '@/features/benefits/components/azure-benefits-page';
import { ServerRegistrationSettings } from '@/features/clusters/components/registration-settings';
import { RegistrationStatus } from '@/features/hci-registration/components/registration-status';

/** A connection's Settings: the "Azure Stack HCI" group, for now its registration section. */
export function Component() {
  const { type, name = '', section } = useParams();
  if (!isConnectionType(type)) return null;
  const benefits = type === 'cluster' && section === settingsSections.benefits;
  if (section !== settingsSections.registration && !benefits) {
    return <Navigate to={paths.connectionSettings(type, name, settingsSections.registration)} replace />;
  }
  return (
    <SettingsLayout
      title="Settings"
      currentId={section}
      groups={[
        {
          title: 'Azure Stack HCI',
          sections: [
            {
              id: settingsSections.registration,
              title: 'Azure Stack HCI registration',
              to: paths.connectionSettings(type, name, settingsSections.registration),
            },
            ...(type === 'cluster'
              ? [
                  {
                    id: settingsSections.benefits,
                    title: 'Azure benefits',
                    to: paths.connectionSettings(type, name, settingsSections.benefits),
                  },
                ]
              : []),
          ],
        },
      ]}
    >
      {benefits ? (
        <AzureBenefitsSettings clusterName={name} />
      ) : type === 'cluster' ? (
        // The status page with Sync now / Repair / Unregister, and the Register pane (?register=open).
        <RegistrationStatus clusterName={name} title="Azure Stack HCI registration" />
      ) : (
        <ServerRegistrationSettings serverName={name} />
      )}
    </SettingsLayout>
  );
}
