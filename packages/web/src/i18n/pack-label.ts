import type { PackVersion } from '@jijiao/contracts';
// The packs' messages alone: all of zhCN would bring every page's messages with it.
import { policyPacksMessages } from './zh-CN/policy-packs';
import type { Translate } from './use-t';

/** The message keys are the same in every language: Chinese says which exist. */
const has = <K extends string>(tree: Record<K, string>, key: string): key is K => key in tree;

/**
 * A policy pack's name, by its id: never the id itself. A pack newer than this build (no
 * words here) shows the title the server sent when there is one, else a dash.
 */
export function packLabel(t: Translate, pack: { id: string; title?: string }): string {
  return has(policyPacksMessages.policyPack, pack.id)
    ? t(`policyPack.${pack.id}`)
    : (pack.title ?? '—');
}

/** The packs that decided something, by name, in one line. */
export function packsText(t: Translate, packs: readonly PackVersion[]): string {
  return packs.map((pack) => packLabel(t, pack)).join(t('policyRules.listSeparator'));
}

/** A source's citation in the current language, else the document as the pack has it. */
export function sourceLabel(t: Translate, source: { id: string; document: string }): string {
  return has(policyPacksMessages.policySource, source.id)
    ? t(`policySource.${source.id}`)
    : source.document;
}

/** A source's note in the current language, else as the pack has it. */
export function sourceNote(
  t: Translate,
  source: { id: string; note?: string | undefined },
): string | undefined {
  if (source.note === undefined) return undefined;
  return has(policyPacksMessages.policySourceNote, source.id)
    ? t(`policySourceNote.${source.id}`)
    : source.note;
}
