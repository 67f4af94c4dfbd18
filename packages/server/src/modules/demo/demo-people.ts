import { residentIdCheckChar } from '@jijiao/domain';

/** A small deterministic PRNG (mulberry32): the same seed gives the same province. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenChars =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯婷雪琳晨欣怡佳颖思源子涵梓轩雨泽晓峰志毅海燕春梅立新振宁俊嘉';
/** Birthplace regions of demo ID numbers: real GB/T 2260 codes so the IDs validate. */
const birthRegions = [
  '430102',
  '430104',
  '110105',
  '420102',
  '440106',
  '510104',
  '320102',
  '330106',
  '370102',
  '410105',
];

export const professions = ['physician', 'nurse', 'pharmacist', 'technician', 'other'] as const;
export const titleGrades = ['junior', 'intermediate', 'associate_senior', 'senior'] as const;

export interface DemoPerson {
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  /** Fictitious (example.cn, reserved for documentation): the demo shows email notifications. */
  email: string;
  profession: (typeof professions)[number];
  titleGrade: (typeof titleGrades)[number];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `count` fictitious health professionals with valid, distinct resident ID numbers. */
export function generateDemoPeople(count: number, random: () => number): DemoPerson[] {
  const seen = new Set<string>();
  const result: DemoPerson[] = [];
  while (result.length < count) {
    const year = 1965 + Math.floor(random() * 36);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const sequence = Math.floor(random() * 1000);
    const first17 = `${pick(random, birthRegions)}${year}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`;
    const idNumber = first17 + residentIdCheckChar(first17);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    const given =
      pick(random, Array.from(givenChars)) +
      (random() < 0.7 ? pick(random, Array.from(givenChars)) : '');
    const age = 2026 - year;
    result.push({
      name: pick(random, Array.from(surnames)) + given,
      idNumber,
      sex: sequence % 2 === 1 ? 'male' : 'female',
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      phone: `1${pick(random, ['3', '5', '7', '8', '9'])}${pad(Math.floor(random() * 1e9), 9)}`,
      // From the position, not the random stream: the rest of the demo stays as it was.
      email: `staff${pad(result.length + 1, 5)}@example.cn`,
      profession: weighted(random, [
        ['physician', 45],
        ['nurse', 35],
        ['pharmacist', 8],
        ['technician', 10],
        ['other', 2],
      ] as const),
      titleGrade: weighted(random, [
        ['junior', age < 32 ? 8 : 3],
        ['intermediate', 4],
        ['associate_senior', age > 38 ? 3 : 0.5],
        ['senior', age > 45 ? 2 : 0.1],
      ] as const),
    });
  }
  return result;
}
