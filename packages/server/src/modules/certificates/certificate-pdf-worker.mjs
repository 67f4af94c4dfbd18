// The entry of a PDF worker thread: module hooks do not follow into worker threads, so
// each one registers tsx's loader itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./certificate-pdf-worker.ts');
