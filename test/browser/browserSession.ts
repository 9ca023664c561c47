import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium, pageErrors } from './chromium';
import { assertClientBuilt } from './clientBuild';

export interface BrowserSession {
  /** A fresh desktop-sized page for the current test. */
  readonly page: Page;
}

/**
 * Registers the hooks every browser suite needs: one Chromium per file, a new page per test,
 * and a test that fails when the client threw an uncaught error.
 */
export function useBrowserSession(): BrowserSession {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let errors: Error[] = [];

  beforeAll(async () => {
    assertClientBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    errors = pageErrors(page);
  });
  afterEach(async () => {
    await page?.close();
    expect(errors).toEqual([]);
  });

  return {
    get page() {
      if (!page) throw new Error('The page exists only while a test runs');
      return page;
    },
  };
}
