import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { nationalCode } from '../../src/lib/types.ts';
import { readAccounts } from '../../src/accounts/readAccounts.ts';
import { openDatabase } from '../../src/database/openDatabase.ts';
import { runAccounts } from '../../src/accounts/runAccounts.ts';
import { runStaging } from '../../src/staging/runStaging.ts';
import RegionPage from '../../src/routes/[[lang]]/accounts/[region]/+page.svelte';
import { entries, load as loadRegion } from '../../src/routes/[[lang]]/accounts/[region]/+page.server.ts';
import AccountsPage from '../../src/routes/[[lang]]/accounts/+page.svelte';
import { load } from '../../src/routes/[[lang]]/accounts/+page.server.ts';
import { memoryDataDir } from './memoryDataDir.ts';

// Two regions and the nation over 2020-2021, flat 100 亿元 of R&D a year (1,000,000 万元) at flat
// prices: K0 = 100 / (0 + 0.15) = 666.67 for each region, 1,333.33 for the nation (200 亿元);
// 1,000 FTE everywhere, so the nation's stock per FTE is 1,333.33 * 10,000 / 1,000 = 13,333.33 万元.
const flat = (rd: number) => [2020, 2021].map((year) => ({ year, rd, deflator: 100, gdp: rd / 100, fte: 1_000 }));

/** Strips tags (and Svelte's hydration comments) and collapses white space, as a reader sees the text. */
const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the Accounts pages', () => {
  beforeAll(async () => {
    const data = memoryDataDir({ '110000': flat(1_000_000), '120000': flat(1_000_000), [nationalCode]: flat(2_000_000) });
    const db = await openDatabase();
    try {
      await runStaging(db, data);
      const accounts = await readAccounts(db, data, await runAccounts(db, data));
      const path = join(await mkdtemp(join(tmpdir(), 'ipindex-page-')), 'report.json');
      await writeFile(path, JSON.stringify({ sampleData: false, accounts }));
      process.env.IPINDEX_REPORT = path;
    } finally {
      db.close();
    }
  });

  test('the Accounts page shows the national asset account and the regional tables as semantic tables', async () => {
    const data = (await load({ params: {} } as never))!;
    const { body } = render(AccountsPage, { props: { data } as never });
    expect(body.match(/<table/g)).toHaveLength(6);
    expect(body.match(/<caption/g)).toHaveLength(6);
    expect(body.match(/<thead/g)).toHaveLength(6);
    expect(body).toMatch(/<th scope="colgroup" colspan="2" class="group[^"]*">(<!--[^>]*-->)*年份 /);
    // The national opening stock in 亿元, formatted zh-CN with one decimal, in a row headed by its label.
    expect(text(body)).toContain('期初存量 Opening stock 1,333.3 1,333.3');
    expect(body).toMatch(/<th scope="row" class="level-2[^"]*">(<!--[^>]*-->)*固定资本形成总额/);
    expect(text(body)).toContain('单位：亿元 Unit: 100 million yuan');
    // Regions link to their own asset account (outside SvelteKit's prerender, links resolve from
    // the root; the prerendered pages make them relative, which the e2e tests check).
    expect(body).toContain('<a href="/accounts/110000/">地区1</a>');
    expect(text(body)).toContain(
      '每人年R&D资本存量（现价）（万元/人年） Closing stock per R&D FTE, current prices (10,000 yuan per person-year) 13,333.33',
    );
    expect(body).toContain('href="/data/accounts.xlsx"');
    expect(text(body)).toContain('永续盘存法 Kₜ = (1 − d)Kₜ₋₁ + Iₜ');
    // The method's notes are given once, under the national account, not under each of the six tables.
    expect(text(body).split('永续盘存法').length - 1).toBe(1);
  });

  test('each region and the nation has its own page', async () => {
    const units = ['100000', '110000', '120000'];
    expect(await entries()).toEqual([...units.map((region) => ({ lang: '', region })), ...units.map((region) => ({ lang: 'en', region }))]);
    const data = (await loadRegion({ params: { region: '110000' } } as never))!;
    const { body } = render(RegionPage, { props: { data } as never });
    expect(text(body)).toContain('地区1知识产权产品（R&D）资产账户 Region 1: asset account of intellectual property products (R&D)');
    expect(text(body)).toContain('期末存量 Closing stock 666.7 666.7');
    expect(body).toContain('href="/data/accounts/asset_account_110000.csv"');
  });

  test('the English pages put English first and link within /en/', async () => {
    const data = (await load({ params: { lang: 'en' } } as never))!;
    const { body } = render(AccountsPage, { props: { data } as never });
    expect(text(body)).toContain('Opening stock 期初存量 1,333.3 1,333.3');
    expect(text(body)).toContain('Unit: 100 million yuan 单位：亿元');
    expect(body).toContain('<a href="/en/accounts/110000/">Region 1</a>');
    expect(body).toMatch(/<span class="second[^"]*" lang="zh-CN">/);
    const region = (await loadRegion({ params: { lang: 'en', region: '110000' } } as never))!;
    expect(text(render(RegionPage, { props: { data: region } as never }).body)).toContain('Closing stock 期末存量 666.7 666.7');
  });
});
