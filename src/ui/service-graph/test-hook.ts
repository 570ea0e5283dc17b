import type { MapRenderer } from './map-renderer.ts';

/**
 * What end-to-end tests and benchmarks read from a page with a map: the renderer (and through
 * it the Cytoscape instance) and when the first graph was drawn. Set only under automation
 * (`navigator.webdriver`) or in development.
 */
export interface MapTestHook {
  renderer: MapRenderer;
  /** performance.now() when the first graph was drawn. */
  readyAt?: number;
}

declare global {
  interface Window {
    __traceConsoleMap?: MapTestHook;
  }
}
