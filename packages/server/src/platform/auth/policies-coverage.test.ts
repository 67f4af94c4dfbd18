import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Read like a lint: object access is declared in `<feature>.policy.ts` and nowhere else,
 * so a new module or route cannot decide access by hand (or forget to). Folders are listed
 * from disk: a module added tomorrow is checked without anyone touching this file.
 */
const modulesDir = fileURLToPath(new URL('../../modules/', import.meta.url));

/** Modules whose checks have not moved to policies yet: none left. */
const notYetConverted = new Set<string>([]);

/** Services that take an actor yet decide no object access of their own, and why. */
const decidesElsewhere: Readonly<Record<string, string>> = {
  'audit/audit-chain.service.ts': 'a façade: its use cases open with auditFor (audit-access.ts)',
  'audit/audit-early.service.ts': 'a façade: its use cases open with auditFor (audit-access.ts)',
  'auth/auth.service.ts': 'the actor is the subject itself (sign-in, password, session)',
  'awards/awards.service.ts':
    'a façade: its use cases open with the batch lookups of award-access.ts',
  'checkins/attendance.service.ts': 'reaches projects through ProjectsService.findInScope',
  'projects/projects-import.service.ts': 'reaches hosts through hostForRegistration',
};

const folders = readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !notYetConverted.has(d.name))
  .map((d) => d.name);

const sourcesOf = (folder: string) =>
  readdirSync(`${modulesDir}${folder}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({
      file: `${folder}/${f}`,
      text: readFileSync(`${modulesDir}${folder}/${f}`, 'utf8'),
    }));
const sources = folders.flatMap(sourcesOf);
const isPolicy = (file: string) => file.endsWith('.policy.ts');

/** Files that act for a signed-in actor and may therefore decide what it can reach. */
const deciders = sources.filter(
  ({ file, text }) =>
    !isPolicy(file) &&
    !(file in decidesElsewhere) &&
    /\bactor: Actor\b/.test(text) &&
    (file.endsWith('.service.ts') || text.includes('visibleOr404(')),
);

describe('access policies cover every module', () => {
  it('finds the modules and the services it reads', () => {
    expect(folders).toContain('people');
    expect(deciders.map((d) => d.file)).toContain('people/people.service.ts');
  });

  it('checks scopes only in policy files', () => {
    const offenders = sources
      .filter(({ file, text }) => !isPolicy(file) && /\b(isWithinScope|scopeOf)\(/.test(text))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('builds "No such …" answers only through notFound and visibleOr404', () => {
    const offenders = sources
      .filter(({ text }) => /AppError\(\s*'not_found',\s*'No such/.test(text))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it.each(deciders.map((d) => [d.file, d.text] as const))(
    '%s imports its module’s policy',
    (file, text) => {
      const folder = file.split('/')[0] ?? '';
      expect(sources.map((s) => s.file)).toContain(`${folder}/${folder}.policy.ts`);
      expect(text).toMatch(new RegExp(`from '\\./${folder}\\.policy'`));
    },
  );

  it.each(sources.filter((s) => isPolicy(s.file)).map((s) => [s.file, s.text] as const))(
    '%s is pure: no I/O, no throws, nothing but the actor helpers',
    (_file, text) => {
      expect(text).not.toMatch(/\b(await|async|throw|AppError)\b/);
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const from of imports)
        expect(from).toMatch(
          /^(@jijiao\/(contracts|domain)|\.\.\/\.\.\/platform\/auth\/(actor|policy))$/,
        );
    },
  );

  it('leaves nothing stale in its exemptions', () => {
    for (const file of Object.keys(decidesElsewhere))
      expect(sources.map((s) => s.file)).toContain(file);
  });
});
