/**
 * The district's ledger and the cross-office chat row of `npm run bench district`: each office gets its
 * own ledger for every year — the seed ledger's metrics with values of its own, in one CSV per office
 * with a 街道 column, read by the real ledger reader — then chat questions that span every office are
 * timed offline (no model), as a district's staff would ask them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerChat } from '../../server/chat/index.ts';
import { parseLedger } from '../../server/figures/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { districtOffices } from '../../test/support/synthetic-reports.ts';
import { p50p95 } from '../latency.ts';
import type { BenchRow } from './rows.ts';
import type { District } from './setup.ts';

/** The seed ledger's rows (metric, unit, note), the template of every office's ledger. */
function seedRows(): string[][] {
  const [, ...lines] = readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv'), 'utf8')
    .trim()
    .split('\n');
  return lines.map((line) => line.split(','));
}

/** One office's ledger for every year of the district, as a CSV with the office in a 街道 column. */
function officeCsv(office: string, index: number, years: number[]): string {
  const lines = ['街道,年度,指标名称,数值,计量单位'];
  for (const year of years) {
    seedRows().forEach(([, metric, value, unit], row) => {
      // Each office and year its own value, so a wrong office's row would show in an answer.
      const own = Math.round(Number(value) * (1 + ((index * 7 + row + year) % 13) / 10) * 100) / 100;
      lines.push([office, year, metric, own, unit].join(','));
    });
  }
  return lines.join('\n');
}

/** Imports every office's ledger; returns the record count. */
async function importLedgers(d: District): Promise<number> {
  const years = Array.from({ length: d.options.years }, (_, i) => d.firstYear + i);
  let records = 0;
  for (let i = 0; i < Math.min(d.options.offices, districtOffices.length); i++) {
    const office = districtOffices[i];
    const csv = new TextEncoder().encode(officeCsv(office, i, years));
    const parsed = await parseLedger(csv, `${office}.csv`);
    records += (await d.store.importLedger(parsed)).added;
  }
  return records;
}

/** Cross-office chat: a ledger comparison of every office and a descriptive question across offices. */
export async function crossOfficeChat(d: District): Promise<BenchRow[]> {
  const records = await importLedgers(d);
  const year = d.firstYear + d.options.years - 1;
  const questions = [
    { kind: 'ledger comparison', text: `各街道${year}年元旦春节帮困救助人次分别是多少?` },
    { kind: 'passages across offices', text: '各街道在为老服务方面做了哪些工作?' },
  ];
  const rows: BenchRow[] = [];
  for (const question of questions) {
    const ask = () => answerChat(d.store, null, { messages: [{ role: 'user', content: question.text }] });
    const first = await ask();
    const times: number[] = [];
    for (let round = 0; round < Math.max(3, d.options.rounds); round++) {
      const started = performance.now();
      await ask();
      times.push(performance.now() - started);
    }
    const offices = new Set([...first.answer.matchAll(/【([^】]+)】/g)].map((m) => m[1])).size;
    rows.push({
      measure: `cross-office chat, ${question.kind} (offline)`,
      before: '— (0.1 had no offices)',
      now: p50p95(times),
      note: `${first.mode} answer naming ${offices} offices, ${first.figures.length} figures, ${first.citations.length} citations; ${records.toLocaleString('en')} ledger rows`,
    });
  }
  return rows;
}
