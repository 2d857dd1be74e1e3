import { describe, expect, it } from 'vitest';
import { LATER_LAYERS, LAYERS, layerById, registerLayers } from '../../src/config/catalogue/index.ts';

describe('the later themes of the catalogue', () => {
  it('have stubs that agree with the entries they load: id, theme, group and label', async () => {
    for (const stub of LATER_LAYERS) {
      const entries = await stub.load();
      const entry = entries.find((candidate) => candidate.id === stub.id);
      expect(entry, stub.id).toBeDefined();
      expect({ theme: entry!.theme, group: entry!.group, label: entry!.label }).toEqual({ theme: stub.theme, group: stub.group, label: stub.label });
    }
  });

  it('are registered once each, however often they load', async () => {
    const before = LAYERS.length;
    for (const stub of LATER_LAYERS) registerLayers(await stub.load());
    expect(LAYERS.length).toBe(before);
    for (const stub of LATER_LAYERS) expect(LAYERS.filter((layer) => layer.id === stub.id)).toHaveLength(1);
    expect(layerById(LATER_LAYERS[0].id)).toBeDefined();
  });
});
