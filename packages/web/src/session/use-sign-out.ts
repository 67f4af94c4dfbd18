import { useMutation } from '@tanstack/react-query';
import { isApiError, signOut } from '../api';
import { errorText } from '../i18n/error-message';
import { useT } from '../i18n/use-t';
import { useFeedback } from '../components/feedback';

/**
 * Signs out on the server, then reloads on the sign-in page: a full load drops every cached
 * answer and the in-memory CSRF token in one go.
 */
export function useSignOut(): { run: () => void; isPending: boolean } {
  const { message } = useFeedback();
  const { t } = useT();
  const mutation = useMutation({
    mutationFn: signOut,
    onSettled: (_data, error) => {
      if (error && !isApiError(error, 'unauthenticated')) {
        message.error(errorText(t, error));
        return;
      }
      window.location.replace('/login');
    },
  });
  return {
    run: () => {
      mutation.mutate();
    },
    isPending: mutation.isPending,
  };
}
