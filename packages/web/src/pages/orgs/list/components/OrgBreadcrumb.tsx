import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import type { Org } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { orgsPath } from '../org-path';

/** 所辖机构 › 省 › 市 …; every level but the current one links back up. */
export function OrgBreadcrumb({ trail }: { trail: readonly Org[] }) {
  const { t } = useT();
  const root = t('orgs.scopeRoot');
  const items = [
    { key: 'root', title: trail.length === 0 ? root : <Link to={orgsPath({})}>{root}</Link> },
    ...trail.map((org, index) => ({
      key: org.id,
      title:
        index === trail.length - 1 ? (
          org.name
        ) : (
          <Link to={orgsPath({ parentId: org.id })}>{org.name}</Link>
        ),
    })),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} />;
}
