import { useState } from 'react';
import { Flex, Typography } from 'antd';
import { downloadCardsTemplate, importBlankCards } from '../../api';
import { ImportWorkflow } from '../../components/import/ImportWorkflow';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useT } from '../../i18n/use-t';
import { PageHeader } from '../../components/PageHeader';

/** 空白卡入库: a bureau records a batch of blank cards from an xlsx of card numbers. */
export function CardsImportPage() {
  const { t } = useT();
  const [issuerId, setIssuerId] = useState<string | undefined>(undefined);
  return (
    <>
      {/* The workflow shows the title; the header adds where it sits. */}
      <PageHeader titleBelow />
      <ImportWorkflow
        title={t('cards.importTitle')}
        backTo="/cards"
        fetchTemplate={downloadCardsTemplate}
        runImport={(file, dryRun) => importBlankCards(file, file.name, { dryRun, issuerId })}
        settingsKey={issuerId ?? ''}
        settings={
          <Flex vertical gap={4} align="flex-start">
            <Typography.Text strong>{t('cards.issuerSelect')}</Typography.Text>
            <OrgTreeSelect
              aria-label={t('cards.issuerSelect')}
              placeholder={t('cards.issuerPlaceholder')}
              selectableKinds={['city', 'district']}
              value={issuerId}
              onChange={setIssuerId}
              allowClear
              style={{ width: 360 }}
            />
            <Typography.Text type="secondary">{t('cards.importHint')}</Typography.Text>
          </Flex>
        }
      />
    </>
  );
}
