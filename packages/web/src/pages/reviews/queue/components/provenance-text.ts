import type { Translate } from '../../../../i18n/use-t';

/**
 * Where a credit came from, in words: the file and row of an import or roster, the line of
 * an award batch, the platform's own reference of a push. Internal references (a bulk
 * entry's batch, `self-report`, the demo's) say nothing the channel does not: none.
 */
export function provenanceText(t: Translate, sourceRef: string | null): string {
  if (sourceRef === null) return '';
  const fileRow = /^(.+)#row (\d+)$/.exec(sourceRef);
  if (fileRow)
    return ` · ${t('codes.provenance.fileRow', { file: fileRow[1] ?? '', row: fileRow[2] ?? '' })}`;
  const batchLine = /^batch:[^:]+:line (\d+)$/.exec(sourceRef);
  if (batchLine) return ` · ${t('codes.provenance.batchLine', { line: batchLine[1] ?? '' })}`;
  const platform = /^platform:[^:]+:(.+)$/.exec(sourceRef);
  if (platform) return ` · ${t('codes.provenance.platformRef', { key: platform[1] ?? '' })}`;
  return '';
}
