import { DeviceLoginPage } from '@/features/azure-account/components/device-login-page';

/** The simulated Microsoft "Enter code" page, outside the WAC shell (step 3 of the gateway registration). */
export function Component() {
  return <DeviceLoginPage />;
}
