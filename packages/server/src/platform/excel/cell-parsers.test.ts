import { describe, expect, it } from 'vitest';
import {
  choice,
  date,
  decimal,
  idNumberText,
  lostDigitsMessage,
  mobile,
  text,
  yesNo,
} from './cell-parsers';
import { normaliseCell } from './cell-value';
import type { CellInput } from './column-spec';

describe('normaliseCell', () => {
  it.each<[string, unknown, CellInput | undefined]>([
    ['trims text', '  张三 ', '张三'],
    ['blank text is empty', '   ', undefined],
    ['null is empty', null, undefined],
    ['keeps numbers', 42, 42],
    ['joins rich text', { richText: [{ text: '张' }, { text: '三 ' }] }, '张三'],
    ['reads a formula by its result', { formula: 'A1&B1', result: '李四' }, '李四'],
    ['a formula without a cached result is empty', { formula: 'A1' }, undefined],
    ['reads a hyperlink by its text', { text: '王五', hyperlink: 'mailto:x@example.cn' }, '王五'],
    ['an error cell is its code', { error: '#N/A' }, '#N/A'],
  ])('%s', (_label, value, expected) => {
    expect(normaliseCell(value)).toEqual(expected);
  });
});

describe('idNumberText', () => {
  it.each<[string, CellInput, { ok: true; value: string } | { ok: false; message: string }]>([
    [
      'keeps text, upper-casing the X',
      '11010519491231002x',
      { ok: true, value: '11010519491231002X' },
    ],
    ['drops spaces inside', '110105 19491231 002X', { ok: true, value: '11010519491231002X' }],
    [
      'reads a 15-digit legacy number exactly',
      110105491231002,
      { ok: true, value: '110105491231002' },
    ],
    [
      'an 18-digit number has lost digits',
      110105194912310020,
      { ok: false, message: lostDigitsMessage },
    ],
    ['so has a 16-digit one', 1101051949123100, { ok: false, message: lostDigitsMessage }],
    ['scientific text has lost digits', '1.10105E+17', { ok: false, message: lostDigitsMessage }],
    ['a fraction is malformed', 1101.5, { ok: false, message: '格式错误' }],
    ['a date is malformed', new Date('2026-01-01'), { ok: false, message: '格式错误' }],
  ])('%s', (_label, cell, expected) => {
    expect(idNumberText(cell)).toEqual(expected);
  });
});

describe('date', () => {
  it.each<[CellInput, string | null]>([
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    [46082, '2026-03-01'],
    [46082.75, '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['20260301', '2026-03-01'],
    ['2026-02-30', null],
    ['下周一', null],
    [0, null],
    [true, null],
  ])('%s → %s', (cell, expected) => {
    const result = date(cell);
    expect(result).toEqual(
      expected === null
        ? { ok: false, message: '不是有效日期（应如 2026-03-01）' }
        : { ok: true, value: expected },
    );
  });
});

describe('decimal, text, mobile, choice, yesNo', () => {
  const credits = decimal({ min: 0, max: 100, decimals: 1 });

  it('reads numbers and digits typed as text, within bounds and decimals', () => {
    expect(credits(2.5)).toEqual({ ok: true, value: 2.5 });
    expect(credits('3')).toEqual({ ok: true, value: 3 });
    expect(credits(0.1 + 0.2)).toEqual({ ok: true, value: 0.3 });
    expect(credits(0.35)).toEqual({ ok: false, message: '最多 1 位小数' });
    expect(credits(101)).toEqual({ ok: false, message: '应在 0 到 100 之间' });
    expect(credits('三')).toEqual({ ok: false, message: '应为数字' });
  });

  it('limits text and turns numbers into text', () => {
    expect(text({ maxLength: 3 })('张三丰')).toEqual({ ok: true, value: '张三丰' });
    expect(text({ maxLength: 3 })('欧阳三丰')).toEqual({ ok: false, message: '不能超过 3 个字' });
    expect(text({ maxLength: 10 })(2026)).toEqual({ ok: true, value: '2026' });
  });

  it('accepts an 11-digit mobile typed as text or number', () => {
    expect(mobile(13800138000)).toEqual({ ok: true, value: '13800138000' });
    expect(mobile('138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
    expect(mobile('010-12345678')).toEqual({ ok: false, message: '应为 11 位手机号' });
  });

  it('maps labels to codes and back', () => {
    const grade = choice({ junior: '初级', senior: '正高级' });
    expect(grade.parse('正高级')).toEqual({ ok: true, value: 'senior' });
    expect(grade.parse('高级')).toEqual({ ok: false, message: '应为初级、正高级之一' });
    expect(grade.format('junior')).toBe('初级');
    expect(yesNo.parse('是')).toEqual({ ok: true, value: true });
    expect(yesNo.parse(false)).toEqual({ ok: true, value: false });
    expect(yesNo.parse('Y')).toEqual({ ok: false, message: '应为“是”或“否”' });
  });
});
