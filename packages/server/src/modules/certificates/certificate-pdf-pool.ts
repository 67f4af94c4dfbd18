import { Worker } from 'node:worker_threads';
import type { CertificateFacts } from '@jijiao/domain';
import type { RenderAnswer, RenderRequest } from './certificate-pdf-worker';

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  inFlight: number;
}

/**
 * Worker threads that render certificate PDFs (one per core by default): rendering is CPU
 * work (font subsetting, deflate), so a job renders on every core while its main thread
 * hashes, writes and records. Each render goes to the thread with the fewest in flight.
 */
export class PdfRenderPool {
  readonly #threads: Thread[];
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(size: number) {
    this.#threads = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./certificate-pdf-worker.mjs', import.meta.url));
      const thread = { worker, inFlight: 0 };
      worker.on('message', (answer: RenderAnswer) => {
        thread.inFlight--;
        const pending = this.#pending.get(answer.id);
        this.#pending.delete(answer.id);
        if (!pending) return;
        if ('error' in answer) pending.reject(new Error(answer.error));
        else
          pending.resolve(
            Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength),
          );
      });
      worker.on('error', (error) => {
        this.#fail(error);
      });
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`PDF worker exited with code ${String(code)}`));
      });
      return thread;
    });
  }

  get size(): number {
    return this.#threads.length;
  }

  render(facts: CertificateFacts, verifyUrl: string): Promise<Buffer> {
    if (this.#failure) return Promise.reject(this.#failure);
    const thread = this.#threads.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.#nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      thread.inFlight++;
      thread.worker.postMessage({ id, facts, verifyUrl } satisfies RenderRequest);
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('PDF pool closed');
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }
}
