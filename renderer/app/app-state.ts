import { useEffect } from 'react';

/**
 * The readiness signal end-to-end tests wait on (never sleeps):
 * `<html data-app-state="setup|login|ready|unavailable">`.
 */
export type AppState = 'loading' | 'setup' | 'login' | 'ready' | 'unavailable';

export function useAppState(state: AppState): void {
  useEffect(() => {
    document.documentElement.dataset.appState = state;
  }, [state]);
}
