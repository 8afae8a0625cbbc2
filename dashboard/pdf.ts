import type { Browser } from 'playwright-core';
import type { Logger } from '../core/logger.js';
import { launchBrowser } from '../crawler/browser.js';

/**
 * Prints HTML to PDF through Chromium. One browser is launched on first use and kept until close();
 * each job gets a fresh context that may not touch the network, so a report cannot leak through a fetch.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | undefined;

  constructor(private readonly opts: { logger: Logger; chromiumPath?: string }) {}

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      this.browser = launchBrowser({ chromiumPath: this.opts.chromiumPath, logger: this.opts.logger }).catch((err) => {
        this.browser = undefined;
        throw err;
      });
    }
    return this.browser;
  }

  async print(html: string, opts: { title?: string } = {}): Promise<Buffer> {
    const browser = await this.getBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div style="font-size:8px;width:100%;text-align:center;font-family:sans-serif">OFFICIAL-SENSITIVE</div>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;font-family:sans-serif;display:flex;justify-content:space-between"><span>${(opts.title ?? 'Leakwatch breach report').replace(/[<>&"]/g, '')}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
        margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (pending) await (await pending.catch(() => undefined))?.close();
  }
}
