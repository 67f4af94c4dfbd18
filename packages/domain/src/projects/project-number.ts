/**
 * CME project numbers (项目编号) as the registries print them: year-discipline-
 * subdiscipline-serial, then the level mark in full- or half-width brackets, e.g.
 * `2021-04-08-186（国）`. The mark must agree with the project's level.
 */
export type ProjectLevelCode = 'national' | 'provincial' | 'municipal' | 'unit';

const marks: Readonly<Record<string, ProjectLevelCode>> = {
  国: 'national',
  省: 'provincial',
  市: 'municipal',
  院: 'unit',
};
export const levelMarks: Readonly<Record<ProjectLevelCode, string>> = {
  national: '国',
  provincial: '省',
  municipal: '市',
  unit: '院',
};

export interface ProjectNumber {
  /** Normalised: full-width brackets, no spaces. */
  number: string;
  year: number;
  discipline: string;
  subdiscipline: string;
  serial: number;
  level: ProjectLevelCode;
}

export type ProjectNumberProblem = 'format' | 'year' | 'level_mark_mismatch';
export type ProjectNumberResult =
  { ok: true; value: ProjectNumber } | { ok: false; problem: ProjectNumberProblem };

const pattern = /^(\d{4})-(\d{2})-(\d{2})-(\d{1,4})[（(]([国省市院])[）)]$/;

export function parseProjectNumber(
  input: string,
  expectedLevel?: ProjectLevelCode,
): ProjectNumberResult {
  const match = pattern.exec(input.replace(/\s+/g, ''));
  if (!match) return { ok: false, problem: 'format' };
  const [, yearText = '', discipline = '', subdiscipline = '', serialText = '', mark = ''] = match;
  const year = Number(yearText);
  if (year < 1990 || year > 2100) return { ok: false, problem: 'year' };
  const level = marks[mark];
  if (!level || discipline === '00') return { ok: false, problem: 'format' };
  if (expectedLevel !== undefined && level !== expectedLevel)
    return { ok: false, problem: 'level_mark_mismatch' };
  const serial = Number(serialText);
  if (serial < 1) return { ok: false, problem: 'format' };
  return {
    ok: true,
    value: {
      number: `${yearText}-${discipline}-${subdiscipline}-${serialText}（${mark}）`,
      year,
      discipline,
      subdiscipline,
      serial,
      level,
    },
  };
}
