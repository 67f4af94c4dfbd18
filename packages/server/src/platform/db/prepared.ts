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
