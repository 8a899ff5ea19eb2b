// The console's one way to the REST API: same-origin fetch with the session cookie (which page
// scripts cannot read), the session's CSRF token on every change, and problem+json turned into
// an ApiError that forms show at the field concerned.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
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

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string | null,
): Promise<Reply<T>> {
  // X-Zengate-Console: no Basic challenge for us (the browser would show its own password dialog).
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Zengate-Console': '1' };
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
  const text = response.status === 204 ? '' : await response.text();
  return { data: (text ? JSON.parse(text) : null) as T, etag: response.headers.get('ETag') };
}

export const get = <T>(path: string) => api<T>('GET', path).then((r) => r.data);

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text);
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '');
  } catch {
    return new ApiError(response.status, response.statusText, text.slice(0, 200));
  }
}
