/**
 * The built site gets its messages parsed at build time
 * (scripts/vite/compiledMessages.ts). These checks make a bad message fail
 * here rather than in the build or, worse, on screen.
 */
import { parse } from '@formatjs/icu-messageformat-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectMessages } from '../../scripts/i18n/collectMessages.ts';

const { messages, dynamic, conflicts } = collectMessages(join(import.meta.dirname, '..', '..', 'src'));

describe('interface messages', () => {
  it('are collected: hundreds of them, including the catalogue’s', () => {
    expect(messages.size).toBeGreaterThan(200);
    expect(messages.get('layer.imd.label')).toBe('Index of Multiple Deprivation');
    expect(messages.get('layer.ethnic_diversity.label')).toBe('Ethnic diversity');
  });

  it('all have a plain-string id and text outside the catalogue, so the build can compile them', () => {
    expect(dynamic).toEqual([]);
  });

  it('never give one id two texts', () => {
    expect(conflicts).toEqual([]);
  });

  it('are all valid ICU messages', () => {
    const invalid = [...messages].filter(([, text]) => {
      try {
        parse(text);
        return false;
      } catch {
        return true;
      }
    });
    expect(invalid).toEqual([]);
  });
});

describe('the catalogue’s messages', () => {
  it('are plain text, so the built site can show them without a parser', async () => {
    const { catalogueMsgs, ICU_SYNTAX, parsedCatalogueMessages } = await import('../../src/i18n/catalogueMessages.ts');
    const msgs = catalogueMsgs();
    expect(msgs.length).toBeGreaterThan(50);
    expect(msgs.filter((msg) => ICU_SYNTAX.test(msg.defaultMessage)).map((msg) => msg.id)).toEqual([]);
    // Each literal is exactly what the parser makes of the text.
    const parsed = parsedCatalogueMessages();
    for (const msg of msgs) expect(parsed[msg.id], msg.id).toEqual(parse(msg.defaultMessage));
  });
});

describe('the catalogue’s long texts (src/config/catalogue/texts/)', () => {
  it('give every measure’s description, every layer’s description and About text and every release’s blank-value text, as plain text', async () => {
    const { LAYERS } = await import('../../src/config/catalogue/index.ts');
    const { catalogueText } = await import('../../src/config/catalogue/texts/index.ts');
    const { ICU_SYNTAX } = await import('../../src/i18n/catalogueMessages.ts');
    for (const layer of LAYERS) {
      const refs = [
        layer.about,
        layer.description,
        ...layer.releases.flatMap((release) => (release.missing ? [release.missing] : [])),
        ...Object.values(layer.levels).flatMap((level) => level!.measures.map((m) => m.description)),
      ];
      for (const ref of refs) {
        const text = catalogueText(ref);
        expect(text.trim().length, ref.id).toBeGreaterThan(10);
        expect(ICU_SYNTAX.test(text), ref.id).toBe(false);
      }
    }
  });

  it('fail loudly on an id no texts file gives', async () => {
    const { catalogueText } = await import('../../src/config/catalogue/texts/index.ts');
    expect(() => catalogueText({ id: 'layer.nowhere.about' })).toThrow(/no catalogue text "layer.nowhere.about"/);
  });
});
