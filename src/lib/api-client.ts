import type { ApiErrorBody } from '@/api/contract';
import { backendReady, isBackendReady } from './backend-ready';

/**
 * An HTTP failure with the server's own words. `/api` and ARM both answer errors as
 * `{ error: { code, message } }`; anything else (a proxy page, an empty 502) still gets a readable message.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorBody['error']['details'];
  /** The input the server blames (e.g. 'appId'), so a form can show the message next to that field. */
  readonly target: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: ApiErrorBody['error']['details'],
    target?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.target = target;
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** How a request's body goes out and its answer comes back. */
interface Transfer {
  /** a body already serialised (a file's text sent as it is) instead of a value to JSON-encode */
  raw?: string;
  /** what the caller wants back: parsed JSON (the default), the text, or a file */
  as?: 'json' | 'text' | 'file';
  accept?: string;
}

/** A downloaded file: its bytes and the name the server suggests (Content-Disposition), if any. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | undefined;
}

async function send(
  method: string,
  url: string,
  body: unknown,
  options: RequestOptions,
  transfer: Transfer,
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: transfer.accept ?? 'application/json',
    ...options.headers,
  };
  const init: RequestInit = { method, headers, signal: options.signal ?? null };
  if (transfer.raw !== undefined || body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = transfer.raw ?? JSON.stringify(body);
  }

  if (!isBackendReady()) await backendReady();
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NetworkError',
      `Couldn't reach the server for ${method} ${url}. Check that the portal is still running, then try again.`,
    );
  }
  if (!response.ok) {
    const payload = await readBody(response);
    if (isApiErrorBody(payload)) {
      throw new ApiError(
        response.status,
        payload.error.code,
        payload.error.message,
        payload.error.details,
        payload.error.target,
      );
    }
    const statusText = response.statusText || 'Request failed';
    throw new ApiError(
      response.status,
      `Http${response.status}`,
      `${method} ${url} failed: ${response.status} ${statusText}.`,
    );
  }
  return response;
}

async function request<T>(
  method: string,
  url: string,
  body: unknown,
  options: RequestOptions = {},
  transfer: Transfer = {},
): Promise<T> {
  const response = await send(method, url, body, options, transfer);
  if (transfer.as === 'text') return (await response.text()) as T;
  if (transfer.as === 'file') {
    const disposition = response.headers.get('content-disposition') ?? '';
    const file: DownloadedFile = {
      blob: await response.blob(),
      fileName: /filename="?([^";]+)"?/.exec(disposition)?.[1],
    };
    return file as T;
  }
  const payload = await readBody(response);
  // A successful answer that is not JSON (e.g. the dev server's index.html for an unknown /api path) means
  // the endpoint does not exist; treating it as data would crash later in a less obvious place.
  if (
    payload !== undefined &&
    typeof payload === 'string' &&
    !(response.headers.get('content-type') ?? '').includes('text/plain')
  ) {
    throw new ApiError(response.status, 'UnexpectedResponse', `${method} ${url} did not answer with JSON.`);
  }
  return payload as T;
}

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  post: <T = void>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', url, body, options),
  put: <T = void>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', url, body, options),
  patch: <T = void>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', url, body, options),
  delete: <T = void>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
  /** A text answer (a log file, an .rdp file); `accept` names the type asked for. */
  getText: (url: string, { accept = 'text/plain', ...options }: RequestOptions & { accept?: string } = {}) =>
    request<string>('GET', url, undefined, options, { as: 'text', accept: `${accept}, application/json` }),
  /** A file to save, with the name the server gives it. */
  getFile: (url: string, options?: RequestOptions) =>
    request<DownloadedFile>('GET', url, undefined, options, { as: 'file', accept: '*/*' }),
  /** Posts text that is already JSON (a file the user picked) as it is: the server judges it, not the client. */
  postRaw: <T>(url: string, json: string, options?: RequestOptions) =>
    request<T>('POST', url, undefined, options, { raw: json }),
};

/** The message to show for any thrown value, so no failure path ever renders "[object Object]". */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong, and the error carried no message.';
}
