// The one door from the pages to the HTTP API (api-v1). Authenticates with the HttpOnly session
// cookie the server sets at sign-in; every state-changing request carries the CSRF token from the
// login response in X-CSRF-Token. Errors become ApiError with the 422 problem list intact, so a form
// can put each message beside its field.

const CSRF_KEY = 'openapheresis.csrf';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.title || body.detail || body.message)) || `Request failed (HTTP ${status})`);
    this.status = status;
    this.body = body || {};
    this.problems = Array.isArray(this.body.problems) ? this.body.problems : [];
  }
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

export function setCsrfToken(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token); else sessionStorage.removeItem(CSRF_KEY);
}

export async function request(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data = null;
  if (text) { try { data = JSON.parse(text); } catch (e) { data = { title: text.slice(0, 200) }; } }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && path !== '/api/login') onUnauthorized(err);
    throw err;
  }
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);
