import { useState } from 'react';
import type { Claim, EvidenceDocumentKind, EvidenceRef } from '@jijiao/contracts';
import { attachEvidence, isApiError, uploadEvidence } from '../../../api';
import { errorText } from '../../../i18n/error-message';
import { useT, type Translate } from '../../../i18n/use-t';
import { labelOf } from '../../../i18n/vocabulary';

/** One line under the upload button: a file stored, or why it was not. */
export interface UploadNote {
  ok: boolean;
  text: string;
}

/** What an upload failure says, in words: the server's own message for the file when it has one. */
export function uploadProblem(t: Translate, error: unknown): string {
  if (isApiError(error, 'file_too_large')) return t('selfReport.tooLarge');
  if (isApiError(error) && error.issues[0]) return error.issues[0].message;
  return errorText(t, error);
}

/**
 * The evidence of the claim being written, each file with the document it is. A saved claim
 * gets its files attached at once; a new one only has them stored, and they are named (with
 * their documents) when the claim is created.
 */
export function useEvidenceUpload(claim: Claim | null) {
  const { t } = useT();
  const [evidence, setEvidence] = useState<EvidenceRef[]>(
    claim
      ? claim.evidence.map((e) => ({
          sha256: e.sha256,
          fileName: e.fileName,
          ...(e.kind ? { kind: e.kind } : {}),
        }))
      : [],
  );
  const [uploadNotes, setUploadNotes] = useState<UploadNote[]>([]);
  const [uploading, setUploading] = useState(false);

  /** Stores a file as the document `kind` (one of those the type asks for), if said. */
  const upload = async (file: File, kind?: EvidenceDocumentKind) => {
    setUploading(true);
    try {
      const stored = claim
        ? await attachEvidence(claim.id, file, file.name, kind)
        : await uploadEvidence(file, file.name);
      setEvidence((list) =>
        list.some((e) => e.sha256 === stored.sha256)
          ? list
          : [
              ...list,
              { sha256: stored.sha256, fileName: stored.fileName, ...(kind ? { kind } : {}) },
            ],
      );
      setUploadNotes((notes) => [
        ...notes,
        stored.declaredTypeMismatch
          ? {
              ok: true,
              text: t('selfReport.storedAs', {
                name: file.name,
                type: labelOf(t, 'evidenceType', stored.contentType),
              }),
            }
          : { ok: true, text: t('selfReport.uploaded', { name: file.name }) },
      ]);
    } catch (error) {
      setUploadNotes((notes) => [
        ...notes,
        {
          ok: false,
          text: t('selfReport.uploadFailed', { name: file.name, message: uploadProblem(t, error) }),
        },
      ]);
    } finally {
      setUploading(false);
    }
  };

  return { evidence, uploadNotes, uploading, upload };
}
