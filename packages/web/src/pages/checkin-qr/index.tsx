import { useEffect, useMemo } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { encode } from 'uqr';
import { checkinTokenSchema } from '@jijiao/contracts';
import { request } from '../../api/client';
import { PageError, PageLoading } from '../../components/PageState';
import { useT } from '../../i18n/use-t';

/** The QR matrix as one SVG path (no inline script or style: fine under the CSP). */
function QrSvg({ text }: { text: string }) {
  const path = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 2 });
    return {
      size: data.length,
      d: data
        .flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : [])))
        .join(''),
    };
  }, [text]);
  return (
    <svg
      viewBox={`0 0 ${path.size} ${path.size}`}
      width={280}
      height={280}
      shapeRendering="crispEdges"
      data-testid="checkin-qr"
      role="img"
    >
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}

/** `/me/checkin-qr`: the learner's rotating signed token as a QR code, refreshed before expiry. */
export function CheckinQrPage() {
  const { t } = useT();
  const query = useQuery({
    queryKey: ['me', 'checkin-token'],
    queryFn: () => request('GET', '/api/v1/me/checkin-token', checkinTokenSchema),
  });
  const { refetch } = query;
  const refreshAfter = query.data?.refreshAfterSeconds;
  useEffect(() => {
    if (refreshAfter === undefined) return;
    const timer = window.setTimeout(() => void refetch(), refreshAfter * 1000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [refreshAfter, refetch, query.data]);

  return (
    <Card>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }} data-testid="page-title">
        {t('checkinQr.title')}
      </Typography.Title>
      {query.isPending ? (
        <PageLoading />
      ) : query.isError ? (
        <PageError error={query.error} onRetry={() => void refetch()} />
      ) : (
        <Flex vertical align="center" gap={12}>
          <QrSvg text={query.data.token} />
          <Typography.Text>
            {t('checkinQr.expires', {
              time: new Date(query.data.expiresAt).toLocaleTimeString(),
            })}
          </Typography.Text>
          <Typography.Paragraph type="secondary">{t('checkinQr.hint')}</Typography.Paragraph>
        </Flex>
      )}
    </Card>
  );
}
