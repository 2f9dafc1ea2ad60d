import { useEffect } from 'react';
import { subscribeNotices } from './notices';
import { Toast, useToast } from './Toast';

/** Shows app-wide notices (see notices.ts); errors stay up long enough to be read. */
export function Notices() {
  const { toast, show } = useToast(6000);
  useEffect(() => subscribeNotices(show), [show]);
  return <Toast message={toast} testId="notice" />;
}
