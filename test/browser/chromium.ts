import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifactsDir = path.resolve(import.meta.dirname, '../../test-artifacts/browser');

// Quiet, loopback-only Chromium: no background traffic to any other address.
const launchFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails (never skips) when the browser is missing: a browser test that cannot run has not passed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; the browser tests cannot run without it.`,
    );
  }
  return chromium.launch({ executablePath, args: launchFlags });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The screen as shown, at desktop and at phone width (`name`.png and `name`-phone.png); the viewport is put back. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize(DESKTOP);
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  if (viewport) await page.setViewportSize(viewport);
}

/** How far the page scrolls sideways; more than 0 at phone width is a layout bug. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Collects uncaught page errors, so a test can assert the client ran cleanly. */
export function pageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}
