export * from './column-spec';
export * from './cell-parsers';
export { normaliseCell } from './cell-value';
export { ImportIssues, describeIssue } from './import-issues';
export {
  readSheet,
  defaultReadLimits,
  type ReadLimits,
  type SheetRead,
  type SheetRow,
} from './read-sheet';
export { writeSheet, writeTemplate, type ExportRow } from './write-sheet';
export { checkXlsx, defaultXlsxLimits, type XlsxLimits } from './xlsx-guard';
