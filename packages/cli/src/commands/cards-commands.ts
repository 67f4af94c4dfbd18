import type { Command } from 'commander';
import { cardStatuses, type Card, type CardStatus } from '@jijiao/contracts';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';
import { formatTable } from './text-table';

function parseStatus(text: string): CardStatus {
  const status = cardStatuses.find((s) => s === text);
  if (!status) throw new CliError(`--status: one of ${cardStatuses.join(', ')}; not ${text}`, 2);
  return status;
}

/** A card for operators: the holder masked (name and ID), never the ID in full. */
function listLine(c: Card) {
  return {
    number: c.number,
    status: c.status,
    holder: c.holder
      ? {
          name: c.holder.nameMasked,
          idNumberMasked: c.holder.idNumberMasked,
          unit: c.holder.unitName,
        }
      : null,
    issuer: c.issuerName,
    channel: c.channel,
    boundAt: c.boundAt,
    lostAt: c.lostAt,
    replacesNumber: c.replacesNumber,
  };
}

const statusText: Readonly<Record<CardStatus, string>> = {
  blank: '空白',
  active: '在用',
  lost: '已挂失',
};

/** `jijiao cards list`: IC cards with their holder (masked) and status. */
export function registerCards(program: Command): void {
  const cards = program.command('cards').description('IC cards (学分卡): list');

  cards
    .command('list')
    .description('Card numbers with holder (name and ID masked) and status, by number')
    .option('--status <status>', `only ${cardStatuses.join(' | ')}`, parseStatus)
    .option('--json', 'one JSON array on stdout')
    .action((options: { status?: CardStatus; json?: boolean }) =>
      withCliErrors(() =>
        withSystemActor('jijiao cards list', async (services, actor) => {
          const lines: ReturnType<typeof listLine>[] = [];
          const query = options.status ? { status: options.status } : {};
          for await (const c of services.cards.iterateCards(actor, query)) lines.push(listLine(c));
          if (options.json) {
            process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
            return;
          }
          const rows = lines.map((l) => [
            l.number,
            statusText[l.status],
            l.holder?.name ?? '',
            l.holder?.idNumberMasked ?? '',
            l.holder?.unit ?? '',
            l.issuer,
          ]);
          process.stdout.write(
            `${formatTable([['卡号', '状态', '持卡人', '身份证号', '单位', '发卡机构'], ...rows])}\n${String(lines.length)} card(s)\n`,
          );
        }),
      ),
    );
}
