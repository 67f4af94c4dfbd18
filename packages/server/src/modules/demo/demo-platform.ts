import { and, eq } from 'drizzle-orm';
import type { Config } from '../../platform/config/config';
import type { Database } from '../../platform/db/database';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { systemClock, type Clock } from '../../platform/clock';
import { buildServices } from '../../services';
import { OrgsRepository } from '../orgs/orgs.repository';
import { orgs } from '../../platform/db/tables/orgs';
import { demoPlatformName, demoTree } from './demo-tree';

/**
 * Demo mode with JIJIAO_DEMO_PLATFORM_KEY set: registers exactly that secret as an API key
 * of the demo platform 好医生在线教育平台 (created under the demo province if an older demo
 * database lacks it). Idempotent: at a later start the key is already there. Answers
 * whether anything was added.
 */
export async function ensureDemoPlatformKey(
  database: Database,
  config: Config,
  clock: Clock = systemClock,
): Promise<boolean> {
  const secret = config.demo.platformKey;
  if (!config.demo.enabled || secret === undefined) return false;
  const { db } = database;
  const [province] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.depth, 0), eq(orgs.name, demoTree.name)));
  if (!province) return false;
  let [platform] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'platform'), eq(orgs.name, demoPlatformName)));
  platform ??= await new OrgsRepository().insert(db, {
    parentId: province.id,
    parentPath: province.path,
    kind: 'platform',
    name: demoPlatformName,
    regionCode: province.regionCode,
  });
  const services = buildServices({ config, database, clock, hasher: argon2Hasher });
  return services.platformKeys.ensureKey(
    platform.id,
    secret,
    '演示密钥 (JIJIAO_DEMO_PLATFORM_KEY)',
  );
}
