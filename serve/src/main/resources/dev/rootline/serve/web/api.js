// The JSON API. Writes carry the server's token in a header, which a page of another origin cannot read or send.

let token = null;

export class ApiError extends Error {
  constructor(status, message, position) {
    super(message);
    this.status = status;
    this.position = position;
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    if (token) headers['X-Rootline-Token'] = token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null;
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    throw new ApiError(res.status, (data && data.error) || `HTTP ${res.status}`, data ? data.position : undefined);
  }
  return data;
}

function params(p) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  return q.toString();
}

export async function session() {
  const s = await call('GET', '/api/session');
  token = s.token;
  return s;
}

export const search = (p) => call('GET', '/api/search?' + params(p));
export const histogram = (p) => call('GET', '/api/histogram?' + params(p));
export const facets = (p) => call('GET', '/api/facets?' + params(p));
export const event = (id, around) => call('GET', '/api/events/' + encodeURIComponent(id) + '?' + params({ around }));
export const annotate = (id, note) => call('POST', '/api/events/' + encodeURIComponent(id) + '/annotation', note);
export const unannotate = (id) => call('DELETE', '/api/events/' + encodeURIComponent(id) + '/annotation');
export const annotations = () => call('GET', '/api/annotations');
export const investigations = () => call('GET', '/api/investigations');
export const investigation = (id) => call('GET', '/api/investigations/' + encodeURIComponent(id));
export const investigate = (from, to) => call('POST', '/api/investigations', { from, to });
