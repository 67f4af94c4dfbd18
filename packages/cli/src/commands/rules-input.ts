/** Reading a scenario for the `rules` commands: a file, or standard input for `-`. */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import {
  defaultPolicyRegistry,
  evaluateScenario,
  formatInputProblem,
  type YearReport,
} from '@jijiao/domain';
import { CliError } from '../cli-error';

/** Exit status for input that cannot be evaluated (the file, its JSON or a field). */
export const invalidInputExitCode = 2;

async function readSource(file: string): Promise<string> {
  if (file === '-') return text(process.stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliError(`${file}: cannot read the file (${code})`, invalidInputExitCode);
  }
}

/** Reads, parses and evaluates one scenario; any problem is a one-line CliError. */
export async function evaluateScenarioFile(file: string): Promise<YearReport> {
  const source = await readSource(file);
  let input: unknown;
  try {
    input = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid';
    const name = file === '-' ? 'standard input' : file;
    throw new CliError(`${name}: not valid JSON (${reason})`, invalidInputExitCode);
  }
  const result = evaluateScenario(defaultPolicyRegistry, input);
  if (!result.ok) throw new CliError(formatInputProblem(result.problem), invalidInputExitCode);
  return result.report;
}
