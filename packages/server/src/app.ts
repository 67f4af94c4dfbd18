import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import './platform/auth/fastify-augment';
import type { Config } from './platform/config/config';
import type { Database } from './platform/db/database';
import { systemClock, type Clock } from './platform/clock';
import { argon2Hasher, type PasswordHasher } from './platform/auth/password-hasher';
import { registerRouteGuard } from './platform/auth/route-guard';
import { AppError } from './platform/errors/app-error';
import { answerFrameworkError, registerErrorHandler } from './platform/errors/error-handler';
import { loggerOptions } from './platform/logging/logger';
import { registerPublicPlugins } from './platform/http/public-plugins';
import { registerReadRouting } from './platform/http/read-routing-hooks';
import { databaseRateLimitStore } from './platform/http/rate-limit-store';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerInputGuard } from './platform/http/input-guard';
import { registerNoStore } from './platform/http/no-store';
import { registerAuditLogRoutes } from './modules/audit-log/audit-log.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerOrgRoutes } from './modules/orgs/orgs.routes';
import { registerPeopleRoutes } from './modules/people/people.routes';
import { registerTransferRoutes } from './modules/transfers/transfers.routes';
import { registerSystemRoutes } from './modules/system/system.routes';
import { registerMetricsRoutes } from './modules/system/metrics.routes';
import { buildServices } from './services';
import { registerPeopleExcelRoutes } from './modules/people/people-import.routes';
import { registerProjectsExcelRoutes } from './modules/projects/projects-import.routes';
import { registerProjectRoutes } from './modules/projects/projects.routes';
import { registerCreditRoutes } from './modules/credits/credits.routes';
import { registerEvidenceRoutes } from './modules/evidence/evidence.routes';
import { registerCertificateRoutes } from './modules/certificates/certificates.routes';
import { registerHrPushRoutes } from './modules/hr-push/hr-push.routes';
import { registerLearnerYearRoutes } from './modules/learner-year/learner-year.routes';
import { registerAwardRoutes } from './modules/awards/awards.routes';
import { registerStaffLookupRoute } from './modules/credits/staff-lookup';
import { registerProviderRoutes } from './modules/provider/provider.routes';
import { registerCreditsImportRoutes } from './modules/credits/credits-import.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerCardRoutes } from './modules/cards/cards.routes';
import { CardsExcel } from './modules/cards/cards-excel';
import { registerCardsExcelRoutes } from './modules/cards/cards-import.routes';
import { registerAccountRoutes } from './modules/accounts/accounts.routes';
import { registerPolicyRoutes } from './modules/policies/policies.routes';
import { registerCheckinRoutes } from './modules/checkins/checkins.routes';
import { registerJobRoutes } from './modules/jobs/jobs.routes';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes';
import { startBackgroundWork, type BackgroundWork } from './background-work';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes';
import { appVersion } from './platform/app-version';
import { Lifecycle } from './platform/http/lifecycle';

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  hasher?: PasswordHasher;
  /** Run background workers (HR push outbox, standings, jobs): `jijiao start` does, tests drive them. */
  startWorkers?: boolean;
  /** Where the process is in its life: the readiness probe answers 503 once shutdown begins. */
  lifecycle?: Lifecycle;
  /** Log readable lines to this terminal instead of JSON (`jijiao start` in a terminal). */
  logTo?: { write(text: string): unknown };
}

const version = appVersion;

export const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  },
};

/**
 * The policy as sent: behind HTTPS (`secure`, as the session cookie) it also asks the
 * browser to upgrade every request to HTTPS; over plain HTTP (a demo on an intranet
 * address) that upgrade would leave every page blank, its scripts fetched over a TLS the
 * server does not speak.
 */
export function contentSecurityPolicyFor(secure: boolean) {
  return {
    directives: {
      ...contentSecurityPolicy.directives,
      upgradeInsecureRequests: secure ? [] : null,
    },
  };
}

