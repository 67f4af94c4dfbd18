import { z } from 'zod';
import { permissions, roles } from './access-grants';

export * from './access-grants';

export const roleSchema = z.enum(roles);
export const permissionSchema = z.enum(permissions);
