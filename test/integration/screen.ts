import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const marker = '[jarscope-screenshot] ';
// dist/test/integration -> the repository root; the harness writes under <extension>/test-output.
const screenshotDir = process.env.JARSCOPE_SCREENSHOT_DIR ?? resolve(__dirname, '..', '..', '..', 'test-output', 'screenshots');

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

/**
 * Asks the harness that drives the workbench for a screenshot of what a person sees now, and returns its
 * path and the page's visible text (document.body.innerText).
 */
export async function captureScreen(name: string, settleMs = 800): Promise<{ png: string; text: string }> {
  const safeName = name.replace(/[^\w.-]/g, '_');
  const png = join(screenshotDir, `${safeName}.png`);
  const textFile = join(screenshotDir, `${safeName}.txt`);
  rmSync(textFile, { force: true });
  await delay(settleMs);
  console.log(`${marker}${safeName}`);
  const deadline = Date.now() + 20_000;
  while (!existsSync(textFile)) {
    if (Date.now() > deadline) throw new Error(`the harness did not save screenshot ${safeName}`);
    await delay(100);
  }
  return { png, text: readFileSync(textFile, 'utf8') };
}
