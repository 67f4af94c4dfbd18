import type { RulesMessages } from '../zh-CN/rules';

export const rulesMessages: RulesMessages = {
  rules: {
    title: 'Rules',
    intro:
      'The credit policy packs this system applies (read-only): the national measures by year, then provincial, city and district overlays in that order. Every number names its source.',
    version: 'Version',
    place: 'Place',
    years: 'Years',
    yearsAll: 'All years',
    yearsFrom: 'From {{from}}',
    yearsTo: 'Up to {{to}}',
    yearsRange: '{{from}}–{{to}}',
    sources: 'Sources',
    parameters: 'Parameters',
    levels: {
      national: 'National',
      province: 'Province',
      city: 'City',
      district: 'District',
    },
  },
};
