import type { ActivityType } from '@jijiao/contracts';
import type { PolicyRules, ProjectRule, RateRule, ResidencyRule, YearCap } from '@jijiao/domain';
import type { Translate } from '../../i18n/use-t';
import { isCodeOf, labelOf } from '../../i18n/vocabulary';

/** One rule in words, with the id of the source it comes from. */
export interface RuleLine {
  text: string;
  source?: string | undefined;
}
export type RuleSection =
  | 'requirements'
  | 'valuation'
  | 'yearCaps'
  | 'recognition'
  | 'crossYear'
  | 'fullYear'
  | 'stage'
  | 'certificate'
  | 'entryYear'
  | 'evidence'
  | 'filedProjects';

/** Overlay packs are patches: any part of the rules may be missing. */
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;
export type PackRules = DeepPartial<PolicyRules>;
type Valuation = DeepPartial<PolicyRules['valuation']>;

type Unit = 'hours' | 'words' | 'characters' | 'times' | 'months';
const rateUnit: Partial<Record<ActivityType, Unit>> = {
  book: 'words',
  survey_report: 'words',
  written_review: 'words',
  translation: 'characters',
  further_study: 'months',
  degree_study: 'months',
  aid_post: 'months',
  unit_lecture: 'times',
  case_discussion: 'times',
};

/** A number a patch may leave out. */
const num = (value: number | undefined): string | number => value ?? '—';
const typeName = (t: Translate, type: string) => labelOf(t, 'activityType', type);
const list = (t: Translate, items: readonly string[]) => items.join(t('policyRules.listSeparator'));
const inClass = (t: Translate, creditClass: string | null | undefined) =>
  creditClass ? t('policyRules.inClass', { class: creditClass }) : '';

function rateText(t: Translate, type: ActivityType, rule: DeepPartial<RateRule>): string {
  const unit = t(`policyRules.unit.${rateUnit[type] ?? 'hours'}`);
  return (
    t('policyRules.rate', { per: num(rule.per), unit, credits: num(rule.credits) }) +
    (rule.whole === true ? t('policyRules.whole') : '') +
    inClass(t, rule.class)
  );
}

function projectRuleText(t: Translate, rule: DeepPartial<ProjectRule>): string {
  const values = { per: num(rule.per), credits: num(rule.credits) };
  const basis = rule.basis === undefined ? '—' : t(`policyRules.basis.${rule.basis}`, values);
  const cap =
    rule.perProjectCap === undefined
      ? ''
      : t('policyRules.perProjectCap', { cap: rule.perProjectCap });
  return basis + cap + inClass(t, rule.class);
}

function projectLines(t: Translate, valuation: Valuation): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const [level, roles] of Object.entries(valuation.project ?? {})) {
    for (const [role, rule] of Object.entries(roles)) {
      const roleName =
        role === 'remote' ? t('policyRules.remote') : labelOf(t, 'projectRole', role);
      const text = t('policyRules.projectLine', {
        level: labelOf(t, 'projectLevel', level),
        role: roleName,
        rule: projectRuleText(t, rule),
      });
      lines.push({ text, source: rule.source });
    }
  }
  return lines;
}

function tableLines(t: Translate, valuation: Valuation): RuleLine[] {
  const tables = [
    { type: 'paper', rule: valuation.paper, categories: 'journalKind' },
    { type: 'research', rule: valuation.research, categories: 'researchLevel' },
  ] as const;
  return tables.flatMap(({ type, rule, categories }) =>
    Object.entries(rule?.table ?? {}).flatMap(([category, ranks]: [string, unknown]) =>
      Array.isArray(ranks)
        ? [
            {
              text: `${typeName(t, type)} · ${t('policyRules.table', {
                category: labelOf(t, categories, category),
                credits: ranks.join(' / '),
              })}${inClass(t, rule?.class)}`,
              source: rule?.source,
            },
          ]
        : [],
    ),
  );
}

