import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** A titled card of a 工作台, with a line that says what a click on its chart does. */
export function DashboardPanel({
  title,
  hint,
  extra,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      style={{ height: '100%' }}
      styles={{ body: { paddingTop: 8 } }}
      data-testid={testId}
    >
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {hint}
        </Typography.Text>
      )}
      {children}
    </Card>
  );
}
