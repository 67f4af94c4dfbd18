/**
 * `jijiao rules evaluate FILE.json` (or `-`): one person's year as a JSON report. Exit 0
 * whether or not the person complies; 2 with `field: problem` for input it cannot evaluate.
 */
import type { Command } from 'commander';
import { registerRulesExplain } from './rules-explain';
import { evaluateScenarioFile } from './rules-input';
import { registerRulesPacks } from './rules-packs';

/** Registers the `rules` command group: evaluate, explain and packs. */
export function registerRulesEvaluate(program: Command): void {
  const rules = program.command('rules').description('CME credit rules and policy packs');
  rules
    .command('evaluate')
    .description("evaluate one person's credit year; prints the report as JSON")
    .argument('<file>', 'scenario JSON file, or - for standard input')
    .action(async (file: string) => {
      const report = await evaluateScenarioFile(file);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    });
  registerRulesExplain(rules);
  registerRulesPacks(rules);
}
