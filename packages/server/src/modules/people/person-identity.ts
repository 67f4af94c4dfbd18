import { maskResidentId, parseResidentId, type ResidentIdProblem } from '@jijiao/domain';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { AppError } from '../../platform/errors/app-error';

export const residentIdMessages: Readonly<Record<ResidentIdProblem, string>> = {
  length: '位数错误',
  format: '格式错误',
  region: '地区码无效',
  birth_date: '出生日期无效',
  check_digit: '校验位错误',
};

export interface SealedIdentity {
  idNumberCipher: string;
  idNumberHash: string;
  idNumberMasked: string;
  sex: 'male' | 'female';
  birthDate: string;
}

/**
 * Validates a resident ID and seals it for storage: ciphertext, keyed hash, mask, and the
 * sex and birth date it encodes. The plain number goes no further than this function.
 */
export function sealIdNumber(
  cipher: IdNumberCipher,
  input: string,
  today: string,
  field = 'idNumber',
): SealedIdentity {
  const parsed = parseResidentId(input, today);
  if (!parsed.ok) {
    const message = residentIdMessages[parsed.problem];
    throw new AppError('validation_failed', `${field}: ${message}`, { problem: parsed.problem }, [
      { path: field, message },
    ]);
  }
  const { number, sex, birthDate } = parsed.value;
  return {
    idNumberCipher: cipher.encrypt(number),
    idNumberHash: cipher.lookupHash(number),
    idNumberMasked: maskResidentId(number),
    sex,
    birthDate,
  };
}
