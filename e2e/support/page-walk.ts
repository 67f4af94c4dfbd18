import type { Page } from 'playwright-core';

/** One piece of visible text that reads as a code, with why. */
export interface RawValue {
  kind: 'snake_case' | 'camelCase' | 'JSON' | 'English word' | '建设中';
  text: string;
}

/**
 * What a zh-CN page may legitimately show in Latin letters: addresses, file names, the demo
 * accounts' usernames (data people type, not codes), units and a few product names.
 */
const allowedLatin = [
  /https?:\/\/\S+/g,
  // An email address, whole or masked (`s***@example.cn`).
  /\b[\w.*-]+@[\w.-]+\.[a-z]{2,}\b/g,
  /[\w\u4e00-\u9fff-]*\.(?:xlsx|pdf|png|jpe?g|csv|json)\b/gi,
  /\bdemo-[a-z-]+\b/g,
  /\blocalhost\b/g,
  // A directory on the server (where backups are written): an absolute path is data.
  /(?<![\w/])\/(?:[\w.-]+\/)+[\w.-]+/g,
  // The open API's paths, on the page that tells platforms how to push credits.
  /\b(?:GET|POST|PUT|DELETE) \/api\/[\w/.:-]+/g,
  // Random tokens and keys shown once to be copied (a kiosk's device token): 20 or more
  // letters, digits, `-` and `_` with a capital or a digit among them. A `-` inside one
  // would otherwise leave lowercase pieces that read as English words.
  /(?<![\w-])(?=[\w-]*[A-Z0-9])[\w-]{20,}(?![\w-])/g,
  // The last characters of such a token, shown after an ellipsis so that its holder can
  // tell devices apart (`…fswB`): random, so they may read as camelCase or a word.
  /…[\w-]{1,8}(?![\w-])/g,
];

const codePatterns: { kind: RawValue['kind']; pattern: RegExp }[] = [
  { kind: 'JSON', pattern: /[{[]\s*"[^"\n]{1,60}"\s*[:,\]]/g },
  { kind: 'snake_case', pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { kind: 'camelCase', pattern: /\b[a-z]+[0-9]*[A-Z][A-Za-z0-9]*\b/g },
  // A zh-CN screen has no lowercase English words: one there is an enum value
  // (`attendee`, `national`, `self-report`) or an English title that escaped translation.
  { kind: 'English word', pattern: /\b[a-z]{3,}\b/g },
  { kind: '建设中', pattern: /建设中/g },
];

/** The raw codes in a page's visible text (zh-CN), each once. */
export function findRawValues(text: string): RawValue[] {
  const found = new Map<string, RawValue>();
  let rest = text;
  for (const allowed of allowedLatin) rest = rest.replace(allowed, ' ');
  for (const { kind, pattern } of codePatterns) {
    for (const match of rest.matchAll(pattern)) {
      const key = `${kind}:${match[0]}`;
      if (!found.has(key)) found.set(key, { kind, text: context(rest, match.index, match[0]) });
    }
    // A code found once is not reported again as a word of another kind.
    rest = rest.replace(pattern, ' ');
  }
  return [...found.values()];
}

function context(text: string, index: number, match: string): string {
  const before = text.slice(Math.max(0, index - 12), index).replace(/\s+/g, ' ');
  const after = text.slice(index + match.length, index + match.length + 12).replace(/\s+/g, ' ');
  return `${before}⟦${match}⟧${after}`;
}

/**
 * Everything a person reads on the page: the rendered text (innerText skips what is
 * hidden), the placeholders and values of visible inputs, and the page title.
 */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = Array.from(document.querySelectorAll('input, textarea'))
      .filter((e): e is HTMLInputElement | HTMLTextAreaElement => e instanceof HTMLElement)
      .filter((e) => e.offsetParent !== null && e.type !== 'password' && e.type !== 'hidden')
      .flatMap((e) => [e.placeholder, e.value]);
    return [document.title, document.body.innerText, ...fields].join('\n');
  });
}

/**
 * Waits until the page has nothing in flight: no request open, no spinner or skeleton,
 * for a quiet stretch. Requests are counted from `trackRequests`.
 */
export async function settle(page: Page, inFlight: () => number, quietMs = 300): Promise<void> {
  const deadline = Date.now() + 20_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy =
      inFlight() > 0 ||
      (await page.locator('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading').count()) >
        0;
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`${page.url()} still loading after 20 s`);
}

/** Counts the page's open requests (long-lived streams excepted). */
export function trackRequests(page: Page): () => number {
  const open = new Set<unknown>();
  page.on('request', (request) => open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return () => open.size;
}

/**
 * Client-side navigation, as a menu click does: no reload, the session and caches stay.
 * Resolves once the previous page has left the layout (a lazy page renders a moment after
 * its chunk arrives, when nothing is in flight any more).
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  const marked = await page.evaluate((to) => {
    if (`${window.location.pathname}${window.location.search}` === to) return false;
    const previous = document.querySelector('.ant-layout-content')?.firstElementChild;
    previous?.setAttribute('data-walk-previous', '');
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
    return previous !== undefined && previous !== null;
  }, path);
  if (marked) await page.locator('[data-walk-previous]').waitFor({ state: 'detached' });
}

/** The app's links on the page (paths with their query), in document order, each once. */
export function linksOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...new Set(
      Array.from(document.querySelectorAll('a[href^="/"]')).map(
        (a) => a.getAttribute('href') ?? '',
      ),
    ),
  ]);
}
