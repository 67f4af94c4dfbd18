import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Claim, EvidenceUploaded } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { multipartFile } from '../../../test/excel-routes';
import { htmlBytes, jpegBytes, pdfBytes, pngBytes } from '../../../test/credit-files';
import { queryRows } from '../../platform/db/database';

/**
 * Evidence uploads checked from the bytes (ADR 0008 and the evidence service): the type is
 * what the content is, whatever the name says. A PNG named .pdf is accepted and stored as
 * a PNG (the answer flags the mismatch); anything that is not JPEG, PNG or PDF is refused
 * with 415 `evidence_rejected`; over the limit 413 `file_too_large`; empty 400.
 */
const maxBytes = 4096;
const t = await buildTestApp({ JIJIAO_EVIDENCE_MAX_BYTES: String(maxBytes) });
const f = createFactories(t);
const tree = await f.buildOrgTree();
const learner = await t.signIn((await f.buildPerson({ unit: tree.unit })).user.username);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);

function upload(file: Buffer, fileName: string, contentType: string) {
  const form = multipartFile(file, { fileName, contentType });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/evidence',
    headers: { ...learner.headers, ...form.headers },
    payload: form.payload,
  });
}

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[] };
}
const errorOf = (res: LightMyRequestResponse) => res.json<ErrorBody>().error;

async function storedFiles(): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int n from evidence_files`,
  );
  return rows[0]?.n ?? 0;
}

describe('evidence uploads, checked from the bytes', () => {
  it('stores a PNG named .pdf as the PNG it is, and says the name was wrong', async () => {
    const res = await upload(pngBytes, '证书.pdf', 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    const stored = res.json<EvidenceUploaded>();
    expect(stored).toMatchObject({
      contentType: 'image/png',
      declaredTypeMismatch: true,
      sizeBytes: pngBytes.length,
    });
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${stored.sha256}`,
      headers: learner.headers,
    });
    // Not attached to any claim yet: nobody can view it.
    expect(view.statusCode).toBe(404);
  });

  it('refuses an HTML page named .jpg with 415 evidence_rejected, storing nothing', async () => {
    const before = await storedFiles();
    const res = await upload(htmlBytes, 'photo.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(415);
    expect(errorOf(res)).toMatchObject({ code: 'evidence_rejected' });
    expect(errorOf(res).issues?.[0]?.path).toBe('file');
    expect(await storedFiles()).toBe(before);
  });

  it('refuses a file over the limit with 413 file_too_large', async () => {
    const big = Buffer.concat([pdfBytes('big'), Buffer.alloc(maxBytes, 0x20)]);
    const before = await storedFiles();
    const res = await upload(big, 'big.pdf', 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('file_too_large');
    expect(await storedFiles()).toBe(before);
    // Exactly at the limit is fine.
    const edge = Buffer.concat([
      pdfBytes('edge'),
      Buffer.alloc(maxBytes - pdfBytes('edge').length, 0x20),
    ]);
    expect((await upload(edge, 'edge.pdf', 'application/pdf')).statusCode).toBe(201);
  });

  it('refuses an empty file with 400 naming the file', async () => {
    const res = await upload(Buffer.alloc(0), 'empty.pdf', 'application/pdf');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation_failed', issues: [{ path: 'file' }] });
  });

  it('refuses a request without a file part', async () => {
    const form = multipartFile(pdfBytes(), { field: 'other', fileName: 'a.pdf' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evidence',
      headers: { ...learner.headers, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(400);
  });

  it('stores the same bytes once (content-addressed)', async () => {
    const bytes = jpegBytes('once');
    const a = (await upload(bytes, 'a.jpg', 'image/jpeg')).json<EvidenceUploaded>();
    const before = await storedFiles();
    const b = (await upload(bytes, 'b.jpeg', 'image/jpeg')).json<EvidenceUploaded>();
    expect(b.sha256).toBe(a.sha256);
    expect(await storedFiles()).toBe(before);
  });

  it('serves an attached PDF inline with the sniffed type and nosniff', async () => {
    const bytes = pdfBytes('served inline');
    // Declared as something else: what is served is what the bytes are.
    const stored = (
      await upload(bytes, '会议证明.pdf', 'application/octet-stream')
    ).json<EvidenceUploaded>();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/credits',
      headers: learner.headers,
      payload: {
        activity: { type: 'self_study', date: '2026-02-05', hours: 2 },
        evidence: [{ sha256: stored.sha256, fileName: '会议证明.pdf' }],
        submit: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Claim>().evidence).toMatchObject([
      { sha256: stored.sha256, contentType: 'application/pdf', fileName: '会议证明.pdf' },
    ]);
    for (const who of [learner, unitAdmin]) {
      const view = await t.app.inject({
        method: 'GET',
        url: `/api/v1/evidence/${stored.sha256}`,
        headers: who.headers,
      });
      expect(view.statusCode).toBe(200);
      expect(view.headers['content-type']).toBe('application/pdf');
      expect(view.headers['x-content-type-options']).toBe('nosniff');
      expect(view.headers['content-disposition']).toBe('inline');
      expect(view.rawPayload.equals(bytes)).toBe(true);
    }
  });
});
