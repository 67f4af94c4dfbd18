import type { Config } from '../../platform/config/config';
import type { Database } from '../../platform/db/database';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { systemClock, type Clock } from '../../platform/clock';
import { buildServices } from '../../services';
import { seedDemoAudit, type DemoAuditResult } from './demo-audit';
import { seedDemoCreditsAtStart } from './demo-credits';

export interface DemoCompletion {
  credits: number;
  audit: DemoAuditResult | null;
}

/**
 * The part of the demo that goes through the services' own transactions, after the demo
 * province was seeded (`jijiao start`, `jijiao seed-demo`): this year's credits and last
 * year's filed audit with its certificates. Not in `seedDemo`, so the tests' template stays
 * free of claims and audits; each step is guarded, so a rerun finishes what was left.
 */
export async function completeDemo(
  database: Database,
  config: Config,
  clock: Clock = systemClock,
): Promise<DemoCompletion> {
  const services = buildServices({ config, database, clock, hasher: argon2Hasher });
  const credits = await seedDemoCreditsAtStart(services);
  const audit = await seedDemoAudit(services);
  // The standings the demo's claims queued, before the first page is served.
  await services.standings.drainAll();
  return { credits, audit };
}
