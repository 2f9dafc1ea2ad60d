/** The annotation hooks live in useAnnotations.ts (the lint rule keeps dexie-react-hooks in use*.ts files); this path stays for existing imports. */
export { useAllAnnotations, useAnnotationTags, useDocAnnotations } from './useAnnotations';
