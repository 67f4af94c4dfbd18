import { useState } from 'react';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { LockOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Me, SecondFactorChallenge, SignInRequest } from '@jijiao/contracts';
import { signIn } from '../../../api/session';
import { DemoBanner } from '../../../components/DemoBanner';
import { Panel } from '../../../components/Panel';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { safeNextPath } from '../../../session/next-path';
import { meQueryKey, useAppInfo, useMe } from '../../../session/queries';
import { DemoAccounts } from './components/DemoAccounts';
import { SecondFactorForm } from './components/SecondFactorForm';
import { Title } from '../../../components/Type';

export function LoginPage() {
  const { t } = useT();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const me = useMe();
  const appInfo = useAppInfo();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<SignInRequest>();
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const signedIn = (answer: Me) => {
    queryClient.setQueryData(meQueryKey, answer);
    void navigate(next, { replace: true });
  };
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => {
      if ('secondFactorRequired' in answer) {
        form.setFieldValue('password', '');
        setChallenge(answer);
      } else signedIn(answer);
    },
  });

  if (me.data) return <Navigate to={next} replace />;

  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap={16} style={{ padding: '24px 16px' }}>
        <Title level={1} style={{ fontSize: 26, textAlign: 'center' }}>
          {t('app.title')}
        </Title>
        {challenge !== null ? (
          <SecondFactorForm
            challenge={challenge}
            onSignedIn={signedIn}
            onRestart={() => {
              mutation.reset();
              setChallenge(null);
            }}
          />
        ) : (
          <Panel title={t('login.heading')} style={{ width: '100%', maxWidth: 400 }}>
            <Form<SignInRequest>
              form={form}
              name="sign-in"
              layout="vertical"
              requiredMark={false}
              disabled={mutation.isPending}
              onFinish={(values) => {
                mutation.mutate({ username: values.username.trim(), password: values.password });
              }}
            >
              {mutation.isError && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={errorText(t, mutation.error)}
                  style={{ marginBottom: 16 }}
                  data-testid="sign-in-error"
                />
              )}
              <Form.Item
                label={t('login.username')}
                name="username"
                rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                label={t('login.password')}
                name="password"
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
                {t('login.submit')}
              </Button>
            </Form>
          </Panel>
        )}
        <Link to="/public/projects" data-testid="public-search-link">
          <SearchOutlined /> {t('login.publicSearch')}
        </Link>
        {appInfo.data?.demo === true && challenge === null && (
          <DemoAccounts
            onPick={(username) => {
              form.setFieldValue('username', username);
            }}
          />
        )}
      </Flex>
    </Flex>
  );
}
