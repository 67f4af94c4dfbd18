import type { AnchorHTMLAttributes, CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

/**
 * Text, headings and paragraphs drawn from the theme's tokens, as antd's `Typography`
 * draws them, for the pages a phone opens first (the learner's home, its layout and page
 * header, the certificate check and the sign-in page). antd's `Typography` brings its
 * copy, edit and ellipsis machinery, with `Tooltip` and `TextArea`, to every page that uses
 * it: ~18 kB compressed that these pages never use (ADR 0030). Admin pages keep it.
 */
type Tone = 'secondary' | 'danger';

function useToneColor(tone: Tone | undefined): string | undefined {
  const { token } = theme.useToken();
  if (tone === 'secondary') return token.colorTextSecondary;
  if (tone === 'danger') return token.colorError;
  return undefined;
}

interface TextProps {
  children?: ReactNode;
  type?: Tone;
  strong?: boolean;
  /** Set in a monospace box, like a key or code. */
  code?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
  'data-reason'?: string;
}

export function Text({ children, type, strong, code, style, ...data }: TextProps) {
  const color = useToneColor(type);
  const { token } = theme.useToken();
  const codeStyle: CSSProperties | undefined = code
    ? {
        fontFamily: token.fontFamilyCode,
        fontSize: '85%',
        padding: '0.2em 0.4em',
        background: token.colorFillTertiary,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusSM,
      }
    : undefined;
  return (
    <span {...data} style={{ color, fontWeight: strong ? 600 : undefined, ...style }}>
      {code ? <code style={codeStyle}>{children}</code> : children}
    </span>
  );
}

/** A link in the theme's link colour. */
export function TextLink({
  style,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & {
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  return <a {...props} style={{ color: token.colorLink, ...style }} />;
}

export function Paragraph({
  children,
  type,
  style,
  ...data
}: Omit<TextProps, 'strong' | 'data-reason'>) {
  const color = useToneColor(type);
  const { token } = theme.useToken();
  return (
    <p {...data} style={{ color, marginTop: 0, marginBottom: token.marginMD, ...style }}>
      {children}
    </p>
  );
}

const headingTags = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5' } as const;

export function Title({
  children,
  level,
  style,
  ...data
}: {
  children?: ReactNode;
  level: keyof typeof headingTags;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  const Tag = headingTags[level];
  const size = {
    1: [token.fontSizeHeading1, token.lineHeightHeading1],
    2: [token.fontSizeHeading2, token.lineHeightHeading2],
    3: [token.fontSizeHeading3, token.lineHeightHeading3],
    4: [token.fontSizeHeading4, token.lineHeightHeading4],
    5: [token.fontSizeHeading5, token.lineHeightHeading5],
  }[level];
  return (
    <Tag
      {...data}
      style={{
        marginTop: 0,
        marginBottom: '0.5em',
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: size[0],
        lineHeight: size[1],
        ...style,
      }}
    >
      {children}
    </Tag>
  );
}
