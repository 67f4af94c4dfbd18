import { useQueryClient } from '@tanstack/react-query';
import { downloadProjectTemplate, startProjectsImport } from '../../../api';
import { ImportWorkflow } from '../../../components/import/ImportWorkflow';
import { useT } from '../../../i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';

/** 导入项目: the host's projects from the template, as drafts. */
export function ProjectImportPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  return (
    <>
      {/* The workflow shows the title; the header adds where it sits. */}
      <PageHeader titleBelow />
      <ImportWorkflow
        title={t('imports.projectsTitle')}
        backTo="/projects"
        fetchTemplate={downloadProjectTemplate}
        startJob={(file, dryRun) => startProjectsImport(file, file.name, { dryRun })}
        onWritten={() => {
          void queryClient.invalidateQueries({ queryKey: ['projects'] });
        }}
      />
    </>
  );
}
