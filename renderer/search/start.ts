/**
 * Starts the search index loading, imported first by main.tsx so that it runs before React and the app's
 * modules are evaluated: a page opened on a search (a bookmark, a reload) needs the index before anything
 * else, and the worker was created only after the whole bundle had been evaluated (640 ms into a fresh tab at
 * 10,007 documents). Other pages load the index when the page is first idle, while the reader looks at the
 * library, so the first search is instant.
 */
import { preloadSearch } from './client';
import { parseHash } from '../routing/hash';

const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 500));
if (parseHash(location.hash).name === 'search') preloadSearch();
else idle(() => preloadSearch());