function rateLines(t: Translate, valuation: Valuation): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const [type, rule] of Object.entries(valuation)) {
    if (
      !isCodeOf('activityType', type) ||
      ['project', 'paper', 'research', 'residency'].includes(type)
    )
      continue;
    if (typeof rule !== 'object') continue;
    if ('per' in rule || 'credits' in rule) {
      const rate = rule;
      lines.push({
        text: t('policyRules.typeRule', { type: typeName(t, type), rule: rateText(t, type, rate) }),
        source: rate.source,
      });
      continue;
    }
    // Lectures and case discussions: a rate per role.
    for (const [role, session] of Object.entries(rule as Record<string, DeepPartial<RateRule>>)) {
      const line = t('policyRules.sessionLine', {
        role: labelOf(t, 'sessionRole', role),
        rule: rateText(t, type, session),
      });
      lines.push({ text: `${typeName(t, type)} · ${line}`, source: session.source });
    }
  }
  return lines;
}

/** A residency year with its assessment passed: the year met, or so many credits. */
function residencyLines(t: Translate, valuation: Valuation): RuleLine[] {
  const rule: DeepPartial<ResidencyRule> | undefined = valuation.residency;
  if (rule?.basis === undefined) return [];
  const worth =
    rule.basis === 'satisfies_year'
      ? t('noticeRules.residencySatisfiesYear')
      : t('noticeRules.residencyCredits', { credits: num(rule.credits) }) + inClass(t, rule.class);
  const text = t('policyRules.typeRule', { type: typeName(t, 'residency'), rule: worth });
  return [{ text, source: rule.source }];
}

/** A cap member's words: its type, narrowed to a project level, remote attendance, a role. */
function memberName(t: Translate, m: YearCap['members'][number]): string {
  let type = typeName(t, m.type);
  if (m.level !== undefined) type = labelOf(t, 'projectLevel', m.level) + type;
  if (m.remote !== undefined)
    type += t(m.remote ? 'noticeRules.remoteOnly' : 'noticeRules.onSiteOnly');
  return m.role === undefined
    ? type
    : t('policyRules.memberWithRole', {
        type,
        role: labelOf(t, m.role === 'attendee' ? 'projectRole' : 'sessionRole', m.role),
      });
}

function capLine(t: Translate, cap: DeepPartial<YearCap>): RuleLine {
  const members = (cap.members ?? []).map((m) => memberName(t, m));
  return {
    text: t('policyRules.yearCap', { members: list(t, members), credits: num(cap.credits) }),
    source: cap.source,
  };
}

function requirementLines(t: Translate, rules: PackRules): RuleLine[] {
  const lines: RuleLine[] = [];
  if (rules.classes !== undefined) {
    const classes = rules.classes.map((c) => t('policyRules.classLabel', { class: c }));
    lines.push({
      text:
        classes.length === 0
          ? t('policyRules.noClasses')
          : t('policyRules.classes', { classes: list(t, classes) }),
    });
  }
  const annual = rules.requirements?.annualTotal;
  if (annual !== undefined) {
    const hours =
      annual.hours === undefined ? '' : t('policyRules.annualHours', { hours: annual.hours });
    lines.push({
      text: t('policyRules.annualTotal', { credits: num(annual.credits) }) + hours,
      source: annual.source,
    });
  }
  for (const [creditClass, minimum] of Object.entries(rules.requirements?.classMinimums ?? {}))
    lines.push({
      text: t('policyRules.classMinimum', { class: creditClass, credits: num(minimum.credits) }),
      source: minimum.source,
    });
  return lines;
}

