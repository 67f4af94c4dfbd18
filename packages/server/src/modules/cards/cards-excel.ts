import type { Readable } from 'node:stream';
import type { ImportReport } from '@jijiao/contracts';
import { isCardNumber, normaliseCardNumber } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import type { Config } from '../../platform/config/config';
import {
  column,
  fail,
  finishImport,
  ok,
  readSheet,
  workbookStream,
  writeTemplate,
  type CellInput,
} from '../../platform/excel';
import type { CardsService } from './cards.service';

/** A card number cell: digits may arrive as a number cell (up to 15 digits are exact). */
function cardNumberCell(cell: CellInput) {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0 || cell >= 1e15)
      return fail('卡号在表格中被存为数字且位数过长；请将该列设置为“文本”格式');
    cell = String(cell);
  }
  if (typeof cell !== 'string') return fail('应为文字');
  const value = normaliseCardNumber(cell);
  return isCardNumber(value) ? ok(value) : fail('卡号应为 6 到 20 位数字或大写字母');
}

export function cardStockColumns() {
  return {
    number: column({
      header: '卡号',
      required: true,
      parse: cardNumberCell,
      isText: true,
      width: 24,
      note: '空白卡的卡号，每行一个；卡号永不重复使用',
    }),
  };
}

const sheetName = '空白卡';

export function cardStockTemplate(): Readable {
  return workbookStream((stream) =>
    writeTemplate(cardStockColumns(), stream, {
      sheetName,
      notes: ['导入一批到货的空白学分卡卡号，归入所选卫生健康局的库存。全部行无误才写入。'],
    }),
  );
}

interface CardsExcelDeps {
  cards: Pick<CardsService, 'importBlank'>;
  config: Pick<Config, 'imports'>;
}

/** Blank card numbers from xlsx: every row checked, then all written or none. */
export class CardsExcel {
  readonly #deps: CardsExcelDeps;

  constructor(deps: CardsExcelDeps) {
    this.#deps = deps;
  }

  template(): Readable {
    return cardStockTemplate();
  }

  async import(
    actor: Actor,
    file: Buffer,
    options: { dryRun: boolean; issuerId?: string | undefined },
    ip: string,
  ): Promise<ImportReport> {
    const read = await readSheet(file, cardStockColumns(), {
      maxBytes: this.#deps.config.imports.maxBytes,
    });
    const firstRowOf = new Map<string, number>();
    const numbers: string[] = [];
    const rowNumbers: number[] = [];
    for (const { row, values } of read.rows) {
      const first = firstRowOf.get(values.number);
      if (first !== undefined) {
        read.issues.add(row, '卡号', `与第 ${first} 行重复`);
        continue;
      }
      firstRowOf.set(values.number, row);
      numbers.push(values.number);
      rowNumbers.push(row);
    }
    return finishImport({
      rowCount: read.rowCount,
      issues: read.issues,
      hasRecords: numbers.length > 0,
      dryRun: options.dryRun,
      write: (dryRun) =>
        this.#deps.cards.importBlank(actor, numbers, {
          issuerId: options.issuerId,
          dryRun,
          rowNumbers,
          ip,
        }),
    });
  }
}
