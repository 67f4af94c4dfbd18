import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { importReportSchema, type ImportReport } from '@jijiao/contracts';
import {
  AppError,
  argon2Hasher,
  buildServices,
  describeIssue,
  openDatabase,
  systemActor,
  systemClock,
  type Services,
} from '@jijiao/server';
import { CliError } from '../cli-error';
import { cliConfig, withCliErrors } from '../config';

/** What `jijiao people …` and `jijiao projects …` share: files in, files out, one system actor. */

type SystemActor = Awaited<ReturnType<typeof systemActor>>;
type Work<T> = (services: Services, actor: SystemActor) => Promise<T>;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Opens the configured database (refused while a server holds it), migrates, runs, closes. */
export async function withSystemActor<T>(command: string, work: Work<T>): Promise<T> {
  const config = cliConfig();
  const database = await openDatabase(config.database, command);
  try {
    await database.migrate();
    const services = buildServices({ config, database, clock: systemClock, hasher: argon2Hasher });
    return await work(services, await systemActor(database.db));
  } finally {
    await database.close();
  }
}

/** The file, size-checked before it is read (JIJIAO_IMPORT_MAX_BYTES). */
async function readWorkbook(file: string, maxBytes: number): Promise<Buffer> {
  const stat = await fs.promises.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new CliError(`No such file: ${file}`, 2);
  if (stat.size > maxBytes)
    throw new CliError(
      `${file} has ${stat.size} bytes; the limit is ${maxBytes} (JIJIAO_IMPORT_MAX_BYTES)`,
    );
  return fs.promises.readFile(file);
}

/** `id` as given when it is one; else the org `find` names (credit code or exact name). */
export async function resolveOrg(
  text: string,
  find: (text: string) => Promise<string | undefined>,
): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return text;
  const id = await find(text);
  if (!id)
    throw new CliError(`No organisation "${text}" (give its id, credit code or exact name)`, 2);
  return id;
}

function invalidReport(error: unknown): ImportReport | undefined {
  if (!(error instanceof AppError) || error.code !== 'import_invalid') return undefined;
  const parsed = importReportSchema.safeParse(error.details?.report);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Runs an import and prints the outcome: every problem as `第 3 行 身份证号：校验位错误` on
 * stderr and exit status 1 (nothing written), or the counts on stdout.
 */
export async function importWorkbook(
  command: string,
  file: string,
  run: (bytes: Buffer, services: Services, actor: SystemActor) => Promise<ImportReport>,
): Promise<void> {
  await withCliErrors(async () => {
    const bytes = await readWorkbook(file, cliConfig().imports.maxBytes);
    let report: ImportReport;
    try {
      report = await withSystemActor(command, (services, actor) => run(bytes, services, actor));
    } catch (error) {
      const invalid = invalidReport(error);
      if (!invalid) throw error;
      for (const issue of invalid.issues) err(describeIssue(issue));
      throw new CliError(`${invalid.issues.length} problem(s) in ${file}: nothing was written`, 1);
    }
    const counts = `created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}`;
    out(report.dryRun ? `${counts} (dry run: nothing written)` : counts);
  });
}

/** Writes next to the target and renames, so a failure never leaves half a workbook. */
async function writeFile(file: string, stream: Readable): Promise<void> {
  const partial = `${file}.part`;
  try {
    await pipeline(stream, fs.createWriteStream(partial));
    await fs.promises.rename(partial, file);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

export async function writeTemplateFile(file: string, stream: Readable): Promise<void> {
  await writeFile(file, stream);
  out(`Wrote the import template to ${file}`);
}

export async function exportWorkbook(
  command: string,
  file: string,
  run: Work<Readable>,
): Promise<void> {
  await withCliErrors(() =>
    withSystemActor(command, async (services, actor) => {
      await writeFile(file, await run(services, actor));
    }),
  );
  out(`Wrote ${file}`);
}
