export type StatusKind = 'success' | 'error' | 'warning' | 'info' | 'progress' | 'neutral';

/**
 * WAC colours a status by meaning, not by the literal word, and the same word comes from many sources
 * (node state, hcisvc, Arc agent, Benefits, registration). Matching is case-insensitive.
 */
const statusWords: Record<string, StatusKind> = {
  success: 'success',
  active: 'success',
  connected: 'success',
  online: 'success',
  up: 'success',
  running: 'success',
  registered: 'success',
  enabled: 'success',
  on: 'success',
  succeeded: 'success',
  ready: 'success',

  error: 'error',
  failed: 'error',
  critical: 'error',
  'not yet registered': 'error',
  'not registered': 'error',
  down: 'error',
  'out of policy': 'error',
  outofpolicy: 'error',
  expired: 'error',
  stopped: 'error',
  blocked: 'error',
  disconnected: 'error',
  'server unreachable': 'error',
  'proxy misconfigured': 'error',
  cleared: 'error',

  warning: 'warning',
  'not connected recently': 'warning',
  'partially connected': 'warning',
  'needs authorization': 'warning',
  inactive: 'warning',
  paused: 'warning',
  offline: 'warning',
  'not installed': 'warning',

  info: 'info',
  informational: 'info',
  information: 'info',

  'in progress': 'progress',
  inprogress: 'progress',
  pending: 'progress',
  starting: 'progress',
  stopping: 'progress',
  saving: 'progress',

  off: 'neutral',
  saved: 'neutral',
  unknown: 'neutral',
  'not configured': 'neutral',
  disabled: 'neutral',
  'not present': 'neutral',
  never: 'neutral',
};

export function statusKindOf(text: string): StatusKind {
  return statusWords[text.trim().toLowerCase()] ?? 'neutral';
}
