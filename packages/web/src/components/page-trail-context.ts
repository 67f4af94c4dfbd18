import { createContext } from 'react';
import type { MessageKey } from '../i18n/message-key';

/** One step of a breadcrumb: a group (no page of its own), a list to go back to, the page. */
export interface TrailStep {
  key: string;
  label: MessageKey;
  /** Where the step links; absent for a group and for the page itself. */
  path?: string;
}

/**
 * Where the current page sits, worked out by the layout from the route tree and handed to
 * the page's header (pages do not import the tree that loads them).
 */
export interface CurrentTrail {
  /** group › parent list › this page; the last step is the page. */
  steps: readonly TrailStep[];
  /** The page's own path pattern (a link back to its plain self). */
  path?: string;
}

export const PageTrailContext = createContext<CurrentTrail>({ steps: [] });
