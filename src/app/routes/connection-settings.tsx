import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { SettingsLayout } from '@/components/settings-layout/settings-layout';
import { isConnectionType, paths, settingsSections } from '@/config/paths';
import { RegistrationSettings, ServerRegistrationSettings } from '@/features/clusters/components/registration-settings';
import { gatewayQueries } from '@/features/gateway/api/gateway-queries';

/** A connection's Settings: the "Azure Stack HCI" group, for now its registration section. */
export function Component() {
  const { type, name = '', section } = useParams();
  // The gateway decides whether cluster registration can start (see RegistrationSettings).
  const gateway = useQuery({ ...gatewayQueries.detail(), enabled: type === 'cluster' });
  if (!isConnectionType(type)) return null;
  if (section !== settingsSections.registration) {
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
          ],
        },
      ]}
    >
      {type === 'cluster' ? (
        <RegistrationSettings clusterName={name} gateway={gateway} />
      ) : (
        <ServerRegistrationSettings serverName={name} />
      )}
    </SettingsLayout>
  );
}
