import { Button, Card, Flex } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createAwardBatch,
  createAwardBatchFromAttendance,
  fetchProject,
  isApiError,
  listAwardBatches,
} from '../../../api';
import { PageError } from '../../../components/PageState';
import { errorMessageKey, errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { AwardBatchTable } from '../components/AwardBatchTable';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

/** 学分授予 of one project (host): its batches, and a new one. */
export function ProjectAwardsPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const project = useQuery({ queryKey: ['projects', 'one', id], queryFn: () => fetchProject(id) });
  const batches = useQuery({
    queryKey: ['award-batches', { projectId: id }],
    queryFn: () => listAwardBatches({ projectId: id }),
  });
  const create = useMutation({
    mutationFn: () => createAwardBatch(id),
    onSuccess: (batch) => {
      void navigate(`/awards/${batch.id}`);
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const fromAttendance = useMutation({
    mutationFn: () => createAwardBatchFromAttendance(id),
    onSuccess: (batch) => {
      message.success(t('awards.fromAttendanceDone', { count: batch.lines.length }));
      void navigate(`/awards/${batch.id}`);
    },
    onError: (error) => {
      const code = isApiError(error) ? error.code : undefined;
      message.error(
        t(
          code === 'invalid_state'
            ? 'awards.fromAttendanceNone'
            : code === 'conflict'
              ? 'awards.fromAttendanceOpen'
              : errorMessageKey(error),
        ),
      );
    },
  });
  if (project.isError) return <PageError error={project.error} />;
  if (batches.isError)
    return <PageError error={batches.error} onRetry={() => void batches.refetch()} />;
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <PageHeader title={t('awards.projectTitle', { project: project.data?.name ?? '' })} />
        <Flex gap={12} align="center">
          <Button
            icon={<ScheduleOutlined />}
            loading={fromAttendance.isPending}
            onClick={() => {
              fromAttendance.mutate();
            }}
            data-testid="batch-from-attendance"
          >
            {t('awards.fromAttendance')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => {
              create.mutate();
            }}
            data-testid="new-batch"
          >
            {t('awards.newBatch')}
          </Button>
          <Link to="/projects">
            <ArrowLeftOutlined /> {t('awards.back')}
          </Link>
        </Flex>
      </Flex>
      <AwardBatchTable batches={batches.data?.items ?? []} loading={batches.isPending} />
    </Card>
  );
}
