import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { downloadRosterTemplate, importRoster } from '../../../api';
import { ImportWorkflow } from '../../../components/import/ImportWorkflow';
import { useT } from '../../../i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';

/** 名单导入: a roster (身份证号, 姓名, 角色, 学时, 学分) into a draft batch, all rows or none. */
export function AwardRosterImportPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  return (
    <>
      {/* The workflow shows the title; the header adds where it sits. */}
      <PageHeader titleBelow />
      <ImportWorkflow
        title={t('awards.rosterTitle')}
        backTo={`/awards/${id}`}
        fetchTemplate={downloadRosterTemplate}
        runImport={(file, dryRun) => importRoster(id, file, file.name, { dryRun })}
        onWritten={() => {
          void queryClient.invalidateQueries({ queryKey: ['award-batch', id] });
        }}
      />
    </>
  );
}
