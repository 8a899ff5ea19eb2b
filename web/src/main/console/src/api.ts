// The console's one way to the REST API: same-origin fetch with the session cookie (which page
// scripts cannot read), the session's CSRF token on every change, and problem+json turned into
// an ApiError that forms show at the field concerned.

import i18n from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** The request's JSON property the server's message concerns, when it says. */
    readonly field: string | null = null,
  ) {
    super(detail || title);
  }
}

export interface Reply<T> {
  data: T;
  etag: string | null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
let onSignedOut: () => void = () => {};

/** Kept in memory only (never in storage): a reload asks the server again. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function whenSignedOut(listener: () => void) {
  onSignedOut = listener;
}

/** Absolute URL of an API path, e.g. "pairs?limit=10", wherever the application is deployed. */
export function apiUrl(path: string): string {
  return new URL('api/' + path, document.baseURI).toString();
}

async function send(method: string, path: string, accept: string, body?: unknown, ifMatch?: string | null): Promise<Response> {
  // X-Zengate-Console: no Basic challenge for us (the browser would show its own password dialog).
  // Accept-Language: the server words its refusals in the console's language.
  const headers: Record<string, string> = { Accept: accept, 'X-Zengate-Console': '1', 'Accept-Language': i18n.language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (ifMatch) headers['If-Match'] = ifMatch;
  const response = await fetch(apiUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = await problemOf(response);
    if (response.status === 401 && path !== 'session') onSignedOut();
    throw error;
  }
  return response;
}

/** Saves what the API answers (a CSV export, a PKCS#12 file) as a download named {@code fileName}. */
export async function download(method: string, path: string, accept: string, fileName: string, body?: unknown) {
  const response = await send(method, path, accept, body);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string | null,
): Promise<Reply<T>> {
  const response = await send(method, path, 'application/json', body, ifMatch);
  const text = response.status === 204 ? '' : await response.text();
  return { data: (text ? JSON.parse(text) : null) as T, etag: response.headers.get('ETag') };
}

export const get = <T>(path: string) => api<T>('GET', path).then((r) => r.data);

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text);
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '', problem.field ?? null);
  } catch {
    return new ApiError(response.status, response.statusText, text.slice(0, 200));
  }
}
