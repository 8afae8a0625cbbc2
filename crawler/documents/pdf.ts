import { getDocumentProxy, extractText, getMeta } from 'unpdf';
import type { TextBlock } from '../../core/types.js';
import { DocumentRejectedError } from '../../core/errors.js';

/** PDF: the text layer of every page (text under a black box is still in it), annotations, and document info. */

export async function extractPdf(bytes: Buffer): Promise<TextBlock[]> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) {
    throw new DocumentRejectedError('broken', 'not a PDF: no %PDF- header', 'the file is damaged or not a PDF; ask the publisher for a fresh copy');
  }
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 } as never);
  } catch (err) {
    const name = (err as Error)?.name ?? '';
    if (/Password/i.test(name)) throw new DocumentRejectedError('encrypted', 'PDF is password-protected; its text cannot be read', 'scan the unprotected original before publication');
    throw new DocumentRejectedError('broken', `PDF could not be parsed: ${(err as Error)?.message ?? err}`, 'the file is damaged; ask the publisher for a fresh copy');
  }
  try {
    const blocks: TextBlock[] = [];
    const { text } = await extractText(pdf, { mergePages: false });
    (text as string[]).forEach((t, i) => {
      const clean = t.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
      if (clean) blocks.push({ text: clean, kind: 'document-text', location: `page ${i + 1}` });
    });
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const annots = (await page.getAnnotations().catch(() => [])) as { contentsObj?: { str?: string }; contents?: string; titleObj?: { str?: string } }[];
      for (const a of annots) {
        const body = a.contentsObj?.str ?? a.contents ?? '';
        if (body.trim()) blocks.push({ text: body.trim(), kind: 'comment', location: `page ${i} annotation` });
        const author = a.titleObj?.str;
        if (author?.trim()) blocks.push({ text: `annotation author: ${author.trim()}`, kind: 'metadata', location: `page ${i} annotation` });
      }
    }
    const meta = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
    for (const field of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      const v = (meta.info as Record<string, unknown>)[field];
      if (typeof v === 'string' && v.trim()) blocks.push({ text: `${field}: ${v.trim()}`, kind: 'metadata', location: `properties ${field}` });
    }
    return blocks;
  } catch (err) {
    if (err instanceof DocumentRejectedError) throw err;
    throw new DocumentRejectedError('broken', `PDF text could not be read: ${(err as Error)?.message ?? err}`, 'the file is damaged; ask the publisher for a fresh copy');
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
