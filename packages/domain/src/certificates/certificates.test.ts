import { buildAchievement, buildIssuerProfile, issuerProfileUrl } from './open-badge';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase58, encodeBase58 } from './base58';
import { canonicalJson } from './canonical-json';
import { canonicaliseCertificate, type CertificateFacts } from './certificate-payload';
import {
  certificateCheckChar,
  formatCertificateSerial,
  parseCertificateSerial,
  serialRandomPart,
} from './certificate-serial';
import { maskPersonName } from './mask-name';

const facts: CertificateFacts = {
  serial: '430000-2024-7K3M9-QXPW2',
  year: 2024,
  holderName: '张三',
  holderIdNumberMasked: '4301**********1234',
  unitName: '湖南省人民医院',
  provinceCode: '430000',
  issuerName: '湖南省继续医学教育委员会办公室',
  issuedOn: '2025-03-31',
  totalCredits: 26.5,
  classCredits: { I: 10, II: 16.5 },
  hoursEquivalent: 60,
  packs: [
    { id: 'national-2006', version: '1.0.0' },
    { id: 'hunan', version: '1.0.0' },
  ],
};

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { d: 2.5, c: -0 }, 中: '文' }, '{"z":{"c":0,"d":2.5},"中":"文"}'],
    [{ a: undefined, b: 'q"' }, '{"b":"q\\""}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/finite/);
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });
});

describe('certificate serials', () => {
  it('formats province, year, random part and a check character', () => {
    const serial = formatCertificateSerial({
      provinceCode: '430000',
      year: 2024,
      random: '7K3M9QXPW',
    });
    expect(serial).toMatch(/^430000-2024-7K3M9-QXPW[0-9A-HJKMNP-TV-Z]$/);
    expect(parseCertificateSerial(serial)?.serial).toBe(serial);
  });

  it('reads what a person types: lower case, spaces, O for 0, I and L for 1', () => {
    const serial = formatCertificateSerial({
      provinceCode: '990000',
      year: 2025,
      random: '01ABCDEFG',
    });
    const typed = serial.toLowerCase().replace('-01', ' o1').replace(/-/g, ' ');
    expect(parseCertificateSerial(typed)?.serial).toBe(serial);
  });

  it('catches every single wrong character', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 9, maxLength: 9 }),
        fc.nat(19),
        fc.nat(31),
        (bytes, position, replacement) => {
          const serial = formatCertificateSerial({
            provinceCode: '430000',
            year: 2024,
            random: serialRandomPart(bytes),
          });
          const compact = serial.replace(/-/g, '');
          const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
          const char = alphabet.charAt(replacement);
          fc.pre(compact.charAt(position) !== char);
          const wrong = compact.slice(0, position) + char + compact.slice(position + 1);
          expect(parseCertificateSerial(wrong)).toBeNull();
        },
      ),
    );
  });

  it('rejects malformed input', () => {
    expect(parseCertificateSerial('')).toBeNull();
    expect(parseCertificateSerial('430000-2024-7K3M9')).toBeNull();
    expect(parseCertificateSerial('../../etc/passwd')).toBeNull();
    expect(certificateCheckChar('4300002024')).toMatch(/^[0-9A-Z]$/);
  });
});

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张*丰'],
    ['欧阳小明', '欧**明'],
    ['李', '李'],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('canonicaliseCertificate', () => {
  it('is stable and changes with every printed fact', () => {
    const base = canonicaliseCertificate(facts);
    expect(base).toBe(canonicaliseCertificate({ ...facts, packs: [...facts.packs] }));
    expect(base).toContain('"format":"jijiao-certificate/1"');
    for (const change of [
      { holderName: '张四' },
      { totalCredits: 27 },
      { classCredits: { I: 10, II: 16 } },
      { unitName: '别的医院' },
      { issuedOn: '2025-04-01' },
      { hoursEquivalent: null },
      { packs: [{ id: 'hunan', version: '1.0.1' }] },
    ]) {
      expect(canonicaliseCertificate({ ...facts, ...change })).not.toBe(base);
    }
  });
});

describe('base58', () => {
  it('round-trips, keeping leading zero bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        expect(decodeBase58(encodeBase58(bytes))).toEqual(bytes);
      }),
    );
    expect(encodeBase58(Uint8Array.from('hello world', (c) => c.charCodeAt(0)))).toBe(
      'StV1DL6CwTryKyV',
    );
  });
});

describe('the Open Badges issuer profile and achievement', () => {
  const base = 'https://cme.example.gov.cn';
  it('are the documents a credential’s issuer.id and achievement.id name', () => {
    const profile = buildIssuerProfile({
      publicBaseUrl: base,
      provinceCode: '430000',
      issuerName: '湖南省继续医学教育委员会办公室',
    });
    expect(profile).toMatchObject({
      id: issuerProfileUrl(base, '430000'),
      type: ['Profile'],
      name: '湖南省继续医学教育委员会办公室',
      url: base,
    });
    const achievement = buildAchievement({
      publicBaseUrl: base,
      provinceCode: '430000',
      issuerName: '湖南省继续医学教育委员会办公室',
      year: 2025,
    });
    expect(achievement).toMatchObject({
      id: `${base}/api/v1/certificates/achievements/430000/2025`,
      type: ['Achievement'],
      achievementType: 'Certificate',
      creator: { id: `${base}/api/v1/certificates/issuers/430000` },
    });
    expect(JSON.stringify(achievement)).toContain('2025');
  });
});
