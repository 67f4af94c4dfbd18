/**
 * Chinese (the default language) is the source of truth for message keys: each area file in
 * `zh-CN/` exports its type, and the same area in `en-US/` must match it exactly, so a missing
 * or extra key fails to compile in the area where it is. Domain words follow docs/glossary
 * (学分, 审核, 单位…).
 */
import { zhCNAdmin } from './zh-CN-admin';
import { zhCNConsole } from './zh-CN-console';
import { zhCNStartup } from './zh-CN-startup';

/**
 * Every Chinese message: the start-up part, the console's and the admin pages' (they share
 * no top-level key).
 */
export const zhCN = { ...zhCNStartup, ...zhCNConsole, ...zhCNAdmin };

/** The shape every language must have: the Chinese tree with string leaves. */
export type Messages = typeof zhCN;
