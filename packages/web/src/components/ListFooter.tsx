import { Button, Flex, Typography } from 'antd';
import { useT } from '../i18n/use-t';

/**
 * Under every keyset-paged list (one paging style for the whole app): how many rows there
 * are — 共 N 条, from the API's total on the first page, or once the last page is in — and
 * how many are shown, with the next page on demand.
 */
export function ListFooter({
  count,
  total,
  hasMore,
  loading,
  onMore,
}: {
  /** Rows loaded so far. */
  count: number;
  /** All rows matching the filters, when the API counts them (null: it does not). */
  total?: number | null | undefined;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useT();
  const known = total ?? (hasMore ? null : count);
  const text =
    known === null
      ? t('frame.list.shownMore', { count })
      : count < known
        ? t('frame.list.shownOfTotal', { count, total: known })
        : t('frame.list.total', { total: known });
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="loaded-count">
        {text}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
