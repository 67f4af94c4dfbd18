// `COPY … FROM STDIN` with the plain `pg` client (no pg-copy-streams): a minimal
// submittable that sends the rows (COPY text format) when the server asks for them.

/** One COPY text-format field: `\N` for null, backslash escapes for the rest. */
export function copyField(value) {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(
        /[\\\t\n\r]/g,
        (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c],
      )
    : text;
}

export function copyLine(values) {
  return `${values.map(copyField).join('\t')}\n`;
}

class CopyIn {
  constructor(text, data, callback) {
    this.text = text;
    this.data = data;
    this.callback = callback;
    this.rowCount = 0;
    this.error = null;
  }

  submit(connection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection) {
    // Chunks of at most 1 MiB keep each protocol message small.
    const buffer = Buffer.from(this.data, 'utf8');
    for (let at = 0; at < buffer.length; at += 1 << 20)
      connection.sendCopyFromChunk(buffer.subarray(at, at + (1 << 20)));
    connection.endCopyFrom();
  }

  handleCommandComplete(message) {
    this.rowCount = Number(/\d+$/.exec(message.text ?? '')?.[0] ?? 0);
  }

  handleError(error) {
    this.error = error;
  }

  handleReadyForQuery() {
    this.callback(this.error, this.rowCount);
  }

  // A COPY returns no rows; these are never called but pg expects them to exist.
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
}

/**
 * Sends `data` (COPY text lines, or CSV with `format: 'csv'`) into `table (columns)` on a
 * pg client, or on a PGlite instance (through its `/dev/blob`); resolves to the row count.
 */
export async function copyInto(client, table, columns, data, { format = 'text' } = {}) {
  const target = `${table} (${columns.join(', ')})`;
  if (typeof client.exec === 'function') {
    const result = await client.query(`copy ${target} from '/dev/blob' (format ${format})`, [], {
      blob: new Blob([data]),
    });
    return result.affectedRows ?? 0;
  }
  return new Promise((resolve, reject) => {
    client.query(
      new CopyIn(`copy ${target} from stdin (format ${format})`, data, (error, rows) =>
        error ? reject(error) : resolve(rows),
      ),
    );
  });
}
