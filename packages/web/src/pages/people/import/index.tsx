import { useState } from 'react';
import { Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { downloadPeopleTemplate, startPeopleImport } from '../../../api';
import { ImportWorkflow } from '../../../components/import/ImportWorkflow';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { PageHeader } from '../../../components/PageHeader';

/** 导入人员: a unit admin imports into their unit; higher roles may pick the unit. */
export function PeopleImportPage() {
  const { t } = useT();
  const { grant } = useSession();
  const queryClient = useQueryClient();
  const atUnit = grant.orgKind === 'unit';
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const targetUnit = atUnit ? grant.orgId : unitId;

  return (
    <>
      {/* The workflow shows the title; the header adds where it sits. */}
      <PageHeader titleBelow />
      <ImportWorkflow
        title={t('imports.peopleTitle')}
        backTo="/people"
        fetchTemplate={downloadPeopleTemplate}
        startJob={(file, dryRun) =>
          startPeopleImport(file, file.name, { dryRun, unitId: targetUnit })
        }
        settingsKey={targetUnit ?? ''}
        settings={
          <Flex vertical gap={4} align="flex-start">
            <Typography.Text strong>{t('imports.unit')}</Typography.Text>
            {atUnit ? (
              <Typography.Text data-testid="import-unit">{grant.orgName}</Typography.Text>
            ) : (
              <OrgTreeSelect
                aria-label={t('imports.unit')}
                placeholder={t('imports.unitPlaceholder')}
                selectableKinds={['unit']}
                value={unitId}
                onChange={setUnitId}
                style={{ width: 360 }}
              />
            )}
          </Flex>
        }
        onWritten={() => {
          void queryClient.invalidateQueries({ queryKey: ['people'] });
        }}
      />
    </>
  );
}
