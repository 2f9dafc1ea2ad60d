import { memo } from 'react';
import type { DiffOp } from '../../core/compare/diff';

/**
 * One side of an aligned pair, from the diff operations: A shows `=` and `-`
 * (deleted text in <del>), B shows `=` and `+` (inserted text in <ins>). Text
 * equal only under the options (width, spacing, numbering) is shown as
 * printed on this side, with a faint mark and a tooltip.
 */
export const DiffText = memo(function DiffText({ ops, side }: { ops: DiffOp[]; side: 'a' | 'b' }) {
  return (
    <>
      {ops.map((op, i) => {
        if (op[0] === '=') {
          const text = side === 'b' && op.length === 3 ? op[2] : op[1];
          return op.length === 3 ? (
            <span key={i} className="cmp-soft" title="仅全半角、空格或编号不同">
              {text}
            </span>
          ) : (
            text
          );
        }
        if (op[0] === '-' && side === 'a')
          return (
            <del key={i}>
              <span className="cmp-sr">［删除：</span>
              {op[1]}
              <span className="cmp-sr">］</span>
            </del>
          );
        if (op[0] === '+' && side === 'b')
          return (
            <ins key={i}>
              <span className="cmp-sr">［新增：</span>
              {op[1]}
              <span className="cmp-sr">］</span>
            </ins>
          );
        return null;
      })}
    </>
  );
});
