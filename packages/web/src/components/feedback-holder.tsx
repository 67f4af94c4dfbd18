import { useEffect } from 'react';
import { message, Modal } from 'antd';
import type { FeedbackApis } from './feedback';

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
