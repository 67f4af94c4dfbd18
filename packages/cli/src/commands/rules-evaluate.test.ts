/**
 * Every scenario file in the shared folder (../shared/scenarios beside the repository) and in
 * the domain's own scenarios runs through the CLI and must match its `expect`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkExpectations, type YearReport } from '@jijiao/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';
import { runJijiao } from '../../test/run-jijiao';

const here = dirname(fileURLToPath(import.meta.url));
const sharedScenarios = resolve(here, '../../../../../shared/scenarios');
const ownScenarios = resolve(here, '../../../domain/scenarios');

/** Runs the CLI in-process, capturing what it writes. */
async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const status = await main(['node', 'jijiao', ...args]);
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

function scenarioFiles(folder: string): string[] {
  if (!existsSync(folder)) throw new Error(`scenario folder missing: ${folder}`);
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  if (files.length === 0) throw new Error(`no scenario files in ${folder}`);
  return files.sort().map((f) => join(folder, f));
}

describe.each([
  ['shared', sharedScenarios],
  ['domain', ownScenarios],
])('jijiao rules evaluate: %s scenarios', (_, folder) => {
  it.each(scenarioFiles(folder).map((file) => [file.slice(folder.length + 1), file]))(
    '%s',
    async (_name, file) => {
      const scenario = JSON.parse(readFileSync(file, 'utf8')) as {
        expect?: Record<string, unknown>;
      };
      const { status, stdout, stderr } = await run('rules', 'evaluate', file);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const report = JSON.parse(stdout) as YearReport;
      expect(scenario.expect, 'the scenario has an expect key').toBeDefined();
      expect(checkExpectations(report, scenario.expect ?? {})).toEqual([]);
    },
  );
});

describe('jijiao rules evaluate: input it cannot evaluate', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jijiao-rules-'));
  const write = (name: string, content: string) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    return file;
  };
  const scenario = (activity: Record<string, unknown>) =>
    JSON.stringify({
      year: 2023,
      place: { province: '420000' },
      activities: [
        {
          id: 'a',
          type: 'project',
          date: '2023-01-01',
          level: 'national',
          role: 'attendee',
          hours: 9,
        },
        { id: 'b', date: '2023-02-01', ...activity },
      ],
    });

  it.each([
    [
      'negative hours',
      scenario({ type: 'online_course', hours: -2 }),
      'jijiao: activities[1].hours: must be a positive number',
    ],
    [
      'an unknown type',
      scenario({ type: 'poem' }),
      'jijiao: activities[1].type: must be one of project,',
    ],
    [
      'a unit project without awarded credits',
      scenario({ type: 'project', level: 'unit', role: 'attendee', hours: 3 }),
      'jijiao: activities[1].awardedCredits: is required',
    ],
    [
      'a missing place',
      JSON.stringify({ year: 2023, activities: [] }),
      'jijiao: place: is required',
    ],
    ['broken JSON', '{"year": 2023,', 'not valid JSON'],
  ])('%s: exit 2 naming the field', async (_, content, message) => {
    const { status, stdout, stderr } = await run('rules', 'evaluate', write('input.json', content));
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a file that does not exist', async () => {
    const { status, stderr } = await run('rules', 'evaluate', join(folder, 'absent.json'));
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read the file (ENOENT)');
  });
});

describe('jijiao rules evaluate - (standard input), through the real binary', () => {
  it('reads the scenario from standard input', () => {
    const input = readFileSync(scenarioFiles(sharedScenarios)[0] ?? '', 'utf8');
    const result = runJijiao(['rules', 'evaluate', '-'], { input });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('compliant');
  });

  it('exits 2 with the field on standard error', () => {
    const input = JSON.stringify({
      year: 2023,
      place: { province: '420000' },
      activities: [{ id: 'a', type: 'self_study', date: '2023-01-01', hours: 0 }],
    });
    const result = runJijiao(['rules', 'evaluate', '-'], { input });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('jijiao: activities[0].hours: must be a positive number\n');
  });
});

describe('jijiao rules explain and packs', () => {
  it('explains a year in Chinese, with reasons and requirements', async () => {
    const file = join(sharedScenarios, 'hubei-2023-compliant.json');
    const { status, stdout } = await run('rules', 'explain', file);
    expect(status).toBe(0);
    expect(stdout).toContain('2023年度学分审验：合格');
    expect(stdout).toContain('超过年度上限');
    expect(stdout).toMatch(/I类学分\s+5\s+11\s+0\s+是/);
  });

  it('lists the packs with years and places, as a table or JSON', async () => {
    const table = await run('rules', 'packs');
    expect(table.stdout).toMatch(/chengdu-jinjiang\s+1\.0\.0\s+district\s+510104\s+all years/);
    expect(table.stdout).toMatch(/national-2024\s+1\.1\.0\s+national\s+—\s+≥ 2025/);
    const json = await run('rules', 'packs', '--json');
    const packs = JSON.parse(json.stdout) as { id: string; years: object }[];
    expect(packs.map((p) => p.id)).toEqual([
      'national-2006',
      'national-2024',
      'sichuan',
      'hunan',
      'guangzhou',
      'chengdu-jinjiang',
    ]);
  });
});
