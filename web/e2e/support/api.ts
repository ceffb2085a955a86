import { Client } from 'pg';

import { readStack } from './stack';

export const DEMO_PASSWORD = 'Quimbi-Demo-2026!';

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** A signed-in caller of the support API, for the setup and checks a test does beside the browser. */
export interface ApiClient {
  readonly agentId: string;
  get<T>(path: string): Promise<ApiResponse<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T>(path: string, body: unknown): Promise<ApiResponse<T>>;
  delete<T>(path: string): Promise<ApiResponse<T>>;
}

function client(baseUrl: string, token: string, agentId: string): ApiClient {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    agentId,
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body ?? {}),
    patch: (path, body) => send('PATCH', path, body),
    delete: (path) => send('DELETE', path),
  };
}

/** Signs in through `POST /api/agents/login`; throws unless the API accepts the password. */
export async function apiLogin(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/agents/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`Login of ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; agent: { id: string } };
  return client(baseUrl, body.access_token, body.agent.id);
}

/** A suffix that keeps the names a spec creates apart from every other run's. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Runs SQL against the support API's database (the one the e2e stack created for this run). */
export async function withSupportDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const database = readStack().databases.find((d) => d.name.startsWith('e2e_support'));
  if (!database) throw new Error('The e2e stack has no support database');
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
