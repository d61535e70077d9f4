/** The PowerShell console's pure core: parse, bind, run against the world, format. */
export {
  completeLine,
  describeSession,
  interruptSession,
  openSession,
  pollSession,
  resizeSession,
  submitLine,
  DEVICE_LOGIN_URL,
  SIGN_IN_APPS,
  HOME,
} from './session';
export type { Completion, Progress, PsSession, StepResult } from './session';
export {
  closeConsole,
  consoleInput,
  consoleSession,
  keepSession,
  MAX_OPEN_CONSOLES,
  noConsoles,
  openConsole,
} from './consoles';
export type { ConsoleInput, ConsoleTable } from './consoles';
export type { OutputRecord, OutputStream } from './context';
export { COMMANDS, findCommand } from './commands';
export { parseLine, ParseError } from './syntax';
export { formatDate, formatList, formatObjects, formatTable } from './format';
export { consoleDeviceCode, consoleSignInAccounts, redeemConsoleDeviceCode } from './console-sign-in';
