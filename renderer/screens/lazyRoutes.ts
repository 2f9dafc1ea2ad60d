/**
 * Views that a session rarely opens first, loaded on first visit so the
 * library's first paint does not parse them: the export (font slicing, the
 * print HTML), the comparison (jsdiff, alignment) and 我的标注 (filters,
 * import/export of annotation files). App.tsx shows them inside <Suspense>.
 */
import { lazy } from 'react';

export const ExportView = lazy(() => import('../export/ExportView').then((m) => ({ default: m.ExportView })));
export const CompareRoute = lazy(() => import('../compare/CompareRoute').then((m) => ({ default: m.CompareRoute })));
export const AnnotationsView = lazy(() => import('../annotations/AnnotationsView').then((m) => ({ default: m.AnnotationsView })));
