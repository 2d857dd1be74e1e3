/**
 * The dot worker: places the dots of the tiles deck.gl asks for, off the main
 * thread, from the LSOA outlines the map already fetched (the main thread
 * sends the tile bytes from its tile store) and the census counts.
 */
import { DotEngine } from './engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let engine: DotEngine | null = null;

const reply = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    engine = new DotEngine({ codes: message.codes, counts: message.counts, groups: message.groups, bounds: message.bounds, colours: message.colours });
    return;
  }
  if (message.type === 'tiles') {
    for (const tile of message.tiles) engine!.addTile(tile.z, tile.x, tile.y, tile.bytes);
    return;
  }
  try {
    const start = performance.now();
    const needed = engine!.needed(message.z, message.x, message.y);
    if (needed.length) return reply({ type: 'need', id: message.id, tiles: needed });
    const dots = engine!.tileDots(message.z, message.x, message.y);
    reply({ type: 'dots', id: message.id, dots, ms: performance.now() - start }, [dots.positions.buffer, dots.colours.buffer, dots.group.buffer, dots.lsoa.buffer]);
  } catch (error) {
    reply({ type: 'error', id: message.id, message: (error as Error).message });
  }
};
