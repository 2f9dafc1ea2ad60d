import { useEffect, useRef, useState } from 'react';
import { acceptRestore, declineRestore, useRestoreOffer } from './startup';

/** The one visible piece of the storage layer: offered at start when the database is empty but a backup is not. */
export function RestoreDialog() {
  const offer = useRestoreOffer();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (offer) first.current?.focus();
  }, [offer]);
  if (!offer) return null;
  const when = new Date(offer.savedAt).toLocaleString('zh-CN');
  return (
    <div className="restore-backdrop">
      <div
        className="restore-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="restore-title"
        aria-describedby="restore-text"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) declineRestore();
        }}
      >
        <h2 id="restore-title">恢复标注？</h2>
        <p id="restore-text">
          本机的标注数据是空的，但找到一份自动备份（{when}，共 {offer.annotations.length} 条标注）。要恢复吗？
        </p>
        {offer.missingFiles ? <p className="restore-missing">{offer.missingFiles}</p> : null}
        <div className="restore-actions">
          <button
            ref={first}
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await acceptRestore();
              setBusy(false);
            }}
          >
            恢复备份
          </button>
          <button type="button" disabled={busy} onClick={declineRestore}>
            暂不恢复
          </button>
        </div>
      </div>
    </div>
  );
}
