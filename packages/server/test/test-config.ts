import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/platform/config/config';

/** The configuration every server test starts from: demo keys, silent logs, no web build. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    JIJIAO_LOG_LEVEL: 'silent',
    JIJIAO_DEMO: 'true',
    JIJIAO_DEMO_PASSWORD: testPassword,
    JIJIAO_DATA_DIR: '/nonexistent-test-data',
    JIJIAO_WEB_DIST: '/nonexistent-web-dist',
    // A backup a test writes lands in the system's temporary directory, never under `/`.
    JIJIAO_BACKUP_DIR: path.join(os.tmpdir(), `jijiao-test-backups-${String(process.pid)}`),
    JIJIAO_CERTIFICATE_PDF_DIR: path.join(os.tmpdir(), `jijiao-test-pdfs-${String(process.pid)}`),
    JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    JIJIAO_DEMO_DEVICE_TOKEN: testDeviceToken,
    ...env,
  });
}

export const testPassword = 'Test@Pass2026';

/** The demo kiosk's device token in every test database. */
export const testDeviceToken = 'test-demo-kiosk-token-2026';
