import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import QRCode from 'qrcode';
import type { CertificateFacts } from '@jijiao/domain';
import { speedUpCffSubsetting } from './cff-subset-speedup';

/** Noto Sans SC (OFL), parsed once: pdfkit embeds only the glyphs a document uses. */
let font: fontkit.Font | undefined;
function loadFont(): fontkit.Font {
  if (font) return font;
  const fontDir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
    '../fonts',
  );
  // One weight only: each embedded font costs a subset per PDF; bold is drawn by stroking.
  font = fontkit.create(
    fs.readFileSync(path.join(fontDir, 'NotoSansHans-Regular.otf')),
  ) as fontkit.Font;
  speedUpCffSubsetting(font);
  return font;
}

export const certificateTitle = '专业科目培训合格证明';

function formatCredits(credits: number): string {
  return credits.toFixed(1);
}

function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y ?? ''}年${String(Number(m))}月${String(Number(d))}日`;
}

/** The QR code as vector squares: sharp at any zoom, and cheaper than an embedded image. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + quiet * 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) {
        doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
      }
    }
  }
  doc.fill('#000000');
}

/**
 * The annual certificate on one A4 page: title, holder, unit, year, credits (by class where
 * the rules have classes), hours equivalence, issuer, issue date, serial and a QR code
 * leading to the public verification page. The holder's ID number is printed masked.
 */
export async function renderCertificatePdf(
  facts: CertificateFacts,
  verifyUrl: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    // No default Helvetica: pdfkit would parse its metrics for every document.
    font: null as unknown as string,
    // A fixed creation date (the issue day, China time) rather than now: the same signed
    // facts give the same bytes (the file ID is a hash of this info), so stored PDFs can be
    // addressed by content and regenerated identically (ADR 0036).
    info: {
      CreationDate: new Date(`${facts.issuedOn}T00:00:00+08:00`),
      Title: `${certificateTitle} ${facts.serial}`,
      Author: facts.issuerName,
      Subject: String(facts.year),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', loadFont() as unknown as string);
  doc.font('regular');
  type TextOptions = PDFKit.Mixins.TextOptions;
  const plain = (
    text: string,
    x: number,
    y: number,
    size: number,
    color: string,
    options: TextOptions = {},
  ) => {
    doc.fontSize(size).fillColor(color).text(text, x, y, options);
  };
  // Bold from the one embedded weight: fill and stroke the outline in the same colour.
  const bold = (
    text: string,
    x: number,
    y: number,
    size: number,
    color: string,
    options: TextOptions = {},
  ) => {
    doc
      .lineWidth(size / 30)
      .strokeColor(color)
      .fontSize(size)
      .fillColor(color);
    doc.text(text, x, y, { ...options, fill: true, stroke: true });
  };
  const width = doc.page.width;
  const height = doc.page.height;

  doc
    .lineWidth(3)
    .strokeColor('#8b1a1a')
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(1)
    .rect(36, 36, width - 72, height - 72)
    .stroke();

  bold(certificateTitle, 0, 110, 30, '#8b1a1a', { width, align: 'center' });
  plain(`${String(facts.year)}年度继续医学教育学分审验`, 0, 158, 12, '#555555', {
    width,
    align: 'center',
  });

  const classes = Object.entries(facts.classCredits).map(([c, v]) => `${c}类 ${formatCredits(v)}`);
  const lines: [string, string][] = [
    ['姓　　名', facts.holderName],
    ['身份证号', facts.holderIdNumberMasked],
    ['工作单位', facts.unitName],
    ['审验年度', `${String(facts.year)}年`],
    [
      '获得学分',
      `${formatCredits(facts.totalCredits)} 学分${classes.length > 0 ? `（${classes.join('，')}）` : ''}`,
    ],
  ];
  if (facts.hoursEquivalent !== null)
    lines.push(['折算学时', `专业科目培训 ${String(facts.hoursEquivalent)} 学时`]);
  let y = 220;
  for (const [label, value] of lines) {
    plain(`${label}：`, 90, y, 14, '#333333', { width: 100 });
    bold(value, 190, y, 14, '#000000', { width: width - 280 });
    y += 34;
  }

  const statement =
    facts.hoursEquivalent !== null
      ? `经审验，该同志${String(facts.year)}年度继续医学教育学分达到规定要求，视为完成${String(facts.hoursEquivalent)}学时专业科目培训，特此证明。`
      : `经审验，该同志${String(facts.year)}年度继续医学教育学分达到规定要求，特此证明。`;
  plain(statement, 90, y + 20, 14, '#000000', { width: width - 180, lineGap: 6 });

  bold(facts.issuerName, width / 2, 620, 15, '#000000', { width: width / 2 - 70, align: 'right' });
  plain(chineseDate(facts.issuedOn), width / 2, 648, 13, '#000000', {
    width: width / 2 - 70,
    align: 'right',
  });

  drawQr(doc, verifyUrl, 80, 600, 120);
  doc.font('regular').fontSize(9).fillColor('#444444');
  doc.text(`证书编号：${facts.serial}`, 80, 728, { width: 300 });
  doc.text(`扫码或访问 ${verifyUrl} 核验`, 80, 742, { width: width - 160 });
  doc.text(`依据规则：${facts.packs.map((p) => `${p.id} ${p.version}`).join('；')}`, 80, 756, {
    width: width - 160,
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
