import { Suspense, lazy, type ReactNode } from 'react';
import { Alert, Flex, Progress, Space, Spin, Tag } from 'antd';
import type { PendingCredit, Requirement, YearCredit, YearReportView } from '@jijiao/contracts';
import { Panel } from '../Panel';
import type { Translate } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';
import { requirementLabel } from './credit-tags';
import { packsText } from '../../i18n/pack-label';
import { useIsPhone } from '../use-is-phone';
import { YearCreditList, pendingRows, yearCreditRows } from './YearCreditList';
import { Paragraph, Text, Title } from '../Type';

/** While a wide screen's tables load (Spin is in the shell; Skeleton would be 3 kB more). */
const tablesLoading = (
  <Flex justify="center" style={{ padding: 24 }}>
    <Spin />
  </Flex>
);

const YearTables = lazy(async () => ({ default: (await import('./YearTables')).YearTables }));

/** Missing requirements in words, one sentence each. */
export function missingSentences(t: Translate, report: YearReportView): string[] {
  const lines = report.requirements
    .filter((r) => !r.met || r.waivedBy)
    .map((r) =>
      r.waivedBy
        ? t('year.waived', { requirement: requirementLabel(t, r.code) })
        : t('year.missing', {
            requirement: requirementLabel(t, r.code),
            shortfall: r.shortfall,
            required: r.required,
            earned: r.earned,
          }),
    );
  const stage = report.stage;
  if (stage && !stage.met && !report.requirements.some((r) => r.code === stage.code)) {
    lines.push(
      t('year.stageProgress', {
        first: stage.firstYear,
        last: stage.lastYear,
        earned: stage.earned,
        required: stage.required,
        shortfall: stage.shortfall,
      }),
    );
  }
  return lines;
}

function RequirementRing({ requirement }: { requirement: Requirement }) {
  const { t } = useT();
  const percent =
    requirement.required > 0
      ? Math.min(100, Math.round((requirement.earned / requirement.required) * 100))
      : 100;
  return (
    <Flex vertical align="center" gap={8} data-testid={`requirement-${requirement.code}`}>
      <Progress
        type="circle"
        percent={percent}
        status={requirement.met ? 'success' : 'normal'}
        format={() => <span data-testid="earned">{requirement.earned}</span>}
        size={112}
      />
      <Text strong>{requirementLabel(t, requirement.code)}</Text>
      <Text type="secondary">
        {t('year.earnedOf', { earned: requirement.earned, required: requirement.required })}
        {requirement.requiredHours !== undefined
          ? t('year.requiredHours', { hours: requirement.requiredHours })
          : ''}
      </Text>
    </Flex>
  );
}

/**
 * One person's year (the learner's home and the unit admin's view of a staff member):
 * a ring per requirement, what is missing in words, the credits counted and those pending.
 */
export function YearReport({
  report,
  extra,
  pendingAction,
  creditAction,
  notice,
}: {
  report: YearReportView;
  extra?: ReactNode;
  pendingAction?: (claim: PendingCredit) => ReactNode;
  creditAction?: (credit: YearCredit) => ReactNode;
  /** Shown above the report (an action's outcome). */
  notice?: ReactNode;
}) {
  const { t } = useT();
  const missing = missingSentences(t, report);
  const inReview = report.pending.filter((p) => p.status === 'submitted');
  const inReviewCredits = inReview.reduce((sum, p) => sum + p.credits, 0);
  // A phone: the card's own actions go in its body, and credits are cards, not tables.
  const isPhone = useIsPhone();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {notice}
      <Panel
        title={
          <Space>
            {t('year.title', { year: report.year })}
            <Tag color={report.compliant ? 'success' : 'warning'} data-testid="year-compliant">
              {report.compliant ? t('year.compliant') : t('year.notCompliant')}
            </Tag>
          </Space>
        }
        extra={isPhone ? undefined : extra}
      >
        {isPhone && extra ? <div style={{ marginBottom: 16 }}>{extra}</div> : null}
        {/* A Flex, not antd's Row/Col: the grid's styles (87 kB of CSS for 24 columns at six
            breakpoints) would be generated on the learner's phone for rings that need none. */}
        <Flex wrap gap={24} justify={isPhone ? 'center' : 'start'}>
          {report.requirements.map((r) => (
            <RequirementRing key={r.code} requirement={r} />
          ))}
        </Flex>
        <Title level={5} style={{ marginTop: 24 }}>
          {t('year.missingTitle')}
        </Title>
        <div data-testid="year-missing">
          {missing.length === 0 ? (
            <Alert type="success" showIcon title={t('year.nothingMissing')} />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {missing.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                  {report.stage?.isFinalYear && !report.stage.met && (
                    <li>{t('year.stageFinal')}</li>
                  )}
                </ul>
              }
            />
          )}
        </div>
        {inReview.length > 0 && (
          <Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('year.pendingHint', { count: inReview.length, credits: inReviewCredits })}
          </Paragraph>
        )}
        <Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('year.packs', { packs: packsText(t, report.packs) })}
          {report.certificateHours
            ? ` · ${t('year.certificateHours', { hours: report.certificateHours })}`
            : ''}
        </Paragraph>
      </Panel>
      <Panel title={t('year.creditsTitle')}>
        {isPhone ? (
          <YearCreditList
            testId="year-credits"
            empty={t('year.noCredits')}
            rows={yearCreditRows(report.credits, creditAction)}
          />
        ) : (
          <Suspense fallback={tablesLoading}>
            <YearTables
              which="credits"
              credits={report.credits}
              pending={report.pending}
              creditAction={creditAction}
            />
          </Suspense>
        )}
      </Panel>
      <Panel title={t('year.pendingTitle')}>
        {isPhone ? (
          <YearCreditList
            testId="year-pending"
            empty={t('year.noPending')}
            rows={pendingRows(report.pending, pendingAction)}
          />
        ) : (
          <Suspense fallback={tablesLoading}>
            <YearTables
              which="pending"
              credits={report.credits}
              pending={report.pending}
              pendingAction={pendingAction}
            />
          </Suspense>
        )}
      </Panel>
    </Space>
  );
}
