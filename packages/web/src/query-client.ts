import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/errors';
import { forgetSession, meQueryKey } from './session/queries';

function isTransient(error: unknown): boolean {
  return isApiError(error) && (error.code === 'network_error' || error.status >= 500);
}

/**
 * One client for the app. A 401 `unauthenticated` from any call means the session ended:
 * forget it, and the session guard sends the user to sign in (keeping the page to return to).
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (isApiError(error, 'unauthenticated')) forgetSession(client);
    else if (isApiError(error, 'password_change_required'))
      void client.invalidateQueries({ queryKey: meQueryKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: (failures, error) => failures < 2 && isTransient(error) },
      mutations: { retry: false },
    },
  });
  return client;
}
