import type { Profession, TitleGrade } from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import {
  choice,
  column,
  fail,
  idNumberText,
  mobile,
  ok,
  text,
  yesNo,
  type CellInput,
  type ParseResult,
} from '../../platform/excel';
import { residentIdMessages } from './person-identity';

export const professionLabels: Readonly<Record<Profession, string>> = {
  physician: '医师',
  nurse: '护士',
  pharmacist: '药师',
  technician: '技师',
  other: '其他',
};

export const titleGradeLabels: Readonly<Record<TitleGrade, string>> = {
  junior: '初级',
  intermediate: '中级',
  associate_senior: '副高级',
  senior: '正高级',
};

/** A resident ID, normalised to 18 characters (a legacy 15-digit number is converted). */
function residentId(today: string) {
  return (cell: CellInput): ParseResult<string> => {
    const raw = idNumberText(cell);
    if (!raw.ok) return raw;
    // An exported file re-imported as it is: say why, not just 格式错误.
    if (raw.value.includes('*'))
      return fail('身份证号已打码（导出文件中的号码不完整），请填写完整号码');
    const parsed = parseResidentId(raw.value, today);
    return parsed.ok ? ok(parsed.value.number) : fail(residentIdMessages[parsed.problem]);
  };
}

/**
 * The people sheet: template, import and export share it. `today` rejects birth dates in
 * the future (the domain never reads a clock). On export 身份证号 holds the masked number.
 */
export function peopleColumns(today: string) {
  return {
    name: column({ header: '姓名', required: true, parse: text({ maxLength: 50 }), width: 12 }),
    idNumber: column({
      header: '身份证号',
      required: true,
      parse: residentId(today),
      isText: true,
      width: 22,
      note: '18 位居民身份证号（末位 X 照填）；15 位旧号可用。请保持该列为“文本”格式，否则 Excel 会丢失末尾数字。导出文件中的身份证号已打码，不能直接再导入。',
    }),
    phone: column({
      header: '手机号',
      required: false,
      parse: mobile,
      isText: true,
      width: 14,
      note: '11 位手机号；首次登录可用作用户名',
    }),
    profession: column({ header: '专业类别', required: true, ...choice(professionLabels) }),
    tcm: column({ header: '中医', required: false, ...yesNo }),
    titleGrade: column({ header: '职称级别', required: true, ...choice(titleGradeLabels) }),
    unit: column({
      header: '单位',
      required: false,
      parse: text({ maxLength: 100 }),
      width: 28,
      note: '单位全称或统一社会信用代码；不填则导入到导入时选择的单位',
    }),
  };
}

export type PeopleColumns = ReturnType<typeof peopleColumns>;
