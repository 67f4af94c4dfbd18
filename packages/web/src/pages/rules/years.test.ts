import { describe, expect, it } from 'vitest';
import { yearsText } from './years';

const t = (key: string, values?: Record<string, number>) => `${key}${JSON.stringify(values ?? {})}`;

describe('yearsText', () => {
  it.each([
    [{}, 'rules.yearsAll{}'],
    [{ from: 2025 }, 'rules.yearsFrom{"from":2025}'],
    [{ to: 2024 }, 'rules.yearsTo{"to":2024}'],
    [{ from: 2006, to: 2024 }, 'rules.yearsRange{"from":2006,"to":2024}'],
  ])('%j → %s', (years, expected) => {
    expect(yearsText(years, t)).toBe(expected);
  });
});