/** The sections after the valuation: each a single rule when the pack sets it. */
function otherSections(t: Translate, rules: PackRules): [RuleSection, RuleLine[]][] {
  const sections: [RuleSection, RuleLine[]][] = [];
  const { recognition, crossYearByCertificate: crossYear, fullYear, stage, certificate } = rules;
  const levels = recognition?.outOfProvinceProjectLevels;
  if (levels !== undefined) {
    const text =
      levels.length === 0
        ? t('policyRules.recognitionNone')
        : t('policyRules.recognition', {
            levels: list(
              t,
              levels.map((l) => labelOf(t, 'projectLevel', l)),
            ),
          });
    sections.push(['recognition', [{ text, source: recognition?.source }]]);
  }
  if (crossYear?.types !== undefined) {
    const types = list(
      t,
      crossYear.types.map((type) => typeName(t, type)),
    );
    sections.push([
      'crossYear',
      [{ text: t('policyRules.crossYear', { types }), source: crossYear.source }],
    ]);
  }
  if (fullYear?.types !== undefined) {
    const types = list(
      t,
      fullYear.types.map((type) => typeName(t, type)),
    );
    const text = t('policyRules.fullYear', { types, months: num(fullYear.months) });
    sections.push(['fullYear', [{ text, source: fullYear.source }]]);
  }
  if (stage?.unitLevels !== undefined && stage.projectLevel !== undefined) {
    const text = t('policyRules.stage', {
      unitLevels: list(
        t,
        stage.unitLevels.map((l) => labelOf(t, 'unitLevel', l)),
      ),
      firstYear: num(stage.firstYear),
      years: num(stage.years),
      projectLevel: labelOf(t, 'projectLevel', stage.projectLevel),
      credits: num(stage.credits),
    });
    sections.push(['stage', [{ text, source: stage.source }]]);
  }
  if (certificate?.hours !== undefined) {
    const text = t('policyRules.certificate', { hours: certificate.hours });
    sections.push(['certificate', [{ text, source: certificate.source }]]);
  }
  if (rules.entryYear?.source !== undefined) {
    const text = t('noticeRules.entryYear');
    sections.push(['entryYear', [{ text, source: rules.entryYear.source }]]);
  }
  return [...sections, ...evidenceSections(t, rules)];
}

/** The documents each type asks for (types asking none left out) and the filed-project check. */
function evidenceSections(t: Translate, rules: PackRules): [RuleSection, RuleLine[]][] {
  const sections: [RuleSection, RuleLine[]][] = [];
  const documents = Object.entries(rules.evidence ?? {}).flatMap(([type, rule]) =>
    rule.documents !== undefined && rule.documents.length > 0
      ? [
          {
            text: t('evidenceDocuments.rules.documents', {
              type: typeName(t, type),
              documents: list(
                t,
                rule.documents.map((kind) => labelOf(t, 'evidenceDocumentKind', kind)),
              ),
            }),
            source: rule.source,
          },
        ]
      : [],
  );
  if (documents.length > 0) sections.push(['evidence', documents]);
  const filed = rules.filedProjects;
  if (filed?.levels !== undefined) {
    const levels = list(
      t,
      filed.levels.map((l) => labelOf(t, 'projectLevel', l)),
    );
    const text = t('evidenceDocuments.rules.filedProjects', { levels });
    sections.push(['filedProjects', [{ text, source: filed.source }]]);
  }
  return sections;
}

/**
 * A pack's rules in words, section by section, each line with its source: what the 规则
 * page shows instead of the parameters' JSON. Overlay packs list only what they change.
 */
export function ruleSections(t: Translate, rules: PackRules): [RuleSection, RuleLine[]][] {
  const valuation = rules.valuation ?? {};
  const sections: [RuleSection, RuleLine[]][] = [
    ['requirements', requirementLines(t, rules)],
    [
      'valuation',
      [
        ...projectLines(t, valuation),
        ...tableLines(t, valuation),
        ...rateLines(t, valuation),
        ...residencyLines(t, valuation),
      ],
    ],
    [
      'yearCaps',
      Object.values(rules.yearCaps ?? {}).flatMap((cap) => (cap ? [capLine(t, cap)] : [])),
    ],
    ...otherSections(t, rules),
  ];
  return sections.filter(([, lines]) => lines.length > 0);
}
