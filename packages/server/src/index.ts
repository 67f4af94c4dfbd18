export { createApp, type AppOptions } from './app';
export {
  loadConfig,
  ConfigError,
  type Config,
  type ConfigOverrides,
} from './platform/config/config';
export { openDatabase, type Database } from './platform/db/database';
export { AppError } from './platform/errors/app-error';
export { checkBackupFile, type BackupManifest } from './platform/backup';
export { systemClock, type Clock } from './platform/clock';
export { startServer, type RunningServer } from './start-server';
export { seedDemo, type DemoSeedResult } from './modules/demo/demo.service';
export { completeDemo, type DemoCompletion } from './modules/demo/demo-at-start';
export {
  seedDemoScale,
  yearRange,
  type DemoScaleOptions,
  type DemoScaleResult,
} from './modules/demo/demo-scale';
export { argon2Hasher } from './platform/auth/password-hasher';
export { buildServices, type Services } from './services';
export { systemActor } from './modules/orgs/system-actor';
export { PeopleExcel, peopleTemplate } from './modules/people/people-excel';
export { ProjectsExcel, projectsTemplate } from './modules/projects/projects-excel';
export { describeIssue } from './platform/excel';
export { CreditsImport, creditsTemplate } from './modules/credits/credits-import.service';
export { startWorker, type RunningWorker } from './start-worker';
