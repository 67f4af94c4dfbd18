import { Button, Flex, Typography } from 'antd';
import { useT } from '../i18n/use-t';

/** Under a keyset-paged list: how many rows are loaded, and the next page on demand. */
export function ListFooter({
  countText,
  hasMore,
  loading,
  onMore,
}: {
  countText: string;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useT();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="loaded-count">
        {countText}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
