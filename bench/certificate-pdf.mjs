// `node bench/certificate-pdf.mjs [--count 500] [--workers 1] [--json]`: renders certificate PDFs
// the way the download does (A4, subset CJK font, vector QR code) and prints PDFs per
// second per core. A baseline in the same run renders the same page without Chinese text
// (standard Helvetica, no font subsetting), so the table compares against this machine.
// Numbers, not assertions: tests never check wall-clock times. Target: ≥ 50 PDFs/s/core.
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

function facts(i) {
  return {
    serial: `990000-2025-K3M9Q-XPW${String(i % 10)}T`,
    year: 2025,
    holderName: ['王晓明', '李娜', '欧阳建国'][i % 3],
    holderIdNumberMasked: '4301**********543X',
    unitName: '东湖市江南区人民医院',
    provinceCode: '990000',
    issuerName: '演示省继续医学教育委员会办公室',
    issuedOn: '2026-03-31',
    totalCredits: 25 + (i % 100) / 10,
    classCredits: i % 2 === 0 ? { I: 10, II: 16.5 } : {},
    hoursEquivalent: i % 2 === 0 ? 60 : null,
    packs: [{ id: 'national-2024', version: '1.0.0' }],
  };
}

async function run(count) {
  const { renderCertificatePdf } =
    await import('../packages/server/src/modules/certificates/certificate-pdf.ts');
  const PDFDocument = (await import('pdfkit')).default;
  const url = (i) => `https://cme.example.gov.cn/verify/990000-2025-K3M9Q-XPW${String(i)}T`;
  // Warm-up: font parsing and JIT happen once per process.
  for (let i = 0; i < 20; i++) await renderCertificatePdf(facts(i), url(i));
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) bytes += (await renderCertificatePdf(facts(i), url(i))).length;
  const seconds = (performance.now() - started) / 1000;

  const baselineStarted = performance.now();
  for (let i = 0; i < count; i++) {
    const doc = new PDFDocument({ size: 'A4' });
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.on('data', () => undefined);
    doc.fontSize(30).text('Certificate of CME credits', { align: 'center' });
    for (let line = 0; line < 8; line++) doc.fontSize(14).text(`Line ${String(line)} ${String(i)}`);
    doc.end();
    await done;
  }
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  return { count, seconds, bytes, baselineSeconds };
}

if (isMainThread) {
  const count = option('count', 500);
  const workers = option('workers', 1);
  const results = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { count } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const perCore = results.map((r) => r.count / r.seconds);
  const baseline = results.map((r) => r.count / r.baselineSeconds);
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const averageBytes = results.reduce((a, r) => a + r.bytes, 0) / (count * workers);
  if (args.includes('--json')) {
    console.log(
      JSON.stringify({
        perCore: mean(perCore),
        baselinePerCore: mean(baseline),
        averageKiB: Number((averageBytes / 1024).toFixed(1)),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    process.exit(0);
  }
  console.log(`certificate PDFs on ${os.cpus().length} cores, ${workers} worker(s) × ${count}`);
  console.log('| workload | PDFs/s per core | total PDFs/s | avg size |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| certificate (CJK subset font, QR) | ${mean(perCore).toFixed(1)} | ${perCore.reduce((a, b) => a + b, 0).toFixed(1)} | ${(averageBytes / 1024).toFixed(1)} KiB |`,
  );
  console.log(
    `| baseline (Helvetica, no subset) | ${mean(baseline).toFixed(1)} | ${baseline.reduce((a, b) => a + b, 0).toFixed(1)} | |`,
  );
} else {
  parentPort.postMessage(await run(workerData.count));
}
