import type { Role } from '@jijiao/contracts';
import type { MessageKey } from '../../i18n/message-key';

/** Each role's home has its own name: the menu entry and the page heading share it. */
export const homeLabel = (role: Role): MessageKey => `nav.home.${role}`;
