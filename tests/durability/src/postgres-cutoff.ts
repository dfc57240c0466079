import pg from 'pg';

async function admin(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Takes a test database away from its clients (no new connections, every open one ended): an outage. */
export async function cutOff(server: string, database: string): Promise<void> {
  await admin(server, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
  await admin(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
}

/** Lets clients connect to a test database again (the outage is over). */
export async function letBackIn(server: string, database: string): Promise<void> {
  await admin(server, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
}
