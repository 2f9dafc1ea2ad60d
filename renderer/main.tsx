import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLibraryHead } from './data/corpus';
import { preloadSearch } from './search/client';
import { parseHash } from './routing/hash';
import './styles/base.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/storage.css';

// The library's first screen is read while React starts, not after its first render.
void loadLibraryHead();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Load the search index in the worker while the reader looks at the library, so the first search is instant.
// A page opened on a search (a bookmark, a reload) needs the index first: its loading starts now, with the page,
// not once React has rendered (250 ms later at 10,000 documents, the search panel's first effect).
const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 500));
if (parseHash(location.hash).name === 'search') preloadSearch();
else idle(() => preloadSearch());
