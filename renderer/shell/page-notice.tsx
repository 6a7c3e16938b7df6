import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useLocation, type NavigateOptions } from 'react-router';

interface NoticeState {
  notice?: string;
}

/**
 * A save that moves on to another page says so on the page it lands on: the
 * message travels in the navigation's state, so it is not lost with the page
 * it was shown on, and it belongs to that one visit — unlike a floating toast,
 * which went on over the next pages the clerk opened (the 已登记 toast over the
 * search results). Open the page again and it is gone.
 */
export function withNotice(message: string): NavigateOptions {
  return { state: { notice: message } satisfies NoticeState };
}

/** Above every page's content (app shell): the message its navigation carried. */
export function PageNotice() {
  const location = useLocation();
  const notice = (location.state as NoticeState | null)?.notice;
  const [closedKey, setClosedKey] = useState<string | null>(null);
  if (!notice || closedKey === location.key) return null;
  return (
    <Alert color="green" role="status" mb="md" withCloseButton closeButtonLabel="关闭提示" onClose={() => setClosedKey(location.key)} data-testid="page-notice" className="no-print">
      {notice}
    </Alert>
  );
}
