/**
 * What an annual certificate (专业科目培训合格证明) says, as signed. Everything printed on
 * the certificate is in the payload; revocation is not (it is a later fact about it).
 */
import { canonicalJson } from './canonical-json';

export const certificateFormat = 'jijiao-certificate/1';

export interface CertificateFacts {
  serial: string;
  year: number;
  holderName: string;
  holderIdNumberMasked: string;
  unitName: string;
  provinceCode: string;
  issuerName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  totalCredits: number;
  /** Credits per class where the rules have classes ({} from 2025). */
  classCredits: Readonly<Partial<Record<'I' | 'II', number>>>;
  /** Training hours the certificate counts for (Hunan: 60), null where the rules set none. */
  hoursEquivalent: number | null;
  /** The policy packs that decided, most general first. */
  packs: readonly { readonly id: string; readonly version: string }[];
}

/** The bytes that are signed: canonical JSON of the facts under a format tag. */
export function canonicaliseCertificate(facts: CertificateFacts): string {
  return canonicalJson({
    format: certificateFormat,
    serial: facts.serial,
    year: facts.year,
    holder: { name: facts.holderName, idNumberMasked: facts.holderIdNumberMasked },
    unit: facts.unitName,
    provinceCode: facts.provinceCode,
    issuer: facts.issuerName,
    issuedOn: facts.issuedOn,
    credits: {
      total: facts.totalCredits,
      byClass: { I: facts.classCredits.I, II: facts.classCredits.II },
    },
    hoursEquivalent: facts.hoursEquivalent,
    packs: facts.packs.map((p) => ({ id: p.id, version: p.version })),
  });
}
