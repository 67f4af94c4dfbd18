import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import QRCode from 'qrcode';
import type { CertificateFacts } from '@jijiao/domain';

/** Noto Sans SC (OFL), parsed once: pdfkit embeds only the glyphs a document uses. */
let fonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;
function loadFonts() {
  const fontDir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
    '../fonts',
  );
  fonts ??= {
    regular: fontkit.create(
      fs.readFileSync(path.join(fontDir, 'NotoSansHans-Regular.otf')),
    ) as fontkit.Font,
    bold: fontkit.create(
      fs.readFileSync(path.join(fontDir, 'NotoSansHans-Bold.otf')),
    ) as fontkit.Font,
  };
  return fonts;
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
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: {
      Title: `${certificateTitle} ${facts.serial}`,
      Author: facts.issuerName,
      Subject: `${String(facts.year)}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
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

  doc
    .font('bold')
    .fontSize(30)
    .fillColor('#8b1a1a')
    .text(certificateTitle, 0, 110, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(12)
    .fillColor('#555555')
    .text(`${String(facts.year)}年度继续医学教育学分审验`, 0, 158, { width, align: 'center' });

  const classes = Object.entries(facts.classCredits)
    .filter(([, v]) => v !== undefined)
    .map(([c, v]) => `${c}类 ${formatCredits(v ?? 0)}`);
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
    doc.font('regular').fontSize(14).fillColor('#333333').text(`${label}：`, 90, y, { width: 100 });
    doc
      .font('bold')
      .fontSize(14)
      .fillColor('#000000')
      .text(value, 190, y, { width: width - 280 });
    y += 34;
  }

  const statement =
    facts.hoursEquivalent !== null
      ? `经审验，该同志${String(facts.year)}年度继续医学教育学分达到规定要求，视为完成${String(facts.hoursEquivalent)}学时专业科目培训，特此证明。`
      : `经审验，该同志${String(facts.year)}年度继续医学教育学分达到规定要求，特此证明。`;
  doc
    .font('regular')
    .fontSize(14)
    .fillColor('#000000')
    .text(statement, 90, y + 20, { width: width - 180, lineGap: 6 });

  doc
    .font('bold')
    .fontSize(15)
    .text(facts.issuerName, width / 2, 620, { width: width / 2 - 70, align: 'right' });
  doc
    .font('regular')
    .fontSize(13)
    .text(chineseDate(facts.issuedOn), width / 2, 648, { width: width / 2 - 70, align: 'right' });

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
