/** Where the simulated Microsoft "Enter code" page lives (outside the WAC shell). */
export const DEVICE_LOGIN_PATH = '/device-login';
