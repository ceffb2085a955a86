import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { Logger } from '@nestjs/common';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Returns the configured PostgreSQL URL, or starts an embedded PostgreSQL (PGlite behind its
 * wire-protocol socket server) with its data under `dataDir` when no URL is configured.
 * PGlite serves one backend session; callers must keep their pool within `maxConnections`.
 */
export async function resolveDatabase(options: {
  url?: string;
  dataDir: string;
  maxConnections: number;
}): Promise<DatabaseHandle> {
  if (options.url) {
    return { url: options.url, embedded: false, stop: async () => undefined };
  }
  const logger = new Logger('EmbeddedPostgres');
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  // Loaded lazily: the WASM build is only needed when no server is configured.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections,
  });
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
  logger.log(`Embedded PostgreSQL (PGlite) serving ${dir} at ${server.getServerConn()}`);
  return {
    url,
    embedded: true,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
