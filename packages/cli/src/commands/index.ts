import type { Command } from 'commander';
import { registerBootstrap } from './bootstrap-province';
import { registerBackup, registerRestore } from './backup-commands';
import { registerCertificates } from './certificates-commands';
import { registerAuditRun } from './audit-run';
import { registerCards } from './cards-commands';
import { registerMigrate } from './migrate-database';
import { registerPeopleExcel } from './people-excel';
import { registerCreditsExcel } from './credits-excel';
import { registerProjectsExcel } from './projects-excel';
import { registerRulesEvaluate } from './rules-evaluate';
import { registerSeedDemo } from './seed-demo';
import { registerStart } from './start-server';
import { registerWorker } from './run-worker';
import { registerStandings } from './standings-commands';
import { registerReminders } from './reminders-run';
import { registerClaims } from './claims-commands';

/** Each command lives in its own file `<verb>-<noun>.ts` and registers itself here. */
export function registerCommands(program: Command): void {
  registerStart(program);
  registerWorker(program);
  registerMigrate(program);
  registerSeedDemo(program);
  registerBootstrap(program);
  registerRulesEvaluate(program);
  registerPeopleExcel(program);
  registerProjectsExcel(program);
  registerCertificates(program);
  registerCreditsExcel(program);
  registerAuditRun(program);
  registerCards(program);
  registerStandings(program);
  registerReminders(program);
  registerClaims(program);
  registerBackup(program);
  registerRestore(program);
}
