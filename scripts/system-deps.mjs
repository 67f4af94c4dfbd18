// System packages the tests need and npm cannot install: Debian's Chromium (browser
// journeys), a CJK font (Chinese text in screenshots), poppler-utils (reading certificate
// PDFs back), OpenSSL (a self-signed certificate) and PostgreSQL 15 (the data layer's second engine). Installed with apt when running as root; otherwise the exact command is printed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const requirements = [
  { what: 'Chromium', present: () => fs.existsSync('/usr/bin/chromium'), packages: ['chromium'] },
  {
    what: 'a CJK font',
    present: () => {
      try {
        return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
      } catch {
        return fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
      }
    },
    packages: ['fonts-noto-cjk'],
  },
  {
    // The certificate PDF tests read PDFs back with a real reader (pdftotext, pdftoppm).
    what: 'poppler-utils',
    present: () => fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdftoppm'),
    packages: ['poppler-utils'],
  },
  {
    // A self-signed certificate for the HTTPS / HTTP/2 test and the browser benchmark.
    what: 'OpenSSL',
    present: () => fs.existsSync('/usr/bin/openssl'),
    packages: ['openssl'],
  },
  {
    what: 'PostgreSQL 15 server',
    present: () =>
      fs.existsSync(`${process.env.JIJIAO_PG_BIN ?? '/usr/lib/postgresql/15/bin'}/initdb`),
    packages: ['postgresql-15'],
  },
];

export function ensureSystemDeps() {
  const missing = requirements.filter((r) => !r.present());
  if (missing.length === 0) return;
  const packages = missing.flatMap((r) => r.packages);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `Missing: ${missing.map((r) => r.what).join(', ')}. Install them first:\n\n  sudo sh -c '${command}'\n`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.map((r) => r.what).join(', ')}: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(
        `apt-get ${args[0]} failed (exit ${result.status}). Run it by hand:\n\n  ${command}\n`,
      );
      process.exit(1);
    }
  }
  const still = missing.filter((r) => !r.present());
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.map((r) => r.what).join(', ')}`);
    process.exit(1);
  }
}
