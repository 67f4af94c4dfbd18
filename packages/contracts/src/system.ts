import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') });

export const appInfoSchema = z.object({
  name: z.literal('jijiao'),
  version: z.string(),
  demo: z.boolean().describe('Demo mode: demo data and demo accounts exist; the UI shows a banner'),
  defaultLocale: z.enum(['zh-CN', 'en-US']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
