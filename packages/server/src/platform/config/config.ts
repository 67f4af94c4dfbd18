import { createHash, createHmac, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { roles, type Role } from '@jijiao/contracts';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  /** A streaming standby of DATABASE_URL that dashboards and lists read from (ADR 0041). */
  DATABASE_REPLICA_URL: z.url().optional(),
  /** Beyond this lag (seconds) the replica is not read: the primary answers. */
  JIJIAO_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  JIJIAO_DATA_DIR: z.string().default('./data'),
  JIJIAO_DEMO: booleanString.optional(),
  JIJIAO_DEMO_PASSWORD: z.string().optional(),
  JIJIAO_DEMO_PLATFORM_KEY: z.string().optional(),
  JIJIAO_ID_ENCRYPTION_KEY: key32.optional(),
  JIJIAO_ID_LOOKUP_KEY: key32.optional(),
  JIJIAO_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  JIJIAO_COOKIE_SECURE: booleanString.optional(),
  JIJIAO_API_DOCS: booleanString.optional(),
  JIJIAO_TRUST_PROXY: booleanString.default(false),
  JIJIAO_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(120).default(30),
  /** How long a resolved session is reused in a server process (ADR 0021); 0 turns it off. */
  JIJIAO_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(3),
  JIJIAO_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  JIJIAO_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
  JIJIAO_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Roles that must sign in with two factors, comma-separated; unset: see `twoFactor`. */
  JIJIAO_MFA_REQUIRED_ROLES: z.string().optional(),
  JIJIAO_WEB_DIST: z.string().optional(),
  JIJIAO_PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  JIJIAO_HR_PUSH_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  JIJIAO_HR_PUSH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  JIJIAO_HR_PUSH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  JIJIAO_CARD_REISSUE_FEE_YUAN: z.coerce.number().min(0).max(10_000).default(25),
  JIJIAO_DEMO_DEVICE_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, _ or -')
    .optional(),
  JIJIAO_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  JIJIAO_EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** PEM files: with both, the server speaks HTTPS, HTTP/2 with HTTP/1.1 beside it. */
  JIJIAO_TLS_CERT_FILE: z.string().optional(),
  JIJIAO_TLS_KEY_FILE: z.string().optional(),
  JIJIAO_BACKUP_DIR: z.string().optional(),
  /** The daily backup's time in China (HH:MM), or `off`. */
  JIJIAO_BACKUP_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'HH:MM (24-hour, China time) or off')
    .optional(),
  JIJIAO_BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(14),
  /** The daily reminder run's time in China (HH:MM), or `off` (ADR 0039). */
  JIJIAO_REMINDERS_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'HH:MM (24-hour, China time) or off')
    .optional(),
  /** Reviewers are reminded of claims waiting at them longer than this many days. */
  JIJIAO_REMINDER_REVIEW_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Where issued certificate PDFs are kept, by content hash (ADR 0036): a regenerable cache. */
  JIJIAO_CERTIFICATE_PDF_DIR: z.string().optional(),
  /** Worker threads rendering certificate PDFs in a job; default: one per core. */
  JIJIAO_PDF_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  /** Email notifications (ADR 0038): smtp(s)://user:pass@host:port; unset: no email is sent. */
  JIJIAO_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  JIJIAO_MAIL_FROM: z.string().min(3).optional(),
  /** SMS and WeChat template messages: the province gateway's receiver; unset: none sent. */
  JIJIAO_SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The HMAC-SHA256 key the gateway checks each delivery's signature with. */
  JIJIAO_SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
  JIJIAO_NOTIFY_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  JIJIAO_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a background job is held without a sign of life before another runner takes it. */
  JIJIAO_JOB_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  /** How long a stopping process waits for requests and background work (ADR 0040). */
  JIJIAO_SHUTDOWN_SECONDS: z.coerce.number().min(1).max(600).default(20),
  /** Seconds a stopping process still listens, answering ready 503, before it closes. */
  JIJIAO_SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(600).default(0),
  /** `/metrics` is served only when set, and only to `Authorization: Bearer <this>`. */
  JIJIAO_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database:
    | { readonly kind: 'pglite'; readonly dataDir: string }
    | {
        readonly kind: 'postgres';
        readonly url: string;
        /** A streaming standby for replica-tolerant reads (ADR 0041). */
        readonly replicaUrl?: string | undefined;
      };
  /** Beyond this lag (seconds) reads go to the primary (ADR 0041). */
  readonly replicaMaxLagSeconds: number;
  readonly dataDir: string;
  readonly demo: {
    readonly enabled: boolean;
    readonly password: string | undefined;
    /** The demo platform's API key (demo mode only), registered at start. */
    readonly platformKey: string | undefined;
    /** The demo kiosk's device token, when set (else a random one is made at seeding). */
    readonly deviceToken: string | undefined;
  };
  readonly idKeys: {
    readonly encryptionKey: Buffer;
    readonly lookupKey: Buffer;
    readonly isDemoKey: boolean;
  };
  readonly logLevel: string;
  readonly cookieSecure: boolean;
  /** The certificate and key the server listens with (HTTPS, HTTP/2); null: plain HTTP. */
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | null;
  /** `/api/docs` (the OpenAPI explorer): on by default outside production. */
  readonly apiDocs: boolean;
  readonly trustProxy: boolean;
  readonly session: {
    readonly idleMinutes: number;
    readonly absoluteHours: number;
    readonly cacheSeconds: number;
  };
  readonly login: {
    readonly maxFailures: number;
    readonly lockMinutes: number;
    readonly rateLimitPerMinute: number;
  };
  readonly twoFactor: {
    /**
     * Roles that must sign in with two factors (TOTP). Default: the province and system
     * administrators, except in demo mode, where none (ADR 0031).
     */
    readonly requiredRoles: ReadonlySet<Role>;
    /** Encrypts the TOTP secrets at rest (derived from the ID encryption key). */
    readonly secretKey: Buffer;
    /** Keys the hashes of recovery codes (derived from the ID lookup key). */
    readonly recoveryCodeKey: Buffer;
    /** The issuer the authenticator app shows beside the account. */
    readonly issuer: string;
  };
  readonly webDist: string;
  /** IC cards: the fee recorded for a reissue, in fen (¥25 → 2500). */
  readonly cards: { readonly reissueFeeFen: number };
  /** Check-in: the key signing learners' QR tokens (derived from the ID lookup key). */
  readonly checkin: { readonly qrKey: Buffer; readonly qrTokenSeconds: number };
  /** Excel imports: the largest upload accepted, in bytes. */
  readonly imports: { readonly maxBytes: number };
  /** Evidence uploads (JPEG, PNG, PDF): the largest file accepted, in bytes. */
  readonly evidence: { readonly maxBytes: number };
  /** Backups (ADR 0032): where they are written, the daily time (China), how many are kept. */
  readonly backup: {
    readonly dir: string;
    /** Minutes after midnight, China time; null: no scheduled backup. */
    readonly dailyAtMinute: number | null;
    readonly keep: number;
  };
  /** Reminder rules (ADR 0039): the daily run's minute (China time, null: none) and waiting days. */
  readonly reminders: { readonly dailyAtMinute: number | null; readonly reviewWaitingDays: number };
  /** Background jobs (ADR 0024): the lease a running job holds, renewed while it lives. */
  readonly jobs: { readonly leaseMs: number };
  /**
   * Graceful shutdown (ADR 0040): how long the listener stays open answering ready 503
   * (`delayMs`), and the most the whole shutdown waits before the process exits anyway.
   */
  readonly shutdown: { readonly delayMs: number; readonly timeoutMs: number };
  /** The Prometheus scrape's bearer token (ADR 0040); null: no `/metrics` route. */
  readonly metricsToken: string | null;
  /** Staff progress is computed on read: the most people one request evaluates (ADR 0009). */
  /** Where the public reaches this server (QR codes, badge ids), without a trailing slash. */
  readonly publicBaseUrl: string;
  readonly certificates: {
    /** Ed25519 signing keys by province code (GB/T 2260), from JIJIAO_CERT_SIGNING_KEY_<code>. */
    readonly signingKeys: ReadonlyMap<string, KeyObject>;
    /** Demo mode without a configured key: a deterministic demo key per province (warned). */
    readonly demoKeys: boolean;
    /** Issued PDFs by sha256 (ADR 0036); regenerable from the signed rows, not backed up. */
    readonly pdfDir: string;
    /** Worker threads a PDF job renders with (one per core unless configured). */
    readonly pdfWorkers: number;
  };
  /** Outbound notifications (ADR 0038): email over SMTP, SMS and WeChat through a webhook. */
  readonly notifications: {
    readonly smtpUrl: string | null;
    readonly mailFrom: string;
    readonly smsWebhookUrl: string | null;
    readonly smsWebhookSecret: string | null;
    readonly pollSeconds: number;
    readonly maxAttempts: number;
    readonly timeoutSeconds: number;
    /** Signs email unsubscribe links (derived from the ID lookup key). */
    readonly unsubscribeKey: Buffer;
  };
  readonly hrPush: {
    readonly pollSeconds: number;
    readonly maxAttempts: number;
    readonly timeoutSeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Both PEM files or neither; each must be readable (and look like PEM). */
function readTls(
  certFile: string | undefined,
  keyFile: string | undefined,
  problems: string[],
): { cert: Buffer; key: Buffer } | null {
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) {
    problems.push('JIJIAO_TLS_CERT_FILE and JIJIAO_TLS_KEY_FILE: set both, or neither');
    return null;
  }
  const read = (name: string, file: string, marker: RegExp): Buffer | null => {
    try {
      const bytes = readFileSync(path.resolve(file));
      if (marker.test(bytes.toString('latin1'))) return bytes;
      problems.push(`${name}: ${file} is not a PEM file`);
    } catch {
      problems.push(`${name}: cannot read ${file}`);
    }
    return null;
  };
  const cert = read('JIJIAO_TLS_CERT_FILE', certFile, /-----BEGIN CERTIFICATE-----/);
  const key = read('JIJIAO_TLS_KEY_FILE', keyFile, /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  return cert && key ? { cert, key } : null;
}

function dailyMinute(at: string): number | null {
  if (at === 'off') return null;
  const [hours, minutes] = at.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Keys for demo mode only: fictitious data, never real ID numbers. */
function demoKey(label: string): Buffer {
  return createHash('sha256').update(`jijiao-demo-key:${label}`).digest();
}

const signingKeyPrefix = 'JIJIAO_CERT_SIGNING_KEY_';
/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 private key from a PKCS#8 PEM, or from its 32-byte seed in base64. */
export function parseEd25519PrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed.replace(/\\n/g, '\n'))
    : (() => {
        const seed = Buffer.from(trimmed, 'base64');
        if (seed.length !== 32) throw new Error('must be a PEM or 32 bytes in base64');
        return createPrivateKey({
          key: Buffer.concat([ed25519Pkcs8Prefix, seed]),
          format: 'der',
          type: 'pkcs8',
        });
      })();
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 key');
  return key;
}

