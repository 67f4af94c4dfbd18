// Loaded into the server under test by the soak (`node --expose-gc --import <this file>`):
// writes the process's own memory figures (process.memoryUsage) to BENCH_MEMORY_FILE every
// second, so that the runner can read the V8 heap of another process. When the runner
// creates `${BENCH_MEMORY_FILE}.gc`, the next figures are taken right after a full GC
// (`afterGc: true`): the live heap, without the garbage a sample may catch.
import fs from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const trigger = `${file}.gc`;
  setInterval(() => {
    let afterGc = false;
    if (typeof globalThis.gc === 'function' && fs.existsSync(trigger)) {
      fs.rmSync(trigger, { force: true });
      globalThis.gc();
      afterGc = true;
    }
    const figures = { at: Date.now(), afterGc, ...process.memoryUsage() };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    fs.renameSync(`${file}.tmp`, file);
  }, 1000).unref();
}
