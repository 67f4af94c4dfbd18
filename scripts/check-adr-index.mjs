// Lint step: docs/adr/README.md lists every ADR file, and lists nothing that is not there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'adr');
const files = fs.readdirSync(dir).filter((f) => /^\d{4}-.+\.md$/.test(f));
const index = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
const linked = new Set([...index.matchAll(/\]\((\d{4}-[^)]+\.md)\)/g)].map((m) => m[1]));
const missing = files.filter((f) => !linked.has(f));
const dangling = [...linked].filter((f) => !files.includes(f));
if (missing.length > 0 || dangling.length > 0) {
  for (const f of missing) console.error(`docs/adr/README.md does not list ${f}`);
  for (const f of dangling) console.error(`docs/adr/README.md links ${f}, which does not exist`);
  process.exit(1);
}
console.log(`ADR index: ${files.length} decisions listed`);
