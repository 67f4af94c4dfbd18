import { Descriptions, Tag, Typography } from 'antd';
import type { SystemDashboard } from '@jijiao/contracts';
import { useT, type Translate } from '../../../../i18n/use-t';

type Database = NonNullable<SystemDashboard['database']>;

/** The database's engine, size, connections and schema version (migrations applied). */
export function DatabaseHealth({ database }: { database: SystemDashboard['database'] }) {
  const { t } = useT();
  if (database === null)
    return (
      <Typography.Text type="secondary">{t('dashboard.system.databaseHidden')}</Typography.Text>
    );
  const behind = database.migrationsKnown - database.migrationsApplied;
  return (
    <Descriptions
      column={1}
      size="small"
      data-testid="database-health"
      items={[
        {
          key: 'engine',
          label: t('dashboard.system.engine'),
          children: t(`dashboard.system.engines.${database.engine}`),
        },
        {
          key: 'size',
          label: t('dashboard.system.size'),
          children: t('dashboard.system.sizeMb', { size: megabytes(database) }),
        },
        {
          key: 'connections',
          label: t('dashboard.system.connections'),
          children:
            database.connections === null
              ? t('dashboard.system.connectionsEmbedded')
              : database.connections,
        },
        {
          key: 'migrations',
          label: t('dashboard.system.migrations'),
          children: (
            <>
              {t('dashboard.system.migrationsCount', {
                applied: database.migrationsApplied,
                known: database.migrationsKnown,
              })}{' '}
              {behind === 0 ? (
                <Tag color="success">{t('dashboard.system.migrationsUpToDate')}</Tag>
              ) : (
                <Tag color="error">{t('dashboard.system.migrationsBehind', { count: behind })}</Tag>
              )}
            </>
          ),
        },
        ...(database.latestMigration === null
          ? []
          : [
              {
                key: 'latest',
                label: t('dashboard.system.latestMigration'),
                children: migrationText(t, database.latestMigration),
              },
            ]),
      ]}
    />
  );
}

/** A migration by its number (`0014_standings-indexes` is the 14th), not its file name. */
function migrationText(t: Translate, name: string): string {
  const number = /^(\d+)_/.exec(name)?.[1];
  return number === undefined ? '—' : t('codes.migration', { number: Number(number) });
}

function megabytes(database: Database): string {
  return (database.sizeBytes / 1_048_576).toFixed(1);
}
