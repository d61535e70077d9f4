import { Navigate, useParams } from 'react-router';
import { SettingsLayout } from '@/components/settings-layout/settings-layout';
import { paths, settingsSections } from '@/config/paths';
import { AzureAccountSettings, REGISTER_SECTION } from '@/features/azure-account/components/account-settings';
import { RegisterSettings } from '@/features/azure-account/components/register-settings';
import { PersonalizationSettings } from '@/features/gateway/components/personalization-settings';

const sections = [
  { id: settingsSections.account, title: 'Account', group: 'User', Component: AzureAccountSettings },
  {
    id: settingsSections.personalization,
    title: 'Personalization',
    group: 'User',
    Component: PersonalizationSettings,
  },
  { id: REGISTER_SECTION, title: 'Register', group: 'Gateway', Component: RegisterSettings },
] as const;
const groupTitles = ['User', 'Gateway'] as const;

/** The gateway's Settings (the gear): User (Account, Personalization) and Gateway (Register) sections. */
export function Component() {
  const { section } = useParams();
  const current = sections.find((s) => s.id === section);
  if (!current) return <Navigate to={paths.gatewaySettings(settingsSections.account)} replace />;
  return (
    <SettingsLayout
      title="Settings"
      currentId={current.id}
      groups={groupTitles.map((title) => ({
        title,
        sections: sections
          .filter((s) => s.group === title)
          .map((s) => ({ id: s.id, title: s.title, to: paths.gatewaySettings(s.id) })),
      }))}
    >
      <current.Component />
    </SettingsLayout>
  );
}
