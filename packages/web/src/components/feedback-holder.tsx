import { useEffect } from 'react';
import { message, Modal } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalApi } from 'antd/es/modal/useModal';

/** antd's message and modal APIs, as their hooks give them. */
export interface FeedbackApis {
  message: MessageInstance;
  modal: ModalApi;
}

/**
 * antd's message and modal hooks, mounted beside the pages the first time one of them
 * shows a message or asks to confirm (components/feedback.tsx).
 */
export function FeedbackHolder({ onReady }: { onReady: (apis: FeedbackApis) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();
  useEffect(() => {
    onReady({ message: messageApi, modal: modalApi });
  }, [onReady, messageApi, modalApi]);
  return (
    <>
      {messageHolder}
      {modalHolder}
    </>
  );
}
