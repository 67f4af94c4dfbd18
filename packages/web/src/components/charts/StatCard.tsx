import type { KeyboardEvent, ReactNode } from 'react';
import { Card, Statistic, Typography, theme } from 'antd';
import { RightOutlined } from '@ant-design/icons';

export interface StatCardProps {
  /** What `onSelect` answers. */
  statKey: string;
  title: string;
  value: number | string;
  /** A line under the number: a unit, a date, what it means. */
  hint?: ReactNode;
  /** Draws attention (e.g. failures, late units) when the value is not zero. */
  tone?: 'default' | 'warning' | 'danger';
  onSelect?: (key: string) => void;
  testId?: string;
}

/**
 * One number on a 工作台 (a to-do count, a total). With `onSelect` the whole tile is a
 * button that drills down to the list behind the number.
 */
export function StatCard({
  statKey,
  title,
  value,
  hint,
  tone = 'default',
  onSelect,
  testId,
}: StatCardProps) {
  const { token } = theme.useToken();
  const toneColor = {
    default: undefined,
    warning: token.colorWarningText,
    danger: token.colorErrorText,
  };
  const active = onSelect !== undefined;
  const select = () => {
    onSelect?.(statKey);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select();
    }
  };
  const numeric = typeof value === 'number' && value !== 0;
  return (
    <Card
      size="small"
      hoverable={active}
      data-testid={testId}
      style={{ height: '100%' }}
      {...(active
        ? {
            role: 'button',
            tabIndex: 0,
            onClick: select,
            onKeyDown,
            'aria-label': `${title} ${String(value)}`,
          }
        : {})}
    >
      <Statistic
        title={
          <span>
            {title}
            {active && <RightOutlined style={{ fontSize: 10, marginInlineStart: 6 }} />}
          </span>
        }
        value={value}
        styles={{ content: { color: numeric ? toneColor[tone] : undefined } }}
      />
      {hint !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Card>
  );
}
