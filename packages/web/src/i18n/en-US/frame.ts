import type { FrameMessages } from '../zh-CN/frame';

export const frameMessages: FrameMessages = {
  frame: {
    group: {
      review: 'Review',
      projects: 'Projects',
      peopleAndOrgs: 'People and organisations',
      creditEntry: 'Credit entry',
      system: 'System',
    },
    title: {
      personYear: 'Personal credits',
      projectAwards: 'Credit awards',
      awardBatch: 'Award batch',
    },
    breadcrumb: 'You are here',
    list: {
      total: '{{total}} in total',
      shownOfTotal: '{{total}} in total, {{count}} shown',
      shownMore: '{{count}} shown, more to load',
    },
  },
};
