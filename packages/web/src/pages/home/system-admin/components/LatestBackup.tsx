import { Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listBackups } from '../../../../api';
import { Link } from 'react-router';
import { Text } from '../../../../components/Type';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';

/** The latest backup and its check, with a link to the backups page (root system admins). */
export function LatestBackup() {
  const { t } = useT();
  const query = useQuery({ queryKey: ['system', 'backups'], queryFn: listBackups });
  if (!query.data) return null;
  const latest = query.data.backups[0];
  return (
    <Space wrap size={8} data-testid="latest-backup">
      <Text strong>{t('backups.latest')}</Text>
      {latest === undefined ? (
        <Tag color="warning">{t('backups.latestNone')}</Tag>
      ) : (
        <>
          <Text>{latest.createdAt ? formatDateTime(latest.createdAt) : latest.name}</Text>
          {latest.check === null ? (
            <Tag>{t('backups.neverChecked')}</Tag>
          ) : latest.check.ok ? (
            <Tag color="success">{t('backups.checkOk')}</Tag>
          ) : (
            <Tag color="error">{t('backups.checkFailedTag')}</Tag>
          )}
        </>
      )}
      <Link to="/system/backups">{t('backups.manage')}</Link>
    </Space>
  );
}
