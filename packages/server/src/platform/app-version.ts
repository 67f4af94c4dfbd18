import fs from 'node:fs';
import path from 'node:path';

/** This installation's version (the server package's), as the API and backups report it. */
export const appVersion = (
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;
