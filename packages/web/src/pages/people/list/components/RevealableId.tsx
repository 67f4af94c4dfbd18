import { useEffect, useState } from 'react';
import { Button, Popconfirm, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Person } from '@jijiao/contracts';
import { revealPersonId } from '../../../../api';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { useFeedback } from '../../../../components/feedback';

/** How long a revealed number stays on screen. */
export const revealSeconds = 30;

/**
 * The masked ID number; with `person:reveal_id`, a button shows the full number (the server
 * audits each reveal) for 30 seconds. The number lives in this component's state only.
 */
export function RevealableId({ person, canReveal }: { person: Person; canReveal: boolean }) {
  const { t } = useT();
  const { message } = useFeedback();
  const [revealed, setRevealed] = useState<{ idNumber: string; left: number } | null>(null);
  const mutation = useMutation({
    mutationFn: () => revealPersonId(person.id),
    // The full number stays in this component's state only, not in the mutation cache.
    gcTime: 0,
    onSuccess: ({ idNumber }) => {
      setRevealed({ idNumber, left: revealSeconds });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const { reset } = mutation;

  useEffect(() => {
    if (revealed === null) return;
    if (revealed.left <= 0) {
      setRevealed(null);
      reset();
      return;
    }
    const timer = window.setTimeout(() => {
      setRevealed((current) => current && { ...current, left: current.left - 1 });
    }, 1_000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [revealed, reset]);

  if (revealed !== null)
    return (
      <Space size={4} wrap data-testid="id-revealed">
        <Typography.Text code copyable={{ text: revealed.idNumber }}>
          {revealed.idNumber}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('people.reveal.countdown', { seconds: revealed.left })}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setRevealed(null);
            reset();
          }}
        >
          {t('people.reveal.hide')}
        </Button>
      </Space>
    );
  return (
    <Space size={4}>
      <span data-testid="id-masked">{person.idNumberMasked}</span>
      {canReveal && (
        <Popconfirm
          title={t('people.reveal.title')}
          description={t('people.reveal.confirm')}
          okText={t('people.reveal.button')}
          cancelText={t('common.cancel')}
          onConfirm={() => {
            mutation.mutate();
          }}
        >
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={mutation.isPending}
            aria-label={t('people.reveal.title')}
          >
            {t('people.reveal.button')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
