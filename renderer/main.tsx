// First: the search index starts loading before the rest of the bundle is evaluated (search/start.ts).
import './search/start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLibraryHead } from './data/corpus';
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
