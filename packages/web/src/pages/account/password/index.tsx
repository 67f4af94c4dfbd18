import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { checkPasswordPolicy, passwordMaxLength, passwordMinLength } from '@jijiao/domain';
import { changePassword, isApiError, passwordProblemsOf, type PasswordProblem } from '../../../api';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { meQueryKey } from '../../../session/queries';
import { useSession } from '../../../session/session-context';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const formFields = ['currentPassword', 'newPassword'] as const;
const lengths = { min: passwordMinLength, max: passwordMaxLength };

/** 修改密码: for everyone, and forced while `mustChangePassword` is set. */
export function ChangePasswordPage() {
  const { t } = useT();
  const { me } = useSession();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [problems, setProblems] = useState<PasswordProblem[]>([]);
  const problemText = (p: PasswordProblem) => t(`password.problem.${p}`, lengths);

  const mutation = useMutation({
    mutationFn: changePassword,
    onMutate: () => {
      setProblems([]);
    },
    onSuccess: async () => {
      form.resetFields();
      message.success(t('password.success'));
      // A fresh /me clears mustChangePassword and carries the current CSRF token.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'password_policy')) {
        setProblems(passwordProblemsOf(error));
      } else if (isApiError(error, 'invalid_credentials')) {
        form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
      } else if (isApiError(error, 'validation_failed')) {
        form.setFields(
          error.issues.flatMap((issue) => {
            const field = formFields.find((f) => f === issue.path);
            return field ? [{ name: field, errors: [t('errors.validation_failed')] }] : [];
          }),
        );
      }
    },
  });

  const otherError =
    mutation.error &&
    !isApiError(mutation.error, 'password_policy') &&
    !isApiError(mutation.error, 'invalid_credentials')
      ? mutation.error
      : null;

  return (
    <Card style={{ maxWidth: 560 }}>
      <PageHeader title={t('password.title')} />
      {me.user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />
      )}
      <Alert
        type="info"
        title={t('password.policyTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{t('password.policyLength', lengths)}</li>
            <li>{t('password.policyClasses')}</li>
            <li>{t('password.policyUsername')}</li>
          </ul>
        }
        style={{ marginBottom: 16 }}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('password.problemsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="password-problems">
              {problems.map((p) => (
                <li key={p}>{problemText(p)}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {mutation.error && problems.length === 0 && isApiError(mutation.error, 'password_policy') && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('errors.password_policy')}
          style={{ marginBottom: 16 }}
        />
      )}
      {otherError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(t, otherError)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<PasswordForm>
        form={form}
        name="change-password"
        layout="vertical"
        requiredMark={false}
        disabled={mutation.isPending}
        onFinish={(values) => {
          mutation.mutate({
            currentPassword: values.currentPassword,
            newPassword: values.newPassword,
          });
        }}
      >
        {/* Lets password managers tie the new password to the account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={me.user.username}
          readOnly
          hidden
        />
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              // The same rule the server applies, checked here to answer before submitting.
              validator: (_rule, value: unknown) => {
                if (typeof value !== 'string' || value === '') return Promise.resolve();
                const found = checkPasswordPolicy(value, {
                  username: me.user.username,
                  currentPassword: String(getFieldValue('currentPassword') ?? ''),
                });
                return found.length === 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(found.map(problemText).join(' ')));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                value === undefined || value === '' || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
