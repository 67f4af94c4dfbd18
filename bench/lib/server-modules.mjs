// The server's and domain's own TypeScript modules, loaded through tsx, so the benchmarks
// compute ID hashes, places and credit values exactly as the server does, and generate the
// province with the server's own generator (`jijiao seed-demo --people N` uses it too).
import { register } from 'tsx/esm/api';

const server = '../../packages/server';
let loaded;

export async function serverModules() {
  if (loaded) return loaded;
  register();
  const [config, cipher, place, domain, database, cluster, copy, generator] = await Promise.all([
    import(`${server}/src/platform/config/config.ts`),
    import(`${server}/src/platform/crypto/id-number-cipher.ts`),
    import(`${server}/src/modules/credits/claim-place.ts`),
    import('../../packages/domain/src/index.ts'),
    import(`${server}/src/platform/db/database.ts`),
    import(`${server}/test/postgres-cluster.ts`),
    import(`${server}/src/platform/db/copy-into.ts`),
    import(`${server}/src/modules/demo/province-generator.ts`),
  ]);
  loaded = {
    loadConfig: config.loadConfig,
    IdNumberCipher: cipher.IdNumberCipher,
    placeOfUnit: place.placeOfUnit,
    valueClaim: domain.valueClaim,
    defaultPolicyRegistry: domain.defaultPolicyRegistry,
    residentIdCheckChar: domain.residentIdCheckChar,
    creditCodeCheckChar: domain.creditCodeCheckChar,
    maskResidentId: domain.maskResidentId,
    wrapPool: database.wrapPool,
    sessionStartupOptions: database.sessionStartupOptions,
    wrapPglite: database.wrapPglite,
    startPostgresCluster: cluster.startPostgresCluster,
    pgBulkClient: copy.pgBulkClient,
    pgliteBulkClient: copy.pgliteBulkClient,
    generateProvince: generator.generateProvince,
  };
  return loaded;
}

/** Demo-mode environment shared by the generator and the server processes (same ID keys). */
export const benchPassword = 'Bench@Pass2026';
export const benchDeviceToken = 'bench_kiosk_device_token_0001';
export const benchPlatformKey = 'bench_platform_api_key_0001';
export function benchEnv(extra = {}) {
  return {
    NODE_ENV: 'development',
    JIJIAO_DEMO: 'true',
    JIJIAO_DEMO_PASSWORD: benchPassword,
    JIJIAO_DEMO_DEVICE_TOKEN: benchDeviceToken,
    JIJIAO_DEMO_PLATFORM_KEY: benchPlatformKey,
    JIJIAO_LOG_LEVEL: 'warn',
    JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    ...extra,
  };
}
