import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../src/pdf/pdf.ts';

/**
 * Starts the system Chromium headless for the browser tests. A machine without one fails the
 * tests, saying how to install it: the browser tests are part of the suite, never skipped.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await findChromium();
  if (executablePath === null) {
    throw new Error(
      'the browser tests need Chromium and none was found: install it with `apt-get install chromium` (Debian or Ubuntu; .ci/run does), or set IPINDEX_CHROMIUM to the path of a Chromium or Chrome',
    );
  }
  return chromium.launch({ executablePath, args: chromiumArgs });
}
