import fs from 'node:fs';
import type { Command } from 'commander';
import type { Certificate } from '@jijiao/contracts';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';
import { formatTable } from './text-table';

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1990 || year > 2200)
    throw new CliError(`--year: not a year: ${text}`, 2);
  return year;
}

function listLine(c: Certificate) {
  return {
    serial: c.serial,
    year: c.year,
    holder: { name: c.holderName, idNumberMasked: c.holderIdNumberMasked },
    unit: c.unitName,
    credits: c.credits.total,
    revoked: c.revoked,
  };
}

/** `jijiao certificates list|pdf`: the annual certificates, for operators. */
export function registerCertificates(program: Command): void {
  const certificates = program
    .command('certificates')
    .description('Annual certificates (专业科目培训合格证明): list, PDF');

  certificates
    .command('list')
    .description('Certificates of a year: serial, holder (ID masked), unit, credits')
    .requiredOption('--year <year>', 'the audit year', parseYear)
    .option('--json', 'one JSON array on stdout')
    .action((options: { year: number; json?: boolean }) =>
      withCliErrors(() =>
        withSystemActor('jijiao certificates list', async (services, actor) => {
          const lines: ReturnType<typeof listLine>[] = [];
          for await (const c of services.certificates.iterate(actor, { year: options.year }))
            lines.push(listLine(c));
          if (options.json) {
            process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
            return;
          }
          const rows = lines.map((l) => [
            l.serial,
            l.holder.name,
            l.holder.idNumberMasked,
            l.unit,
            l.credits.toFixed(1),
            l.revoked ? '已撤销' : '有效',
          ]);
          process.stdout.write(
            `${formatTable([['证书编号', '姓名', '身份证号', '单位', '学分', '状态'], ...rows])}\n${String(lines.length)} certificate(s)\n`,
          );
        }),
      ),
    );

  certificates
    .command('pdf <serial>')
    .description('Write one certificate as an A4 PDF')
    .requiredOption('--out <file>', 'the PDF file to write')
    .action((serial: string, options: { out: string }) =>
      withCliErrors(() =>
        withSystemActor('jijiao certificates pdf', async (services, actor) => {
          const { serial: canonical, pdf } = await services.certificates.pdf(actor, serial, null);
          await fs.promises.writeFile(options.out, pdf);
          process.stdout.write(`${canonical} → ${options.out} (${String(pdf.length)} bytes)\n`);
        }),
      ),
    );
}