/** The deterministic demo signing key of a province: public knowledge, demo mode only. */
export function demoSigningKey(provinceCode: string): KeyObject {
  return parseEd25519PrivateKey(demoKey(`certificate-signing:${provinceCode}`).toString('base64'));
}

function readSigningKeys(
  env: Record<string, string | undefined>,
  problems: string[],
): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(signingKeyPrefix) || value === undefined || value === '') continue;
    const code = name.slice(signingKeyPrefix.length);
    if (!/^\d{6}$/.test(code)) {
      problems.push(
        `${name}: the suffix must be a 6-digit province code, e.g. ${signingKeyPrefix}430000`,
      );
      continue;
    }
    try {
      keys.set(code, parseEd25519PrivateKey(value));
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : 'not a key'}`);
    }
  }
  return keys;
}

/** Who must sign in with two factors when `JIJIAO_MFA_REQUIRED_ROLES` is not set (outside demo mode). */
export const defaultMfaRequiredRoles: readonly Role[] = ['province_admin', 'system_admin'];

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** `province_admin,system_admin` → the set; an empty string or `none` → no role. */
function parseRequiredRoles(text: string, problems: string[]): ReadonlySet<Role> {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '' && n !== 'none');
  const unknown = names.filter((n) => !isRole(n));
  if (unknown.length > 0)
    problems.push(
      `JIJIAO_MFA_REQUIRED_ROLES: unknown role ${unknown.join(', ')} (roles: ${roles.join(', ')})`,
    );
  return new Set(names.filter(isRole));
}

export interface ConfigOverrides {
  /** `jijiao start --no-demo` */
  demo?: boolean;
  port?: number;
}

/**
 * Parses the environment once, reporting every problem at once, and returns a frozen
 * config. Nothing else in the server reads `process.env`.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: ConfigOverrides = {},
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  const demoEnabled = overrides.demo ?? e.JIJIAO_DEMO ?? !production;
  if (production && demoEnabled)
    problems.push('JIJIAO_DEMO: demo mode cannot run with NODE_ENV=production');
  if (!demoEnabled && (!e.JIJIAO_ID_ENCRYPTION_KEY || !e.JIJIAO_ID_LOOKUP_KEY)) {
    problems.push(
      'JIJIAO_ID_ENCRYPTION_KEY and JIJIAO_ID_LOOKUP_KEY: required outside demo mode (32 random bytes each, base64: `openssl rand -base64 32`)',
    );
  }
  if (e.JIJIAO_DEMO_PASSWORD !== undefined && e.JIJIAO_DEMO_PASSWORD.length < 8) {
    problems.push('JIJIAO_DEMO_PASSWORD: must be at least 8 characters');
  }
  const platformKey = e.JIJIAO_DEMO_PLATFORM_KEY === '' ? undefined : e.JIJIAO_DEMO_PLATFORM_KEY;
  if (platformKey !== undefined && !/^[\x21-\x7e]{16,200}$/.test(platformKey)) {
    problems.push('JIJIAO_DEMO_PLATFORM_KEY: 16 to 200 printable ASCII characters without spaces');
  }
  const signingKeys = readSigningKeys(env, problems);
  const tls = readTls(e.JIJIAO_TLS_CERT_FILE, e.JIJIAO_TLS_KEY_FILE, problems);
  const requiredRoles = parseRequiredRoles(
    e.JIJIAO_MFA_REQUIRED_ROLES ?? (demoEnabled ? '' : defaultMfaRequiredRoles.join(',')),
    problems,
  );
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL)
    problems.push(
      'DATABASE_REPLICA_URL: a standby of DATABASE_URL; the embedded database has none (set DATABASE_URL too)',
    );
  if (e.JIJIAO_SMS_WEBHOOK_URL && !e.JIJIAO_SMS_WEBHOOK_SECRET)
    problems.push(
      'JIJIAO_SMS_WEBHOOK_SECRET: required with JIJIAO_SMS_WEBHOOK_URL (16+ characters)',
    );
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.JIJIAO_DATA_DIR);
  const lookupKey = e.JIJIAO_ID_LOOKUP_KEY
    ? Buffer.from(e.JIJIAO_ID_LOOKUP_KEY, 'base64')
    : demoKey('id-lookup');
  const encryptionKey = e.JIJIAO_ID_ENCRYPTION_KEY
    ? Buffer.from(e.JIJIAO_ID_ENCRYPTION_KEY, 'base64')
    : demoKey('id-encryption');
  const config: Config = {
    env: e.NODE_ENV,
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, replicaUrl: e.DATABASE_REPLICA_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    demo: {
      enabled: demoEnabled,
      password: e.JIJIAO_DEMO_PASSWORD,
      platformKey,
      deviceToken: e.JIJIAO_DEMO_DEVICE_TOKEN,
    },
    idKeys: {
      encryptionKey,
      lookupKey,
      isDemoKey: !e.JIJIAO_ID_ENCRYPTION_KEY,
    },
    logLevel: e.JIJIAO_LOG_LEVEL,
    cookieSecure: e.JIJIAO_COOKIE_SECURE ?? (production || tls !== null),
    tls,
    apiDocs: e.JIJIAO_API_DOCS ?? !production,
    trustProxy: e.JIJIAO_TRUST_PROXY,
    session: {
      idleMinutes: e.JIJIAO_SESSION_IDLE_MINUTES,
      absoluteHours: e.JIJIAO_SESSION_ABSOLUTE_HOURS,
      cacheSeconds: e.JIJIAO_SESSION_CACHE_SECONDS,
    },
    login: {
      maxFailures: e.JIJIAO_LOGIN_MAX_FAILURES,
      lockMinutes: e.JIJIAO_LOGIN_LOCK_MINUTES,
      rateLimitPerMinute: e.JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    twoFactor: {
      requiredRoles,
      secretKey: createHmac('sha256', encryptionKey).update('jijiao:totp-secret').digest(),
      recoveryCodeKey: createHmac('sha256', lookupKey).update('jijiao:recovery-code').digest(),
      issuer: 'Jijiao',
    },
    webDist: path.resolve(
      e.JIJIAO_WEB_DIST ?? path.join(import.meta.dirname, '../../../../web/dist'),
    ),
    imports: { maxBytes: e.JIJIAO_IMPORT_MAX_BYTES },
    evidence: { maxBytes: e.JIJIAO_EVIDENCE_MAX_BYTES },
    backup: {
      dir: path.resolve(e.JIJIAO_BACKUP_DIR ?? path.join(dataDir, 'backups')),
      dailyAtMinute: dailyMinute(e.JIJIAO_BACKUP_AT ?? (production ? '03:00' : 'off')),
      keep: e.JIJIAO_BACKUP_KEEP,
    },
    reminders: {
      dailyAtMinute: dailyMinute(e.JIJIAO_REMINDERS_AT ?? (production ? '07:30' : 'off')),
      reviewWaitingDays: e.JIJIAO_REMINDER_REVIEW_DAYS,
    },
    publicBaseUrl: (
      e.JIJIAO_PUBLIC_BASE_URL ??
      `${tls ? 'https' : 'http'}://localhost:${String(overrides.port ?? e.PORT)}`
    ).replace(/\/+$/, ''),
    certificates: {
      signingKeys,
      demoKeys: demoEnabled,
      pdfDir: path.resolve(e.JIJIAO_CERTIFICATE_PDF_DIR ?? path.join(dataDir, 'certificate-pdfs')),
      pdfWorkers: e.JIJIAO_PDF_WORKERS ?? availableParallelism(),
    },
    jobs: { leaseMs: e.JIJIAO_JOB_LEASE_SECONDS * 1000 },
    shutdown: {
      delayMs: Math.min(e.JIJIAO_SHUTDOWN_DELAY_SECONDS, e.JIJIAO_SHUTDOWN_SECONDS) * 1000,
      timeoutMs: e.JIJIAO_SHUTDOWN_SECONDS * 1000,
    },
    metricsToken: e.JIJIAO_METRICS_TOKEN ?? null,
    replicaMaxLagSeconds: e.JIJIAO_REPLICA_MAX_LAG_SECONDS,
    notifications: {
      smtpUrl: e.JIJIAO_SMTP_URL ?? null,
      mailFrom: e.JIJIAO_MAIL_FROM ?? '继续医学教育学分 <no-reply@jijiao.invalid>',
      smsWebhookUrl: e.JIJIAO_SMS_WEBHOOK_URL ?? null,
      smsWebhookSecret: e.JIJIAO_SMS_WEBHOOK_SECRET ?? null,
      pollSeconds: e.JIJIAO_NOTIFY_POLL_SECONDS,
      maxAttempts: e.JIJIAO_NOTIFY_MAX_ATTEMPTS,
      timeoutSeconds: e.JIJIAO_HR_PUSH_TIMEOUT_SECONDS,
      unsubscribeKey: createHmac('sha256', lookupKey).update('jijiao:unsubscribe').digest(),
    },
    hrPush: {
      pollSeconds: e.JIJIAO_HR_PUSH_POLL_SECONDS,
      maxAttempts: e.JIJIAO_HR_PUSH_MAX_ATTEMPTS,
      timeoutSeconds: e.JIJIAO_HR_PUSH_TIMEOUT_SECONDS,
    },
    cards: { reissueFeeFen: Math.round(e.JIJIAO_CARD_REISSUE_FEE_YUAN * 100) },
    checkin: {
      qrKey: createHmac('sha256', lookupKey).update('jijiao:checkin-qr').digest(),
      qrTokenSeconds: 60,
    },
  };
  return Object.freeze(config);
}
