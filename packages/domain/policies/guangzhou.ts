/**
 * Guangzhou reads the 2006 split strictly: Class I at least 10 (seed 000, "one needs ten
 * points and the other needs fifteen"). Classes ended with 2024, so the overlay does too.
 */
import type { OverlayPackInput } from '../src/rules/policy-pack';
import { sources } from './sources';

export const guangzhou: OverlayPackInput = {
  id: 'guangzhou',
  version: '1.0.0',
  title: '广州市 继续医学教育学分要求',
  level: 'city',
  code: '440100',
  years: { to: 2024 },
  sources: [sources.seed000, sources.scenarioReadme],
  rules: {
    requirements: {
      classMinimums: {
        I: { credits: 10, source: sources.seed000.id },
        II: { credits: 15, source: sources.seed000.id },
      },
    },
  },
};
