import { useRouteError } from 'react-router';
import { PageError } from './PageState';

/** Last resort for a page that threw while rendering or whose chunk failed to load. */
export function RouteError() {
  const error = useRouteError();
  return (
    <PageError
      error={error}
      onRetry={() => {
        window.location.reload();
      }}
    />
  );
}
