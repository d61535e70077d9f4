import { Navigate, useParams } from 'react-router';
import { SettingsLayout } from '@/components/settings-layout/settings-layout';
import { paths, settingsSections } from '@/config/paths';
import { AccountSettings } from '@/features/gateway/components/account-settings';
import { PersonalizationSettings } from '@/features/gateway/components/personalization-settings';

const sections = [
  { id: settingsSections.account, title: 'Account', Component: AccountSettings },
  { id: settingsSections.personalization, title: 'Personalization', Component: PersonalizationSettings },
] as const;

/** The gateway's Settings (the gear): the user's Account and Personalization. */
export function Component() {
  const { section } = useParams();
  const current = sections.find((s) => s.id === section);
  if (!current) return <Navigate to={paths.gatewaySettings(settingsSections.account)} replace />;
  return (
    <SettingsLayout
      title="Settings"
      currentId={current.id}
      groups={[{ title: 'User', sections: sections.map((s) => ({ id: s.id, title: s.title, to: paths.gatewaySettings(s.id) })) }]}
    >
      <current.Component />
    </SettingsLayout>
  );
}
