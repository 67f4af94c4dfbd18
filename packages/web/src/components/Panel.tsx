import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

/**
 * A bordered panel with an optional heading and heading actions, drawn like antd's `Card`
 * from the theme's tokens. The pages a phone opens first (the public pages, the sign-in
 * page, the learner's home) load over slow networks; `Card` brings its tabs with it
 * (~13 kB compressed), which these pages never show (ADR 0022).
 */
export function Panel({
  title,
  extra,
  small = false,
  style,
  children,
  'data-testid': testId,
}: {
  title?: ReactNode;
  /** Actions at the heading's end (antd's `extra`); they wrap below it when space is short. */
  extra?: ReactNode;
  /** The denser variant (antd's `size="small"`). */
  small?: boolean;
  style?: CSSProperties;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  const padding = small ? token.paddingSM : token.paddingLG;
  return (
    <section
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
        ...style,
      }}
    >
      {title !== undefined && (
        <header
          style={{
            padding: `${token.paddingXS}px ${padding}px`,
            minHeight: small ? 38 : 56,
            display: 'flex',
            flexWrap: 'wrap',
            gap: token.paddingXS,
            alignItems: 'center',
            justifyContent: 'space-between',
            fontWeight: token.fontWeightStrong,
            fontSize: small ? token.fontSize : token.fontSizeLG,
            borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
          }}
        >
          <div>{title}</div>
          {extra !== undefined && (
            <div style={{ fontWeight: 'normal', fontSize: token.fontSize }}>{extra}</div>
          )}
        </header>
      )}
      <div style={{ padding }}>{children}</div>
    </section>
  );
}
