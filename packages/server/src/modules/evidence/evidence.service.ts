import { createHash } from 'node:crypto';
import {
  evidenceDocumentKinds,
  type ClaimEvidence,
  type EvidenceDocumentKind,
  type EvidenceRef,
  type EvidenceUploaded,
} from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { claimedEvidenceType, sniffEvidenceType } from './evidence-sniff';
import type { EvidenceRepository } from './evidence.repository';

export interface EvidenceUpload {
  bytes: Buffer;
  fileName: string;
  declaredType: string | undefined;
}

const isEvidenceDocumentKind = (value: string | null): value is EvidenceDocumentKind =>
  (evidenceDocumentKinds as readonly (string | null)[]).includes(value);

interface Deps {
  db: Db;
  clock: Clock;
  repository: EvidenceRepository;
}

/**
 * Evidence scans, stored content-addressed in the database. The type is what the bytes
 * are: JPEG, PNG or PDF by magic number. A file whose name or declared type says otherwise
 * (a PNG named .pdf) is stored as what it is and the answer says so; anything else (an
 * HTML page named .jpg) is refused with 415 `evidence_rejected`. No access checks here:
 * the credits services decide who may attach and see.
 */
export class EvidenceService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  async store(db: DbOrTx, upload: EvidenceUpload): Promise<EvidenceUploaded> {
    if (upload.bytes.length === 0) {
      throw new AppError('validation_failed', `file: ${upload.fileName} is empty`, undefined, [
        { path: 'file', message: '文件为空' },
      ]);
    }
    const contentType = sniffEvidenceType(upload.bytes);
    if (!contentType) {
      throw new AppError(
        'evidence_rejected',
        `file: ${upload.fileName} is not a JPEG, PNG or PDF file (checked from its content)`,
        { fileName: upload.fileName },
        [{ path: 'file', message: '只接受 JPEG、PNG 或 PDF 文件' }],
      );
    }
    const claimed = claimedEvidenceType(upload.fileName, upload.declaredType);
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    await this.#deps.repository.insertFile(db, {
      sha256,
      contentType,
      sizeBytes: upload.bytes.length,
      bytes: upload.bytes,
      createdAt: this.#deps.clock.now(),
    });
    return {
      sha256,
      fileName: upload.fileName,
      contentType,
      sizeBytes: upload.bytes.length,
      declaredTypeMismatch: claimed !== null && claimed !== contentType,
    };
  }

  /**
   * Links stored files to a claim, each with the document it says it is; a reference to a
   * file never uploaded names its index. The same file attached again keeps its first kind.
   */
  async attach(
    db: DbOrTx,
    claim: { id: string; personId: string; year: number },
    refs: readonly EvidenceRef[],
    uploadedBy: string | null,
  ): Promise<void> {
    for (const [index, ref] of refs.entries()) {
      if (!(await this.#deps.repository.fileInfo(db, ref.sha256))) {
        const path = `evidence.${index}.sha256`;
        throw new AppError('validation_failed', `${path}: no such uploaded file`, undefined, [
          { path, message: 'no such uploaded file: upload it first' },
        ]);
      }
      await this.#deps.repository.attach(db, {
        claimId: claim.id,
        claimYear: claim.year,
        sha256: ref.sha256,
        fileName: ref.fileName,
        documentKind: ref.kind ?? null,
        uploadedBy,
        personId: claim.personId,
        at: this.#deps.clock.now(),
      });
    }
  }

  async ofClaim(db: DbOrTx, claimId: string): Promise<ClaimEvidence[]> {
    const rows = await this.#deps.repository.ofClaim(db, claimId);
    return rows.map((r) => ({
      sha256: r.sha256,
      fileName: r.fileName,
      contentType: r.contentType,
      sizeBytes: r.sizeBytes,
      kind: isEvidenceDocumentKind(r.documentKind) ? r.documentKind : null,
      uploadedAt: r.at.toISOString(),
      sharedWithOtherPerson: r.shared,
    }));
  }

  claimIdsUsing(sha256: string): Promise<string[]> {
    return this.#deps.repository.claimIdsUsing(this.#deps.db, sha256);
  }

  async read(sha256: string): Promise<{ contentType: string; bytes: Buffer } | undefined> {
    const row = await this.#deps.repository.findFile(this.#deps.db, sha256);
    return row ? { contentType: row.contentType, bytes: row.bytes } : undefined;
  }
}
