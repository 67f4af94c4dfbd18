// The antd styles of the phone's first views, rendered at build time (ADR 0037).
//
// `node --import tsx first-view-styles.tsx` (with NODE_ENV=production, so the class hashes
// are the production build's) prints {view: css} for the certificate page, the sign-in page
// and the learner's home. Each CSS holds the styles antd's CSS-in-JS would generate in the
// browser for the components that view renders, and cssinjs's cache-path map; served as the
// view's stylesheet, it lets the runtime skip generating those styles (`existPath` in
// @ant-design/cssinjs's useStyleRegister) on a phone whose CPU is the page's bottleneck.
//
// Each sample lists the antd components its view renders at first, in the states that
// register styles (a Tag's preset and status colours, a Form item with its grid). The e2e
// test `learner-on-a-phone.e2e.ts` opens each view and fails on any component style the
// browser still had to generate, naming it: add that component here.
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import {
  Alert,
  Badge,
  Button,
  ConfigProvider,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Layout,
  Progress,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

/** The antd components each first view renders before anyone touches it. */
const samples: Record<string, () => ReactElement> = {
  verify: () => (
    <Flex vertical>
      <Spin />
      <Alert type="success" showIcon title="." />
      <Descriptions items={[{ key: 'a', label: '.', children: '.' }]} />
      <Form layout="vertical">
        <Form.Item label="." name="serial">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          .
        </Button>
      </Form>
    </Flex>
  ),
  login: () => (
    <Flex vertical>
      <Spin />
      <Alert type="info" showIcon title="." />
      <Form layout="vertical">
        <Form.Item label="." name="username">
          <Input />
        </Form.Item>
        <Form.Item label="." name="password">
          <Input.Password />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          .
        </Button>
      </Form>
    </Flex>
  ),
  'home:learner': () => (
    <Layout>
      <Layout.Header />
      <Layout.Content>
        <Flex vertical>
          <Spin />
          <Space>
            <Button>.</Button>
            <Tag color="success">.</Tag>
            <Tag color="warning">.</Tag>
            <Tag color="blue">.</Tag>
          </Space>
          <Progress type="circle" percent={50} />
          <Alert type="success" showIcon title="." />
          <Empty />
          {/* The header's bell with its unread count; the deadline notice's text. */}
          <Badge count={1} size="small">
            <span />
          </Badge>
          <Typography.Text strong>.</Typography.Text>
        </Flex>
      </Layout.Content>
    </Layout>
  ),
};

/** The same ConfigProvider settings as src/App.tsx: they are part of the styles' hashes. */
function stylesOf(sample: () => ReactElement): string {
  const cache = createCache();
  renderToString(
    <StyleProvider cache={cache}>
      <ConfigProvider button={{ autoInsertSpace: false }}>{sample()}</ConfigProvider>
    </StyleProvider>,
  );
  // Component styles only: the design tokens' CSS variables are registered by the runtime
  // in any case (it needs the tokens themselves).
  return extractStyle(cache, { plain: true, types: ['style'] });
}

if (process.env.NODE_ENV !== 'production')
  throw new Error('first-view-styles: run with NODE_ENV=production (the class hashes differ)');
process.stdout.write(
  JSON.stringify(Object.fromEntries(Object.entries(samples).map(([v, s]) => [v, stylesOf(s)]))),
);
