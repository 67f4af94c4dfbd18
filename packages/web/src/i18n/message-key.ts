import type { Messages } from './zh-CN';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted key of the message tree, e.g. `login.username`. */
export type MessageKey = Leaves<Messages>;

/** Every dotted key present in a message tree, sorted; used to compare languages. */
export function listMessageKeys(tree: object, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    if (typeof value === 'string') keys.push(prefix + key);
    else if (typeof value === 'object' && value !== null)
      keys.push(...listMessageKeys(value, `${prefix}${key}.`));
  }
  return keys.sort();
}

/** The message at a dotted key, or undefined. */
export function lookupMessage(tree: object, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
