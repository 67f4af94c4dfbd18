import type { StatisticsMessages } from '../zh-CN/statistics';

export const statisticsMessages: StatisticsMessages = {
  progress: {
    title: 'Staff progress',
    unit: 'Unit',
    year: 'Year',
    behindOnly: 'Behind only',
    summary: '{{staff}} staff, {{behind}} behind',
    name: 'Name',
    idNumber: 'ID number',
    unitName: 'Unit',
    total: 'Credits',
    shortfall: 'Short',
    unmet: 'Requirements not met',
    pending: 'In review',
    compliant: 'Compliant',
    export: 'Export Excel',
    personTitle: '{{name}}: credits {{year}}',
    back: 'Back to staff progress',
  },
  statistics: {
    title: 'Statistics',
    intro:
      'How many staff of the chosen organisation (and the units below it) meet this year’s requirements, by profession, title grade and unit, lowest rate first. Computed by the rules engine on request.',
    unit: 'Unit',
    year: 'Year',
    staff: 'Staff',
    compliant: 'Compliant',
    rate: 'Compliance rate',
    averageCredits: 'Average credits',
    byProfession: 'By profession',
    byTitleGrade: 'By title grade',
    byUnit: 'By unit',
    profession: 'Profession',
    titleGrade: 'Title grade',
  },
};
