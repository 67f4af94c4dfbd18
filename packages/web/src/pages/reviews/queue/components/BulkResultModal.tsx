import { List, Modal, Space, Tag } from 'antd';
import type { BulkResult } from '@jijiao/contracts';
import { ApiError, type ApiErrorCode } from '../../../../api';
import { errorMessageKey } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';

/** A finished bulk review; the names are kept because the claims have left the queue. */
export interface BulkOutcome {
  action: 'approve' | 'return';
  result: BulkResult;
  names: Map<string, string>;
}

/** One line per claim of a bulk approve or return: done, or why not. */
export function BulkResultModal({
  results,
  onClose,
}: {
  results: BulkOutcome | null;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Modal
      open={results !== null}
      title={results ? t(`reviews.bulkResult.${results.action}`) : ''}
      footer={null}
      onCancel={onClose}
    >
      <List
        data-testid="bulk-results"
        dataSource={results?.result.items ?? []}
        renderItem={(item) => (
          <List.Item>
            <Space>
              <Tag color={item.ok ? 'green' : 'red'}>
                {item.ok ? t('reviews.bulkOk') : t('reviews.bulkFailed')}
              </Tag>
              {results?.names.get(item.id) ?? item.id}
              {item.ok
                ? item.status && t(`reviews.claimStatus.${item.status}`)
                : item.error &&
                  t(
                    errorMessageKey(
                      new ApiError({
                        code: item.error.code as ApiErrorCode,
                        message: item.error.message,
                        status: 0,
                      }),
                    ),
                  )}
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}
