import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './database';

/**
 * A named prepared statement, built once per database handle: the hot reads (the session of
 * every signed-in request, the learner's year) neither build their SQL again nor have
 * PostgreSQL parse and plan it on every call. Use it on the database, not in a transaction:
 * the statement runs on the handle it was built on.
 */
export function preparedOn<Statement>(build: (db: Db) => Statement): (db: Db) => Statement {
  const built = new WeakMap<Db, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}

const dialect = new PgDialect();

/**
 * A raw statement as a named prepared statement, for what the query builder cannot express
 * (a data-modifying CTE): its parameters are `sql.placeholder(name)`s, given on each run.
 * Rows come as the driver gives them (timestamps as text on node-postgres).
 */
export function preparedRaw<Row>(
  name: string,
  query: SQL,
): (db: Db, values: Record<string, unknown>) => Promise<Row[]> {
  const compiled = dialect.sqlToQuery(query);
  const statement = preparedOn((db: Db) =>
    db._.session.prepareQuery(compiled, undefined, name, false),
  );
  return async (db, values) => {
    const result: unknown = await statement(db).execute(values);
    return (result as { rows: Row[] }).rows;
  };
}
