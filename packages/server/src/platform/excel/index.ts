export * from './column-spec';
export * from './cell-parsers';
export { normaliseCell } from './cell-value';
export { ImportIssues, describeIssue } from './import-issues';
export {
  readSheet,
  readSheetInChunks,
  defaultReadLimits,
  type ReadLimits,
  type SheetProgress,
  type SheetRead,
  type SheetRow,
} from './read-sheet';
export { writeSheet, writeTemplate, workbookStream, type ExportRow } from './write-sheet';
export { importReportWorkbook } from './report-sheet';
export { finishImport, reportEvenIfInvalid, rowProgress, type ImportCounts } from './import-flow';
export {
  asyncImportQuery,
  importQuerySchema,
  readUploadedFile,
  readUploadedFileNamed,
  sendWorkbook,
  xlsxContentType,
} from './excel-http';
export { checkXlsx, defaultXlsxLimits, type XlsxLimits } from './xlsx-guard';
