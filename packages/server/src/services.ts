import type { Config } from './platform/config/config';
import type { Database } from './platform/db/database';
import type { Clock } from './platform/clock';
import type { PasswordHasher } from './platform/auth/password-hasher';
import { AuditLogRepository } from './modules/audit-log/audit-log.repository';
import { AuditLogService } from './modules/audit-log/audit-log.service';
import { AuthRepository } from './modules/auth/auth.repository';
import { AuthService, type ResolvedSession } from './modules/auth/auth.service';
import { OrgsRepository } from './modules/orgs/orgs.repository';
import { OrgsService } from './modules/orgs/orgs.service';
import { UsersRepository } from './modules/users/users.repository';
import { AccountsService } from './modules/accounts/accounts.service';
import { UsersService } from './modules/users/users.service';
import { PeopleRepository } from './modules/people/people.repository';
import { PeopleService } from './modules/people/people.service';
import { TransfersRepository } from './modules/transfers/transfers.repository';
import { TransfersService } from './modules/transfers/transfers.service';
import { ProjectsRepository } from './modules/projects/projects.repository';
import { ProjectsService } from './modules/projects/projects.service';
import { IdNumberCipher } from './platform/crypto/id-number-cipher';
import { defaultPolicyRegistry } from '@jijiao/domain';
import { CreditsRepository } from './modules/credits/credits.repository';
import { CreditIntake } from './modules/credits/credit-intake.service';
import { ClaimsService } from './modules/credits/claims.service';
import { ClaimReview } from './modules/credits/claim-review.service';
import { ClaimLifecycle } from './modules/credits/claim-lifecycle';
import { ClaimYearsRepository } from './modules/credits/claim-years.repository';
import { ClaimYearsService } from './modules/credits/claim-years.service';
import { CalendarRepository } from './modules/calendar/calendar.repository';
import { CalendarService } from './modules/calendar/calendar.service';
import { RemindersRepository } from './modules/reminders/reminders.repository';
import { RemindersService } from './modules/reminders/reminders.service';
import { EvidenceRepository } from './modules/evidence/evidence.repository';
import { EvidenceService } from './modules/evidence/evidence.service';
import { HrPushRepository } from './modules/hr-push/hr-push.repository';
import { HrPushService } from './modules/hr-push/hr-push.service';
import { HrPushWorker } from './modules/hr-push/hr-push-worker';
import { CertificateKeyRing } from './modules/certificates/certificate-keys';
import { CertificatesRepository } from './modules/certificates/certificates.repository';
import { CertificatesService } from './modules/certificates/certificates.service';
import { CertificatePdfsRepository } from './modules/certificates/certificate-pdfs.repository';
import { ContentStore } from './platform/storage/content-store';
import { LearnerYearRepository } from './modules/learner-year/learner-year.repository';
import { LearnerYearService } from './modules/learner-year/learner-year.service';
import { AwardsRepository } from './modules/awards/awards.repository';
import { AwardsService } from './modules/awards/awards.service';
import { ProviderRepository } from './modules/provider/provider.repository';
import { PlatformKeysService } from './modules/provider/platform-keys.service';
import { ProviderPushService } from './modules/provider/provider-push.service';
import { CreditsImport } from './modules/credits/credits-import.service';
import { AuditRepository } from './modules/audit/audit.repository';
import { AuditService } from './modules/audit/audit.service';
import { AuditChainService } from './modules/audit/audit-chain.service';
import { AuditEarlyService } from './modules/audit/audit-early.service';
import { AuditVoidService } from './modules/audit/audit-void.service';
import { AuditVoidPreview } from './modules/audit/audit-void-preview';
import { CardsRepository } from './modules/cards/cards.repository';
import { CardsService } from './modules/cards/cards.service';
import { CardOrdersService } from './modules/cards/card-orders.service';
import { StandingsRepository } from './modules/standings/standings.repository';
import { StandingsService } from './modules/standings/standings.service';
import { StandingQueriesRepository } from './modules/standings/standing-queries.repository';
import { SessionCache } from './platform/auth/session-cache';
import { StandingTalliesRepository } from './modules/standings/standing-tallies.repository';
import { StandingsWorker } from './modules/standings/standings-worker';
import { CheckinsRepository } from './modules/checkins/checkins.repository';
import { SessionsService } from './modules/checkins/sessions.service';
import { CheckinsService } from './modules/checkins/checkins.service';
import { AttendanceService } from './modules/checkins/attendance.service';
import { SystemService } from './modules/system/system.service';
import { BackupsService } from './modules/system/backups.service';
import { appVersion } from './platform/app-version';
import { JobsRepository } from './modules/jobs/jobs.repository';
import { JobsService } from './modules/jobs/jobs.service';
import { JobRunner } from './modules/jobs/job-runner';
import { NotificationsRepository } from './modules/notifications/notifications.repository';
import { NotificationsService } from './modules/notifications/notifications.service';
import { NotificationWorker } from './modules/notifications/notification-worker';
import { NotificationChannels } from './modules/notifications/notification-channels';
import { PeopleExcel } from './modules/people/people-excel';
import { ProjectsExcel } from './modules/projects/projects-excel';
import { Metrics } from './platform/metrics/metrics';
import { ReadRouting } from './platform/db/read-routing';

