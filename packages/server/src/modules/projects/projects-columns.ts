import type { ProjectLevel } from '@jijiao/contracts';
import { choice, column, date, decimal, text, yesNo } from '../../platform/excel';

export const projectLevelLabels: Readonly<Record<ProjectLevel, string>> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  unit: '院级',
};

const credits = decimal({ min: 0, max: 100, decimals: 1 });

/** The projects sheet: template, import and export share it. */
export function projectColumns() {
  return {
    number: column({
      header: '项目编号',
      required: true,
      parse: text({ maxLength: 40 }),
      isText: true,
      width: 24,
      note: '如 2021-04-08-186（国）；括号内的级别标记须与“级别”一致',
    }),
    name: column({
      header: '项目名称',
      required: true,
      parse: text({ minLength: 2, maxLength: 200 }),
      width: 36,
    }),
    level: column({ header: '级别', required: true, ...choice(projectLevelLabels) }),
    host: column({
      header: '举办单位',
      required: false,
      parse: text({ maxLength: 100 }),
      width: 28,
      note: '举办单位全称（单位也可填统一社会信用代码）；不填则为导入时选择的举办单位',
    }),
    startDate: column({
      header: '开始日期',
      required: true,
      parse: date,
      width: 12,
      note: '如 2026-03-01',
    }),
    endDate: column({ header: '结束日期', required: true, parse: date, width: 12 }),
    place: column({
      header: '举办地点',
      required: true,
      parse: text({ maxLength: 200 }),
      width: 24,
    }),
    hours: column({
      header: '学时',
      required: true,
      parse: decimal({ min: 0.1, max: 2000, decimals: 1 }),
      note: '最多 1 位小数',
    }),
    attendeeCredits: column({
      header: '授予学员学分',
      required: true,
      parse: credits,
      note: '0 到 100，最多 1 位小数',
    }),
    speakerCredits: column({
      header: '授予讲者学分',
      required: true,
      parse: credits,
      note: '0 到 100，最多 1 位小数',
    }),
    tcm: column({ header: '中医', required: false, ...yesNo }),
    remote: column({ header: '远程', required: false, ...yesNo }),
  };
}

export type ProjectColumns = ReturnType<typeof projectColumns>;
