import { describe, expect, it } from 'vitest';
import { previousForSamePerson } from './use-evidence-documents';

describe('previousForSamePerson', () => {
  const documents = { documents: { conference: ['attendance_certificate'] } };

  it('keeps the previous year’s documents of the same person while another year loads', () => {
    const keep = previousForSamePerson<typeof documents>('me');
    expect(keep(documents, { queryKey: ['evidence-documents', 'me', 2025] })).toBe(documents);
  });

  it('shows nothing of another person’s documents', () => {
    const keep = previousForSamePerson<typeof documents>('person-2');
    expect(keep(documents, { queryKey: ['evidence-documents', 'person-1', 2026] })).toBeUndefined();
  });

  it('shows nothing before any answer', () => {
    const keep = previousForSamePerson<typeof documents>('me');
    expect(keep(undefined, undefined)).toBeUndefined();
  });
});
