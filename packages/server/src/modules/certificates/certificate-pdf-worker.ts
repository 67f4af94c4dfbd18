import { parentPort } from 'node:worker_threads';
import type { CertificateFacts } from '@jijiao/domain';
import { renderCertificatePdf } from './certificate-pdf';

/** One render asked of a PDF worker thread (`certificate-pdf-pool.ts`). */
export interface RenderRequest {
  id: number;
  facts: CertificateFacts;
  verifyUrl: string;
}

export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', (request: RenderRequest) => {
    renderCertificatePdf(request.facts, request.verifyUrl).then(
      (pdf) => {
        // A fresh, whole ArrayBuffer moves to the main thread without a copy.
        const bytes = new Uint8Array(pdf.length);
        bytes.set(pdf);
        port.postMessage({ id: request.id, pdf: bytes } satisfies RenderAnswer, [bytes.buffer]);
      },
      (error: unknown) => {
        port.postMessage({
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies RenderAnswer);
      },
    );
  });
}
