import type { ReactNode } from 'react';
import { theme } from 'antd';

/**
 * A bordered panel with an optional heading, drawn like antd's `Card` from the theme's
 * tokens. The public pages are opened on phones over slow networks; `Card` brings its tabs
 * with it (~13 kB compressed), which these pages never show (ADR 0022).
 */
export function Panel({
  title,
  small = false,
  children,
}: {
  title?: ReactNode;
  /** The denser variant (antd's `size="small"`). */
  small?: boolean;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const padding = small ? token.paddingSM : token.paddingLG;
  return (
    <section
      style={{
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
      }}
    >
      {title !== undefined && (
        <header
          style={{
            padding: `${token.paddingXS}px ${padding}px`,
            minHeight: small ? 38 : 56,
            display: 'flex',
            alignItems: 'center',
            fontWeight: token.fontWeightStrong,
            fontSize: small ? token.fontSize : token.fontSizeLG,
            borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
          }}
        >
          {title}
        </header>
      )}
      <div style={{ padding }}>{children}</div>
    </section>
  );
}