export interface ServiceOptions {
  config: Config;
  database: Database;
  clock: Clock;
  hasher: PasswordHasher;
}

/** Every service, wired once: used by the HTTP app and by CLI commands alike. */
export function buildServices(options: ServiceOptions) {
  const { config, database, clock, hasher } = options;
  const db = database.db;
  // Process metrics (CPU, memory, event loop) only where `/metrics` is served (ADR 0040).
  const metrics = new Metrics({
    engine: database.kind,
    pool: () => database.poolStats(),
    process: config.metricsToken !== null,
  });
  const auditLog = new AuditLogService({ db, clock, repository: new AuditLogRepository() });
  const notificationsRepository = new NotificationsRepository();
  const notifications = new NotificationsService({
    db,
    clock,
    repository: notificationsRepository,
    unsubscribeKey: config.notifications.unsubscribeKey,
    auditLog,
  });
  /** Sends the notification outbox; started by `startServer`, driven directly by tests. */
  const createNotificationWorker = (
    log?: ConstructorParameters<typeof NotificationWorker>[0]['log'],
  ) =>
    new NotificationWorker({
      db,
      clock,
      repository: notificationsRepository,
      channels: new NotificationChannels({
        ...config.notifications,
        publicBaseUrl: config.publicBaseUrl,
      }),
      settings: config.notifications,
      ...(log ? { log } : {}),
    });
  // Dashboards, statistics, progress lists and year pages read the replica when one is set
  // (DATABASE_REPLICA_URL) and the routed request may (ADR 0041).
  const reads = new ReadRouting({
    primary: db,
    replica: database.replica,
    maxLagSeconds: config.replicaMaxLagSeconds,
  });
  const jobs = new JobsService({ db, clock, repository: new JobsRepository() });
  const standings = new StandingsService({
    db,
    reads,
    clock,
    repository: new StandingsRepository(),
    queries: new StandingQueriesRepository(),
    tallies: new StandingTalliesRepository(),
    policies: defaultPolicyRegistry,
  });
  /** Drains the standings queue; started by `startServer`, driven directly by tests. */
  const createStandingsWorker = (log?: ConstructorParameters<typeof StandingsWorker>[0]['log']) =>
    new StandingsWorker({ standings, ...(log ? { log } : {}) });
  const sessionCache = new SessionCache<ResolvedSession>(config.session.cacheSeconds * 1000);
  const accounts = new UsersService({
    repository: new UsersRepository(),
    hasher,
    sessions: sessionCache,
  });
  const auth = new AuthService({
    db,
    config,
    clock,
    hasher,
    repository: new AuthRepository(),
    users: accounts,
    auditLog,
    sessions: sessionCache,
    onSignInFailed: (step) => {
      metrics.signInFailed(step);
    },
  });
  const orgs = new OrgsService({
    db,
    clock,
    repository: new OrgsRepository(),
    auditLog,
    standings,
  });
  const cipher = new IdNumberCipher(config.idKeys.encryptionKey, config.idKeys.lookupKey);
  const accountAdmin = new AccountsService({ db, clock, users: accounts, auth, orgs, auditLog });
  const people = new PeopleService({
    db,
    clock,
    cipher,
    repository: new PeopleRepository(),
    orgs,
    users: accounts,
    auditLog,
    standings,
  });
  const transfers = new TransfersService({
    db,
    clock,
    repository: new TransfersRepository(),
    people,
    orgs,
    auditLog,
    notifications,
  });

  const projects = new ProjectsService({
    db,
    clock,
    repository: new ProjectsRepository(),
    orgs,
    auditLog,
  });
  const calendarRepository = new CalendarRepository();
  const calendar = new CalendarService({
    db,
    clock,
    repository: calendarRepository,
    orgs,
    auditLog,
  });
  const creditsRepository = new CreditsRepository();
  const deps = {
    repository: creditsRepository,
    auditLog,
    clock,
    standings,
    calendar,
    notifications,
  };
  const lifecycle = new ClaimLifecycle(deps);
  const intake = new CreditIntake({
    db,
    clock,
    repository: creditsRepository,
    people,
    orgs,
    auditLog,
    policies: defaultPolicyRegistry,
    lifecycle,
    projects,
  });
  const evidence = new EvidenceService({ db, clock, repository: new EvidenceRepository() });
  const claims = new ClaimsService({
    db,
    clock,
    repository: creditsRepository,
    intake,
    evidence,
    people,
    orgs,
    auditLog,
    lifecycle,
  });
  const cardsDeps = {
    db,
    clock,
    config,
    repository: new CardsRepository(),
    people,
    orgs,
    auditLog,
  };
  const cards = new CardsService(cardsDeps);
  const claimYears = new ClaimYearsService({
    db,
    clock,
    auditLog,
    repository: new ClaimYearsRepository(),
    standings,
  });
  const claimReview = new ClaimReview({
    db,
    reads,
    clock,
    repository: creditsRepository,
    auditLog,
    intake,
    claims,
    orgs,
    lifecycle,
  });
  const hrPushRepository = new HrPushRepository();
  const hrPush = new HrPushService({
    db,
    clock,
    repository: hrPushRepository,
    cipher,
    orgs,
    auditLog,
  });
  /** The outbox's delivery worker; started by `startServer`, driven directly by tests. */
  const createHrPushWorker = (log?: ConstructorParameters<typeof HrPushWorker>[0]['log']) =>
    new HrPushWorker({
      db,
      clock,
      repository: hrPushRepository,
      cipher,
      auditLog,
      config,
      ...(log ? { log } : {}),
    });
  const certificateKeys = new CertificateKeyRing(config);
  const certificates = new CertificatesService({
    db,
    clock,
    repository: new CertificatesRepository(),
    keys: certificateKeys,
    cipher,
    orgs,
    hrPush,
    auditLog,
    publicBaseUrl: config.publicBaseUrl,
    pdfs: new CertificatePdfsRepository(),
    pdfStore: new ContentStore(config.certificates.pdfDir, '.pdf'),
    pdfWorkers: config.certificates.pdfWorkers,
    jobs,
    notifications,
  });
  const learnerYear = new LearnerYearService({
    db,
    reads,
    clock,
    repository: new LearnerYearRepository(),
    claims,
    intake,
    people,
    orgs,
    policies: defaultPolicyRegistry,
    standings,
  });
  const checkinsRepository = new CheckinsRepository();
  const sessions = new SessionsService({
    db,
    clock,
    repository: checkinsRepository,
    projects,
    auditLog,
  });
  const checkins = new CheckinsService({
    db,
    clock,
    qrKey: config.checkin.qrKey,
    repository: checkinsRepository,
    projects,
  });
  const attendance = new AttendanceService({
    db,
    clock,
    repository: checkinsRepository,
    projects,
  });
  const awards = new AwardsService({
    db,
    clock,
    repository: new AwardsRepository(),
    claims,
    projects,
    people,
    orgs,
    intake,
    claimReview,
    auditLog,
    attendance,
    notifications,
  });
  const providerRepository = new ProviderRepository();
  const platformKeys = new PlatformKeysService({
    db,
    clock,
    repository: providerRepository,
    orgs,
    auditLog,
  });
  const providerPush = new ProviderPushService({
    db,
    clock,
    repository: providerRepository,
    people,
    intake,
  });
  const creditsImport = new CreditsImport({
    db,
    clock,
    config,
    intake,
    people,
    orgs,
    auditLog,
    jobs,
  });
  const peopleExcel = new PeopleExcel({ people, orgs, auditLog, config, jobs });
  const projectsExcel = new ProjectsExcel({ projects, orgs, auditLog, config, jobs });
  /** Runs queued jobs (the imports, ADR 0024); started by `startServer`, driven by tests. */
  const createJobRunner = (
    options: Omit<ConstructorParameters<typeof JobRunner>[0], 'jobs' | 'handlers'> = {},
  ) =>
    new JobRunner({
      ...options,
      jobs,
      handlers: {
        people_import: (job) => peopleExcel.runImportJob(job),
        projects_import: (job) => projectsExcel.runImportJob(job),
        credits_import: (job) => creditsImport.runImportJob(job),
        certificate_pdfs: (job) => certificates.runPdfJob(job),
      },
    });
  const auditDeps = {
    db,
    clock,
    repository: new AuditRepository(),
    orgs,
    certificates,
    hrPush,
    auditLog,
    policies: defaultPolicyRegistry,
    standings,
    notifications,
  };
  const audits = new AuditService(auditDeps);
  const auditChain = new AuditChainService(auditDeps);
  const auditEarly = new AuditEarlyService(auditDeps);
  const auditVoids = new AuditVoidService(auditDeps, people, claimReview);
  const auditVoidPreview = new AuditVoidPreview(auditDeps, people, claims);
  const cardOrders = new CardOrdersService(cardsDeps, cards);
  const reminders = new RemindersService({
    ...{ db, clock, calendar, orgs, notifications, repository: new RemindersRepository() },
    reviewWaitingDays: config.reminders.reviewWaitingDays,
  });
  const backups = new BackupsService({
    database,
    clock,
    config,
    appVersion,
    auditLog,
  });
  const system = new SystemService({
    db,
    clock,
    engine: database.kind,
    hrPush,
    accounts: accountAdmin,
    auditLog,
  });
  metrics.watch({
    jobs: () => jobs.backlog(),
    hrPush: () => hrPush.backlog(),
    notifications: () => notifications.backlog(),
    standingsQueues: () => standings.queueLengths(),
  });
  return {
    db,
    clock,
    reads,
    metrics,
    config,
    backups,
    auditLog,
    notifications,
    createNotificationWorker,
    standings,
    calendar,
    reminders,
    createStandingsWorker,
    auth,
    orgs,
    accounts,
    people,
    transfers,
    projects,
    intake,
    evidence,
    claims,
    claimReview,
    claimYears,
    hrPush,
    createHrPushWorker,
    certificateKeys,
    certificates,
    learnerYear,
    awards,
    platformKeys,
    providerPush,
    creditsImport,
    peopleExcel,
    projectsExcel,
    jobs,
    createJobRunner,
    audits,
    auditChain,
    auditEarly,
    auditVoids,
    auditVoidPreview,
    cards,
    cardOrders,
    sessions,
    checkins,
    attendance,
    policies: defaultPolicyRegistry,
    accountAdmin,
    system,
  };
}

export type Services = ReturnType<typeof buildServices>;
