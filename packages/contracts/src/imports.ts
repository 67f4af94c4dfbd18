import { z } from 'zod';

/** One problem of an import file: the row number as the spreadsheet shows it, and the column header. */
export const importIssueSchema = z.object({
  row: z.number().int().describe('1-based, as in the spreadsheet (row 1 holds the headers)'),
  column: z.string().describe('The column header, e.g. 身份证号'),
  message: z.string().describe('e.g. 校验位错误'),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  written: z.boolean().describe('False when any row is invalid: then nothing is written'),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  issues: z.array(importIssueSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;
