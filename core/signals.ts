/**
 * The stop convention of every long-running command (`serve`, `sweep`, `demo`): the first SIGINT or
 * SIGTERM asks for a clean stop, a second one means "now". Returns a function that removes the handlers.
 */
export function onStopSignals(firstSignal: (signal: NodeJS.Signals) => void, secondSignal: (signal: NodeJS.Signals) => void): () => void {
  let received = 0;
  const handler = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) secondSignal(signal);
    else firstSignal(signal);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
