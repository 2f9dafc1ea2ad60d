import { Suspense, useEffect } from 'react';
import { AnnotationsGlobal } from './annotations/AnnotationsGlobal';
import { RestoreDialog } from './annotations/RestoreDialog';
import { startAnnotations } from './annotations/startup';
import { Notices } from './components/Notices';
import { ImportGlobal, ImportProgress } from './import/ImportPanel';
import { SkipLinks } from './components/SkipLinks';
import { Loading } from './components/Status';
import { TopBar } from './components/TopBar';
import { useRoute } from './hooks/useRoute';
import { useSettings } from './hooks/useSettings';
import { ExportFilteredLink, useExportMenu } from './export/ExportLinks';
import { DocRoute } from './screens/DocRoute';
import { LibraryRoute } from './screens/LibraryRoute';
import { NotFoundRoute } from './screens/NotFoundRoute';
import { AnnotationsView, CompareRoute, ExportView } from './screens/lazyRoutes';
import { SearchRoute } from './screens/SearchRoute';

export function App() {
  const { route, nonce } = useRoute();
  const settings = useSettings();
  useExportMenu(route.name === 'doc' ? route.docId : null);
  const { theme, fontSize } = settings.settings;

  useEffect(() => {
    void startAnnotations();
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.setProperty('--reader-font-size', `${fontSize}px`);
  }, [theme, fontSize]);

  return (
    <>
      <SkipLinks route={route} />
      <TopBar route={route} settings={settings} />
      <main id="main">
        <ImportProgress />
        <Suspense fallback={<Loading />}>
          {route.name === 'library' && <LibraryRoute filters={route.filters} />}
          {route.name === 'doc' && <DocRoute key={route.docId} docId={route.docId} unitId={route.unitId} query={route.query} nonce={nonce} />}
          {route.name === 'search' && <SearchRoute query={route.query} state={route.state} />}
          {route.name === 'export' && <ExportView query={route.query} />}
          {route.name === 'annotations' && <AnnotationsView query={route.filter} extraActions={({ filter }) => <ExportFilteredLink filter={filter} />} />}
          {route.name === 'compare' && <CompareRoute key={`${route.a}/${route.b}`} a={route.a} b={route.b} />}
          {route.name === 'not-found' && <NotFoundRoute />}
        </Suspense>
      </main>
      <AnnotationsGlobal />
      <RestoreDialog />
      <ImportGlobal />
      <Notices />
    </>
  );
}
