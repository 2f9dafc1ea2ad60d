import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { DocSummary } from '../../core/corpus/types';
import { DocRow } from './DocRow';

/**
 * From this many rows the list is virtual: only the rows near the window are
 * in the page (a national library of 10,000 documents would otherwise put
 * 10,000 rows in the DOM before the first paint). A smaller list is rendered
 * whole, so the browser's own find and printing see every row.
 */
export const VIRTUAL_FROM = 300;
/** A row's height before it is measured (title on one line, metadata on one). */
const ROW_ESTIMATE = 78;

export function DocList({ docs }: { docs: readonly DocSummary[] }) {
  if (docs.length < VIRTUAL_FROM)
    return (
      <ul className="docs" data-testid="library-list">
        {docs.map((d) => (
          <DocRow key={d.id} doc={d} />
        ))}
      </ul>
    );
  return <VirtualDocList docs={docs} />;
}

function VirtualDocList({ docs }: { docs: readonly DocSummary[] }) {
  const list = useRef<HTMLUListElement>(null);
  // The list scrolls with the window: its rows start this far down the page.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const el = list.current;
    if (el) setMargin(el.getBoundingClientRect().top + window.scrollY);
  }, []);
  const v = useWindowVirtualizer({
    count: docs.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: margin,
    getItemKey: (i) => docs[i].id,
  });
  return (
    <ul className="docs virtual" data-testid="library-list" ref={list} style={{ height: v.getTotalSize(), position: 'relative' }} aria-rowcount={docs.length}>
      {v.getVirtualItems().map((item) => (
        <DocRow
          key={item.key}
          doc={docs[item.index]}
          measure={v.measureElement}
          index={item.index}
          setSize={docs.length}
          style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - margin}px)` }}
        />
      ))}
    </ul>
  );
}
