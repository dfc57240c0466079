import type pg from 'pg';
import type { Db } from './postgres-db.js';

/**
 * Runs `work` in a transaction on one pooled client: COMMIT when it returns, ROLLBACK when it throws or when it
 * returns through `rollback(value)` (which undoes its writes and still answers `value`).
 */
export async function inTransaction<T>(
  pool: Db,
  work: (client: pg.PoolClient, rollback: (value: T) => T) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let undo = false;
  let broken: Error | undefined;
  // A lent client whose connection is cut emits 'error' with no pool listener on it: without one the process
  // crashes. The failing query rejects on its own; remember the error so the pool drops this client.
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const value = await work(client, (v) => {
      undo = true;
      return v;
    });
    await client.query(undo ? 'ROLLBACK' : 'COMMIT');
    return value;
  } catch (err) {
    // A client that cannot even roll back lost its connection: the pool drops it instead of lending it again.
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
