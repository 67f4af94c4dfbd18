import { theme } from 'antd';

/**
 * A plain `<select>` drawn like antd's small-footprint inputs. On a phone it opens the
 * system's own picker, and it costs nothing to load: antd's `Select` (virtual list,
 * trigger, search) is ~21 kB compressed, too much for a page a phone opens first, such as
 * the learner's home (ADR 0022).
 */
export function NativeSelect<V extends string | number>({
  value,
  options,
  onChange,
  width,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  width?: number;
  'aria-label': string;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  return (
    <select
      aria-label={ariaLabel}
      data-testid={testId}
      value={String(value)}
      onChange={(event) => {
        const chosen = options.find((o) => String(o.value) === event.target.value);
        if (chosen) onChange(chosen.value);
      }}
      style={{
        width,
        height: token.controlHeight,
        padding: `0 ${token.paddingXS}px`,
        font: 'inherit',
        fontSize: token.fontSize,
        color: token.colorText,
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorder}`,
        borderRadius: token.borderRadius,
        cursor: 'pointer',
      }}
    >
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
