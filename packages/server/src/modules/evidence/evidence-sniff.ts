import type { EvidenceContentType } from '@jijiao/contracts';

const signatures: readonly { type: EvidenceContentType; bytes: readonly number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** What the bytes are (JPEG, PNG or PDF by their magic numbers), whatever the name says; null otherwise. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceContentType | null {
  const match = signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return match?.type ?? null;
}

const byExtension: Readonly<Record<string, EvidenceContentType>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** The type the file name or the declared content type claims, when it names one we know. */
export function claimedEvidenceType(
  fileName: string,
  declared: string | undefined,
): EvidenceContentType | null {
  const extension = fileName.toLowerCase().split('.').at(-1) ?? '';
  const fromName = byExtension[extension];
  if (fromName) return fromName;
  const normalised = declared?.toLowerCase().split(';')[0]?.trim();
  return Object.values(byExtension).find((t) => t === normalised) ?? null;
}
