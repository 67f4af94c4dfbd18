import { useState } from 'react';
import { Flex, Typography } from 'antd';
import { downloadCreditsTemplate, startCreditsImport } from '../../../api';
import { ImportWorkflow } from '../../../components/import/ImportWorkflow';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { PageHeader } from '../../../components/PageHeader';

/** 导入学分: a unit admin imports their staff's credits; they go into the unit's review chain. */
export function CreditsImportPage() {
  const { t } = useT();
  const { grant } = useSession();
  const atUnit = grant.orgKind === 'unit';
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const targetUnit = atUnit ? grant.orgId : unitId;

  return (
    <>
      {/* The workflow shows the title; the header adds where it sits. */}
      <PageHeader titleBelow />
      <ImportWorkflow
        title={t('imports.creditsTitle')}
        backTo="/"
        fetchTemplate={downloadCreditsTemplate}
        startJob={(file, dryRun) => {
          if (targetUnit === undefined) throw new Error('no unit');
          return startCreditsImport(targetUnit, file, file.name, { dryRun });
        }}
        ready={targetUnit !== undefined}
        settingsKey={targetUnit ?? ''}
        settings={
          <Flex vertical gap={4} align="flex-start">
            <Typography.Text strong>{t('imports.unit')}</Typography.Text>
            {atUnit ? (
              <Typography.Text data-testid="import-unit">{grant.orgName}</Typography.Text>
            ) : (
              <OrgTreeSelect
                aria-label={t('imports.unit')}
                placeholder={t('imports.creditsUnitPlaceholder')}
                selectableKinds={['unit']}
                value={unitId}
                onChange={setUnitId}
                style={{ width: 360 }}
              />
            )}
            <Typography.Text type="secondary">{t('imports.creditsHint')}</Typography.Text>
          </Flex>
        }
      />
    </>
  );
}
