/** The app's same-origin backend under /app-api/. */
export class HttpError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function send(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = await response.json().catch(() => undefined);
  if (!response.ok) throw new HttpError(response.status, parsed);
  return parsed;
}

const path = (...segments) => `/app-api/${segments.map(encodeURIComponent).join('/')}`;

export const api = {
  session: () => send('GET', path('session')),
  collections: () => send('GET', path('collections')),
  collection: (collectionId) => send('GET', path('collections', collectionId)),
  records: (collectionId, from) => send('GET', `${path('collections', collectionId, 'records')}?from=${from}`),
  recordLink: (recordId) => send('GET', path('records', recordId)),
  record: (collectionId, recordId) => send('GET', path('collections', collectionId, 'records', recordId)),
  saveRecord: (collectionId, recordId, values) => send('PATCH', path('collections', collectionId, 'records', recordId), { values }),
};
