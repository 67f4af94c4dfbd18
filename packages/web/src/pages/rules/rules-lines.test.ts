import { describe, expect, it } from 'vitest';
import { defaultPolicyPacks } from '@jijiao/domain';
import { lookupMessage } from '../../i18n/message-key';
import { zhCN } from '../../i18n/zh-CN';
import { ruleSections } from './rules-lines';

const t = (key: string, values: Record<string, string | number> = {}) =>
  (lookupMessage(zhCN, key) ?? `«${key}»`).replace(/{{(\w+)}}/g, (_m, name: string) =>
    String(values[name] ?? `«${name}»`),
  );

const linesOf = (id: string) => {
  const pack = defaultPolicyPacks.find((p) => p.id === id);
  if (!pack) throw new Error(id);
  return ruleSections(t, pack.rules).flatMap(([, lines]) => lines);
};

describe("a pack's rules in words", () => {
  it.each(defaultPolicyPacks.map((p) => p.id))('%s: every line is words, with its source', (id) => {
    const lines = linesOf(id);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.text).not.toMatch(/«|—|\b[a-z]+_[a-z]|\b[a-z]{3,}\b|[{}[\]"]/);
      if (line.source !== undefined) expect(line.source).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('reads the 2006 measures', () => {
    const texts = linesOf('national-2006').map((l) => l.text);
    expect(texts).toContain('学分类别：I类、II类');
    expect(texts).toContain('年度总学分不少于 25 学分');
    expect(texts).toContain(
      '国家级项目 · 学员：按证书学分计，证书未注明时每 3 学时 1 学分，单个项目最多 10 学分（I类）',
    );
    expect(texts).toContain('论文 · 国外期刊：按排名依次 10 / 9 / 8 学分（II类）');
    expect(texts).toContain('著作：每 1000 字 1 学分（只计整数倍）（II类）');
    expect(texts).toContain('单位学术讲座（参加人） 合计每年最多 5 学分');
    expect(texts).toContain(
      '省级单位人员自 2006 年起每 5 年为一个周期，周期内国家级项目学分不少于 10 学分',
    );
  });

  it('reads an overlay: only what it changes', () => {
    expect(linesOf('sichuan').map((l) => l.text)).toEqual([
      '外省举办的项目予以认可的级别：国家级',
      '跨年度的进修按证书日期计入年度',
      '省级项目须在备案项目中查到（按编号，或按名称和举办日期），并按备案的学时和学分计',
    ]);
  });

  it('reads the documents each activity type asks for, leaving out those asking none', () => {
    const pack = defaultPolicyPacks.find((p) => p.id === 'national-2024');
    const sections = new Map(ruleSections(t, pack?.rules ?? {}));
    const evidence = (sections.get('evidence') ?? []).map((l) => l.text);
    expect(evidence).toContain('对口支援：派出文件、接收单位考核/鉴定意见');
    expect(evidence).toContain('进修：结业证书');
    expect(evidence.filter((text) => text.startsWith('有计划的自学'))).toEqual([]);
    expect(sections.has('filedProjects')).toBe(false);
  });
});
