import {
  createContext,
  lazy,
  Suspense,
  use,
  useCallback,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { theme, type ModalFuncProps } from 'antd';
import type { FeedbackApis } from './feedback-holder';

/** What the signed-in pages tell the user: a short message, or a question to confirm. */
export interface Feedback {
  message: {
    success: (content: ReactNode) => void;
    error: (content: ReactNode) => void;
    warning: (content: ReactNode) => void;
  };
  modal: { confirm: (config: ModalFuncProps) => void };
}

const FeedbackContext = createContext<Feedback | null>(null);

const Holder = lazy(async () => ({
  default: (await import('./feedback-holder')).FeedbackHolder,
}));

/**
 * In place of antd's `App` for the signed-in pages (ADR 0030): the same message and
 * confirm dialogs, themed and in the page's language, but antd's message, modal and
 * notification code (~16 kB compressed) loads the first time a page uses one, not with
 * every first view. A call made before it has loaded waits for it. The wrapper carries
 * the base text style that `App` gave the pages.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const [wanted, setWanted] = useState(false);
  const apis = useRef<FeedbackApis | null>(null);
  const waiting = useRef<((ready: FeedbackApis) => void)[]>([]);

  const feedback = useMemo((): Feedback => {
    const run = (call: (ready: FeedbackApis) => void) => {
      if (apis.current) {
        call(apis.current);
        return;
      }
      waiting.current.push(call);
      setWanted(true);
    };
    return {
      message: {
        success: (content) => {
          run((a) => void a.message.success(content));
        },
        error: (content) => {
          run((a) => void a.message.error(content));
        },
        warning: (content) => {
          run((a) => void a.message.warning(content));
        },
      },
      modal: {
        confirm: (config) => {
          run((a) => void a.modal.confirm(config));
        },
      },
    };
  }, []);

  const onReady = useCallback((ready: FeedbackApis) => {
    apis.current = ready;
    for (const call of waiting.current.splice(0)) call(ready);
  }, []);

  return (
    <FeedbackContext value={feedback}>
      <div
        style={{
          color: token.colorText,
          fontFamily: token.fontFamily,
          fontSize: token.fontSize,
          lineHeight: token.lineHeight,
        }}
      >
        {children}
      </div>
      {wanted && (
        <Suspense fallback={null}>
          <Holder onReady={onReady} />
        </Suspense>
      )}
    </FeedbackContext>
  );
}

export function useFeedback(): Feedback {
  const feedback = use(FeedbackContext);
  if (feedback === null) throw new Error('useFeedback is used outside FeedbackProvider');
  return feedback;
}
