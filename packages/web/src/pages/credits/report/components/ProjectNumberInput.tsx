import { useState } from 'react';
import { Form, Input, Typography } from 'antd';
import type { PublicProject } from '@jijiao/contracts';
import { searchPublicProjects } from '../../../../api';
import { useT } from '../../../../i18n/use-t';

type Note = { kind: 'found'; project: PublicProject } | { kind: 'none'; number: string } | 'failed';

/**
 * 项目编号 with a lookup in the filed projects: when the number is a filed project, the form
 * takes its level, name, date and an attendee's credits, and says which project it was.
 * (Where the rules check filed projects, the server values the claim from the registry.)
 */
export function ProjectNumberInput(control: Record<string, unknown>) {
  const { t } = useT();
  const form = Form.useFormInstance();
  const [note, setNote] = useState<Note | null>(null);
  const [searching, setSearching] = useState(false);

  const lookUp = async (typed: string) => {
    const number = typed.trim();
    if (!number) return;
    setSearching(true);
    try {
      const found = await searchPublicProjects({ number, limit: 10 });
      const project = found.items.find((p) => p.number === number);
      if (!project) {
        setNote({ kind: 'none', number });
        return;
      }
      const role: unknown = form.getFieldValue('role');
      form.setFieldsValue({
        level: project.level,
        date: project.startDate,
        projectName: project.name,
        ...(role === 'speaker' ? {} : { awardedCredits: project.attendeeCredits }),
      });
      void form.validateFields(['date']).catch(() => undefined);
      setNote({ kind: 'found', project });
    } catch {
      setNote('failed');
    } finally {
      setSearching(false);
    }
  };

  return (
    <>
      <Input.Search
        {...control}
        maxLength={40}
        enterButton={t('selfReportForm.lookup')}
        loading={searching}
        data-testid="project-number"
        onSearch={(value) => void lookUp(value)}
      />
      {note !== null && (
        <Typography.Text
          type={note === 'failed' || note.kind === 'none' ? 'warning' : 'success'}
          data-testid="project-lookup-note"
        >
          {note === 'failed'
            ? t('selfReportForm.lookupFailed')
            : note.kind === 'none'
              ? t('selfReportForm.lookupNone', { number: note.number })
              : t('selfReportForm.lookupFound', {
                  name: note.project.name,
                  host: note.project.hostName,
                  start: note.project.startDate,
                  end: note.project.endDate,
                  credits: note.project.attendeeCredits,
                })}
        </Typography.Text>
      )}
    </>
  );
}
