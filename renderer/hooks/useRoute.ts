import { useEffect, useState } from 'react';
import { formatHash, parseHash, type Route } from '../routing/hash';

export interface RouteState {
  route: Route;
  /**
   * Bumped on every navigation, including to the hash already shown (which
   * fires no hashchange): clicking the outline entry of the current clause
   * must still scroll to it.
   */
  nonce: number;
}

const REROUTE = 'policy-reader:reroute';

export function useRoute(): RouteState {
  const [state, setState] = useState<RouteState>(() => ({ route: parseHash(location.hash), nonce: 0 }));
  useEffect(() => {
    const update = () => setState((s) => ({ route: parseHash(location.hash), nonce: s.nonce + 1 }));
    window.addEventListener('hashchange', update);
    window.addEventListener(REROUTE, update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener(REROUTE, update);
    };
  }, []);
  return state;
}

export function navigate(to: Route | string, opts: { replace?: boolean } = {}): void {
  const hash = typeof to === 'string' ? to : formatHash(to);
  if (hash === location.hash || (hash === '#/' && location.hash === '')) {
    window.dispatchEvent(new Event(REROUTE));
  } else if (opts.replace) {
    history.replaceState(history.state, '', hash);
    window.dispatchEvent(new Event(REROUTE));
  } else {
    location.hash = hash;
  }
}
