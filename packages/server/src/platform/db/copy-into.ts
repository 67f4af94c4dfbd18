// `COPY … FROM` on both drivers, for bulk loads (the generated demo province): PGlite reads
// the rows from its `/dev/blob`, node-postgres gets them through a minimal submittable that
// sends them when the server asks (no pg-copy-streams).
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export type CopyFormat = 'text' | 'csv';
type Row = Record<string, unknown>;
/** What a COPY field is made of (null and undefined are `\N`). */
export type CopyValue = string | number | boolean | null | undefined;

/** A raw connection for bulk loads: plain SQL and COPY, outside Drizzle. */
export interface BulkClient {
  query(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Sends COPY lines (text format, or CSV) into `table (columns)`; resolves to the row count. */
  copyInto(
    table: string,
    columns: readonly string[],
    data: string,
    format?: CopyFormat,
  ): Promise<number>;
}

/** One COPY text-format field: `\N` for null, backslash escapes for the rest. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(
        /[\\\t\n\r]/g,
        (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c,
      )
    : text;
}

/** One COPY text-format line. */
export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

/** What node-postgres' connection offers a submittable during COPY FROM STDIN (untyped). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** The messages node-postgres hands an active query; a COPY needs only the first few. */
class CopyIn {
  readonly #text: string;
  readonly #data: string;
  readonly #done: (error: Error | null, rows: number) => void;
  #rowCount = 0;
  #error: Error | null = null;

  constructor(text: string, data: string, done: (error: Error | null, rows: number) => void) {
    this.#text = text;
    this.#data = data;
    this.#done = done;
  }

  submit(connection: unknown): void {
    (connection as CopyConnection).query(this.#text);
  }

  handleCopyInResponse(connection: unknown): void {
    // Chunks of at most 1 MiB keep each protocol message small.
    const c = connection as CopyConnection;
    const buffer = Buffer.from(this.#data, 'utf8');
    for (let at = 0; at < buffer.length; at += 1 << 20)
      c.sendCopyFromChunk(buffer.subarray(at, at + (1 << 20)));
    c.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    this.#rowCount = Number(/\d+$/.exec(message.text ?? '')?.[0] ?? 0);
  }

  handleError(error: Error): void {
    this.#error = error;
  }

  handleReadyForQuery(): void {
    this.#done(this.#error, this.#rowCount);
  }

  // A COPY returns no rows; node-postgres expects these to exist all the same.
  handleRowDescription(): void {
    /* no rows */
  }
  handleDataRow(): void {
    /* no rows */
  }
  handleEmptyQuery(): void {
    /* no rows */
  }
  handlePortalSuspended(): void {
    /* no rows */
  }
}

const copyTarget = (table: string, columns: readonly string[]) =>
  `${table} (${columns.join(', ')})`;

/** A bulk client over an open PGlite instance (its one connection). */
export function pgliteBulkClient(lite: PGlite): BulkClient {
  return {
    async query(text, params = []) {
      const result = await lite.query<Row>(text, params);
      return { rows: result.rows };
    },
    async copyInto(table, columns, data, format = 'text') {
      const result = await lite.query(
        `copy ${copyTarget(table, columns)} from '/dev/blob' (format ${format})`,
        [],
        { blob: new Blob([data]) },
      );
      return result.affectedRows ?? 0;
    },
  };
}

/** A bulk client over a connected node-postgres client (one connection, not a pool). */
export function pgBulkClient(client: pg.ClientBase): BulkClient {
  return {
    async query(text, params = []) {
      const result = await client.query<Row>(text, params);
      return { rows: result.rows };
    },
    copyInto(table, columns, data, format = 'text') {
      const text = `copy ${copyTarget(table, columns)} from stdin (format ${format})`;
      return new Promise<number>((resolve, reject) => {
        client.query(
          new CopyIn(text, data, (e, n) => {
            if (e) reject(e);
            else resolve(n);
          }),
        );
      });
    },
  };
}
