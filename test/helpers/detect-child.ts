/**
 * Runs detect() over the texts given as JSON on stdin ({ texts, kind }), writing each text's index
 * before it starts and "done" at the end: a test that must catch a detector that never returns kills
 * this process from outside, which a timer in the test's own thread cannot do while a synchronous
 * loop runs. (A child process rather than a worker thread: tsx's --import hooks do not reach workers on Node 20.)
 */
import { detect } from '../../detectors/index.js';
import type { BlockKind } from '../../core/types.js';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { texts, kind } = JSON.parse(input) as { texts: string[]; kind: BlockKind };
  texts.forEach((text, i) => {
    process.stdout.write(`${i}\n`);
    detect(text, { kind });
  });
  process.stdout.write('done\n');
});
