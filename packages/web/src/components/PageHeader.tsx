import { Fragment, useContext, type CSSProperties, type ReactNode } from 'react';
import { Flex, theme } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/use-t';
import { useIsPhone } from './use-is-phone';
import { PageTrailContext } from './page-trail-context';
import { Text, Title } from './Type';

/** A step under the page: a link, or the current place when `path` is absent. */
export interface TrailItem {
  key: string;
  title: ReactNode;
  path?: string;
}

/**
 * The top of every signed-in page: where it sits (group › list › page, from the route
 * tree) and its title, with the page's actions on the right. A detail page passes what it
 * shows (a person's name, a project's) as `title`; the breadcrumb's last step is then that
 * name, after a link back to the list. `titleBelow`: the page's own body shows the title
 * (an import's workflow, a form's card), so the header is the breadcrumb alone.
 */
export function PageHeader({
  title,
  subTitle,
  extra,
  titleBelow = false,
  trail: below = [],
}: {
  title?: ReactNode;
  /** A line under the title (who is signed in, what the page is for). */
  subTitle?: ReactNode;
  extra?: ReactNode;
  titleBelow?: boolean;
  /** Steps below the page itself (the orgs page's 省 › 市 as one drills down). */
  trail?: readonly TrailItem[];
}) {
  const { t } = useT();
  const isPhone = useIsPhone();
  const { steps, path: ownPath } = useContext(PageTrailContext);
  const ownKey = steps.at(-1)?.label;
  const shownTitle = title ?? (ownKey ? t(ownKey) : null);
  const items = [
    ...steps.map((step, index) => {
      const last = index === steps.length - 1;
      const label = last && title !== undefined ? title : t(step.label);
      // The page itself links to its plain self when steps go on below it.
      const path = last ? (below.length > 0 ? ownPath : undefined) : step.path;
      return { key: step.key, title: path ? <Link to={path}>{label}</Link> : label };
    }),
    ...below.map((item) => ({
      key: item.key,
      title: item.path ? <Link to={item.path}>{item.title}</Link> : item.title,
    })),
  ];
  // A page atop the tree whose body names it: nothing to add.
  if (titleBelow && items.length <= 1) return null;
  return (
    <header data-testid="page-header" style={{ marginBottom: titleBelow ? 16 : 0 }}>
      {/* One step is the page alone (a home, a learner's own page): nothing to show. */}
      {items.length > 1 && (
        <Trail
          label={t('frame.breadcrumb')}
          items={items}
          style={{ marginBottom: titleBelow ? 0 : 8 }}
        />
      )}
      {!titleBelow && (
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
          <div style={{ minWidth: 0 }}>
            <Title
              level={2}
              style={{ margin: 0, fontSize: isPhone ? 22 : undefined }}
              data-testid="page-title"
            >
              {shownTitle}
            </Title>
            {subTitle && <Text type="secondary">{subTitle}</Text>}
          </div>
          {extra}
        </Flex>
      )}
    </header>
  );
}

/**
 * The breadcrumb, drawn like antd's from the theme's tokens. antd's `Breadcrumb` brings
 * `Dropdown` and `Menu` with it (~18 kB compressed) for drop-down steps we never use, on
 * every page a phone opens (ADR 0022).
 */
function Trail({
  label,
  items,
  style,
}: {
  label: string;
  items: readonly { key: string; title: ReactNode }[];
  style: CSSProperties;
}) {
  const { token } = theme.useToken();
  return (
    <nav aria-label={label} data-testid="breadcrumb" style={style}>
      <ol
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          margin: 0,
          padding: 0,
          listStyle: 'none',
          fontSize: token.fontSize,
          color: token.colorTextDescription,
        }}
      >
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <Fragment key={item.key}>
              <li
                aria-current={last ? 'page' : undefined}
                style={last ? { color: token.colorText } : undefined}
              >
                {item.title}
              </li>
              {!last && (
                <li aria-hidden style={{ marginInline: token.marginXS }}>
                  /
                </li>
              )}
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
