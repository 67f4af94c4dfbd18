import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { ActivityType, EvidenceDocumentKind } from '@jijiao/contracts';
import { fetchEvidenceDocuments } from '../../../api';

/**
 * What shows while another year's documents load: the previous answer if it was for the
 * same person (`me` or a person's id), else nothing. An upload slot that vanished and came
 * back mid-upload would lose the file's note.
 */
export function previousForSamePerson<T>(
  person: string,
): (previous: T | undefined, previousQuery: { queryKey: QueryKey } | undefined) => T | undefined {
  return (previous, previousQuery) =>
    previousQuery?.queryKey[1] === person ? previous : undefined;
}

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
    placeholderData: previousForSamePerson(personId ?? 'me'),
  });
  return type && documents.data ? documents.data.documents[type] : undefined;
}