/** The one composition root: wires config, database, services and routes. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const hasher = options.hasher ?? argon2Hasher;

  // With a certificate: HTTPS, HTTP/2 for browsers that speak it (one connection for a
  // page's many modules) and HTTP/1.1 for the rest. Routes and plugins use the request and
  // reply API only, the same over both, so the app is typed as the HTTP/1.1 one.
  const secure = config.tls
    ? { http2: true, https: { allowHTTP1: true, cert: config.tls.cert, key: config.tls.key } }
    : {};
  const app = Fastify({
    ...(secure as object),
    logger: loggerOptions(config.logLevel, options.logTo),
    trustProxy: config.trustProxy,
    // A path the router cannot read (bad percent-encoding, an over-long parameter) gets the
    // error handler's answer, not Fastify's own `{ error, code, statusCode }` shape.
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const services = buildServices({ config, database, clock, hasher });
  const { auth, orgs, people, transfers, projects, auditLog } = services;
  const { cards, cardOrders, sessions, checkins, attendance } = services;

  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: contentSecurityPolicyFor(config.cookieSecure),
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(rateLimit, {
    global: false,
    // Counted in the database: several processes share one limit (ADR 0040).
    store: databaseRateLimitStore(database.db),
    errorResponseBuilder: (_req, context) =>
      new AppError('rate_limited', `Too many requests: try again in ${context.after}`, {
        retryAfter: context.after,
      }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jijiao API',
        description:
          'Continuing medical education credits: the API behind the web app, the CLI and platform pushes.',
        version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jijiao_session' },
          platformKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An online platform’s API key, issued by the province (平台接入)',
          },
          device: { type: 'http', scheme: 'bearer', description: 'A check-in kiosk’s token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerRouteGuard(app, auth, config.cookieSecure, services.platformKeys, checkins);
  registerReadRouting(app, services.reads, {
    cookieSecure: config.cookieSecure,
    onChoice: (choice) => {
      services.metrics.routedRead(choice.source, choice.reason);
    },
  });
  registerInputGuard(app);
  registerNoStore(app, config.cookieSecure);

  registerSystemRoutes(app, {
    demo: config.demo.enabled,
    version,
    system: services.system,
    backups: services.backups,
    lifecycle: options.lifecycle ?? new Lifecycle(),
  });
  registerMetricsRoutes(app, { metrics: services.metrics, token: config.metricsToken });
  registerAuthRoutes(app, {
    auth,
    cookieSecure: config.cookieSecure,
    rateLimitPerMinute: config.login.rateLimitPerMinute,
  });
  registerOrgRoutes(app, { orgs });
  registerAuditLogRoutes(app, { auditLog });
  registerPeopleRoutes(app, { people });
  const maxBytes = config.imports.maxBytes;
  registerPeopleExcelRoutes(app, { excel: services.peopleExcel, maxBytes });
  registerProjectsExcelRoutes(app, { excel: services.projectsExcel, maxBytes });
  registerJobRoutes(app, { jobs: services.jobs });
  registerTransferRoutes(app, { transfers });
  registerProjectRoutes(app, { projects });
  registerCreditRoutes(app, { claims: services.claims, review: services.claimReview });
  registerEvidenceRoutes(app, {
    claims: services.claims,
    evidence: services.evidence,
    maxBytes: config.evidence.maxBytes,
  });
  registerCertificateRoutes(app, { certificates: services.certificates, auditLog });
  registerHrPushRoutes(app, { hrPush: services.hrPush });
  registerLearnerYearRoutes(app, { years: services.learnerYear, auditLog });
  registerAwardRoutes(app, { awards: services.awards, maxBytes });
  registerStaffLookupRoute(app, { people, orgs });
  registerProviderRoutes(app, { keys: services.platformKeys, push: services.providerPush });
  registerCreditsImportRoutes(app, { creditsImport: services.creditsImport, maxBytes });
  registerAuditRoutes(app, {
    audits: services.audits,
    chain: services.auditChain,
    early: services.auditEarly,
    voids: services.auditVoids,
    voidPreview: services.auditVoidPreview,
  });
  if (config.certificates.signingKeys.size === 0 && config.certificates.demoKeys) {
    app.log.warn(
      'Certificates are signed with deterministic DEMO keys (no JIJIAO_CERT_SIGNING_KEY_<province code> set): never use them for real certificates',
    );
  }
  registerCardRoutes(app, { cards, cardOrders });
  registerCardsExcelRoutes(app, { excel: new CardsExcel({ cards, config }), maxBytes });
  registerCheckinRoutes(app, { sessions, checkins, attendance });
  registerPolicyRoutes(app, { policies: services.policies });
  registerAccountRoutes(app, { accounts: services.accountAdmin });
  registerCalendarRoutes(app, { calendar: services.calendar });
  registerNotificationRoutes(app, { notifications: services.notifications });
  await registerPublicPlugins(app, config.webDist, config.cookieSecure, clock, config.apiDocs);
  if (options.startWorkers === true) {
    let work: BackgroundWork | undefined;
    app.addHook('onReady', () => {
      work = startBackgroundWork(services, { config, clock, log: app.log });
      return Promise.resolve();
    });
    // After the listener has closed and the requests in flight have finished (ADR 0040).
    app.addHook('onClose', async () => {
      await work?.stop();
    });
  }

  return app;
}
