import { useQuery } from '@tanstack/react-query';
import type { ActivityType, EvidenceDocumentKind } from '@jijiao/contracts';
import { fetchEvidenceDocuments } from '../../../api';

/**
 * The documents the chosen activity type asks for, under the rules of the person's place in
 * the year of the activity (the packs' `evidence`): the caller's own without `personId`.
 * Undefined while unknown (nothing chosen yet, or still loading).
 */
export function useEvidenceDocuments(
  type: ActivityType | undefined,
  date: string | undefined,
  personId?: string,
  /** False while there is nobody to ask for (a unit entry before staff are picked). */
  enabled = true,
): readonly EvidenceDocumentKind[] | undefined {
  const year = date && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : undefined;
  const documents = useQuery({
    queryKey: ['evidence-documents', personId ?? 'me', year ?? 'now'],
    queryFn: () =>
      fetchEvidenceDocuments({
        ...(year === undefined ? {} : { year }),
        ...(personId === undefined ? {} : { personId }),
      }),
    retry: false,
    enabled,
    staleTime: 10 * 60_000,
    // While another year's documents load, the slots stay as they were for the same person:
    // an upload slot that vanished and came back mid-upload would lose the file's note.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === (personId ?? 'me') ? previous : undefined,
  });
  return type && documents.data ? documents.data.documents[type] : undefined;
}
