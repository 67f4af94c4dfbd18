import type { Locator, Page } from 'playwright-core';
import type { Opener } from './role-walk';

/** Waits (up to 20 s) until no table on the page shows its loading spinner. */
async function tablesSettled(page: Page): Promise<void> {
  const spinning = page.locator('.ant-table .ant-spin-spinning');
  for (let waited = 0; waited < 20_000 && (await spinning.count()) > 0; waited += 100)
    await page.waitForTimeout(100);
}

/** Clicks the first of `locator` if the page has one (a list may be empty for a role). */
async function clickFirst(locator: Locator): Promise<boolean> {
  // Counted once the lists have loaded: a row counted while a list refetches may be gone.
  await tablesSettled(locator.page());
  if ((await locator.count()) === 0) return false;
  // A row re-rendered between finding and clicking is detached: find it again, a few times.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await locator.first().click({ timeout: 7_000 });
      return true;
    } catch (error) {
      if (attempt >= 3) {
        // Seen under load in CI (a people list's row actions, counted, then gone for good
        // after a reload): say what the page showed instead, and let the walk go on to the
        // next page rather than lose every page after this one. The page's own text was
        // already read; only this drawer's is not.
        const page = locator.page();
        const text = (
          await page
            .locator('body')
            .innerText()
            .catch(() => '')
        ).slice(0, 600);
        process.stderr.write(
          `opener gave up on ${page.url()}: ${String(error).split('\n')[0]}\nthe page showed: ${text}\n`,
        );
        return false;
      }
      // The last try reloads the page: a list whose background refetch failed under load
      // shows its error in place of the rows, and only a new load brings them back.
      if (attempt === 2) await locator.page().reload();
      await tablesSettled(locator.page());
      await locator
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
    }
  }
}

/** Opens the first row's drawer or dialog and waits for it to show. */
const openFirst =
  (trigger: (page: Page) => Locator, shown = '.ant-drawer-open, .ant-modal-wrap'): Opener =>
  async (page) => {
    if (await clickFirst(trigger(page))) await page.locator(shown).first().waitFor();
  };

/**
 * What the walk opens on a page, by route key, so that drawers, dialogs, tabs and
 * collapsed panels are read too: the review drawer shows every field of an activity, the
 * rules page its packs' parameters, the audit log each entry's details.
 */
export const pageOpeners: Partial<Record<string, Opener>> = {
  // One claim of each activity type waiting: each type shows its own fields.
  reviews: async (page, read) => {
    const table = page.getByTestId('review-queue');
    const headers = await table.locator('thead th').allInnerTexts();
    const typeColumn = headers.findIndex((h) => h.trim() === '活动类型');
    const seen = new Set<string>();
    for (const row of await table.locator('tbody tr.ant-table-row').all()) {
      const type = await row.locator('td').nth(typeColumn).innerText();
      if (seen.has(type)) continue;
      seen.add(type);
      await row.getByTestId('queue-open').click();
      const drawer = page.getByTestId('claim-drawer');
      await drawer.locator('.ant-descriptions').waitFor();
      await read();
      await page.locator('.ant-drawer-open .ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
    }
  },
  rules: async (page) => {
    for (const header of await page.locator('.ant-collapse-header').all()) await header.click();
  },
  'audit-log': async (page) => {
    const collapsed = page.locator('.ant-table-row-expand-icon-collapsed');
    for (const icon of (await collapsed.all()).slice(0, 5)) await icon.click();
  },
  people: openFirst((page) => page.getByRole('button', { name: '单位履历' })),
  projects: openFirst((page) => page.locator('.ant-table-row a').first()),
  orgs: openFirst((page) => page.getByRole('button', { name: '审核链' })),
  cards: openFirst((page) => page.locator('.ant-table-row a').first()),
};
