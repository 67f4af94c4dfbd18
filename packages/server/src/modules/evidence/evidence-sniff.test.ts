import { describe, expect, it } from 'vitest';
import { claimedEvidenceType, sniffEvidenceType } from './evidence-sniff';

describe('sniffEvidenceType', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    [[...Buffer.from('%PDF-1.7\n')], 'application/pdf'],
    [[...Buffer.from('<!doctype html><script>')], null],
    [[0x89, 0x50, 0x4e, 0x47], null],
    [[], null],
  ])('%j → %s', (bytes, type) => {
    expect(sniffEvidenceType(Uint8Array.from(bytes))).toBe(type);
  });
});

describe('claimedEvidenceType', () => {
  it('reads the extension first, then the declared type', () => {
    expect(claimedEvidenceType('scan.PDF', 'image/png')).toBe('application/pdf');
    expect(claimedEvidenceType('scan', 'image/png; charset=x')).toBe('image/png');
    expect(claimedEvidenceType('scan.txt', 'text/plain')).toBeNull();
  });
});
