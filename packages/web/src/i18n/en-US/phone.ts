import type { PhoneMessages } from '../zh-CN/phone';

export const phoneMessages: PhoneMessages = {
  phone: {
    tabs: {
      home: 'Credits',
      report: 'Report',
      records: 'Records',
      certificates: 'Certificates',
      checkin: 'Check-in',
    },
    navigation: 'Main navigation',
    openMenu: 'Menu and account',
    menuTitle: 'Menu',
    creditsValue: '{{credits}} credits',
    camera: 'Take a photo',
  },
};
