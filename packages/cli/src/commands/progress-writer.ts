/** A progress line on stderr: rewritten in place on a terminal, one line per batch otherwise. */
export function progressWriter(verb: string) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  return {
    update(done: number, total?: number) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      const of = total === undefined ? '' : `/${String(total)}`;
      const percent =
        total === undefined || total === 0 ? '' : ` (${String(Math.floor((done / total) * 100))}%)`;
      const bar =
        total === undefined || total === 0
          ? ''
          : `[${'#'.repeat(Math.floor((done / total) * 30)).padEnd(30, '.')}] `;
      const line = `${bar}${verb} ${String(done)}${of}${percent}, ${String(rate)}/s`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
    seconds: () => (Date.now() - started) / 1000,
  };
}
