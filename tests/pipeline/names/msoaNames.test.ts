import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../scripts/pipeline/csv.ts';
import { inputErrorOf } from '../helpers.ts';
import { parseMsoaNames } from '../../../scripts/pipeline/names/msoaNames.ts';
import { fixtureGeography, MSOA_CSV } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'msoa-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = 'MSOA-Names-2.2.csv';

async function parse(text: string) {
  const path = join(dir, FILE);
  writeFileSync(path, text);
  const { geography, ladOfLsoa } = fixtureGeography();
  return { geography, names: parseMsoaNames(await readCsv(path, FILE), geography, ladOfLsoa, 'the lookup') };
}

const failure = (text: string) => inputErrorOf(() => parse(text));

describe('parseMsoaNames on rows of the published file', () => {
  it('reads past the byte-order mark and joins each MSOA to the LSOAs whose name is its own plus a letter', async () => {
    const { geography, names } = await parse(MSOA_CSV);
    const lsoasOf = (code: string) => names.msoas.find((msoa) => msoa.code === code)!.lsoas.map((lsoa) => geography.lsoa.codes[lsoa]);
    expect(names.msoas.map((msoa) => [msoa.code, msoa.name])).toEqual([
      ['E02001329', 'Kirkby South East'],
      ['E02001338', 'Huyton Farm'],
      ['E02001341', 'Huyton East'],
      ['E02001342', 'Huyton West & Roby'],
      ['E02001343', 'Halsnead, Cronton & Halewood East'],
      ['E02005686', 'Middleton Cheney & Chipping Warden'],
    ]);
    expect(lsoasOf('E02001338')).toEqual(['E01006449', 'E01006450', 'E01006451', 'E01006452']);
    expect(lsoasOf('E02001343')).toEqual(['E01006420', 'E01006424', 'E01006502', 'E01006503']);
    expect(names.skippedWelsh).toEqual(['W02000401']);
  });

  it("takes the authority from the lookup, that of most of the MSOA's LSOAs", async () => {
    const { geography, names } = await parse(MSOA_CSV);
    const authority = (code: string) => geography.lad.names[names.msoas.find((msoa) => msoa.code === code)!.lad];
    expect(authority('E02001338')).toBe('Knowsley');
    // Four of its LSOAs are in West Northamptonshire, one (048E) in Cherwell.
    expect(authority('E02005686')).toBe('West Northamptonshire');
    expect(names.straddling).toEqual(['E02005686 "Middleton Cheney & Chipping Warden" (E01027305 in Cherwell)']);
  });

  it('notes the MSOAs named after a former authority (the 2023 reorganisations), comparing without the ONS "City of"', async () => {
    const renamed = MSOA_CSV.replace('Huyton Farm,,Knowsley,', 'Huyton Farm,,"Knowsley, City of",').replace('Huyton East,,Knowsley,', 'Huyton East,,Allerdale,');
    const { names } = await parse(renamed);
    expect(names.authorityChanged).toEqual(['E02001341 Allerdale → Knowsley']);
  });
});

describe('parseMsoaNames: bad input', () => {
  it('names a missing column', async () => {
    const error = await failure(MSOA_CSV.replace('msoa21hclnm,', 'hclname,'));
    expect(error.message).toBe(`${FILE}, line 1: missing column "msoa21hclnm"\n  The header has: "msoa21cd", "msoa21nm", "msoa21nmw", "hclname", "msoa21hclnmw", "localauthorityname", "type"`);
  });

  it('stops on an MSOA whose ONS name no LSOA has (a file of another geography)', async () => {
    const error = await failure(MSOA_CSV.replace('E02001341,Knowsley 015,', 'E02001341,Knowsley 015X,'));
    expect(error.line).toBe(4);
    expect(error.column).toBe('msoa21nm');
    expect(error.message).toContain('1 English MSOA has an ONS name that no LSOA of the lookup has (LSOA name less its last letter): E02001341 "Knowsley 015X" (line 4)');
  });

  it('stops on LSOAs of the lookup in no MSOA of the file (a truncated file)', async () => {
    const error = await failure(MSOA_CSV.replace(/E02001338,[^\n]*\n/, ''));
    expect(error.message).toContain('4 LSOAs of the lookup are in no MSOA of the file: E01006449 "Knowsley 012A", E01006450 "Knowsley 012B", E01006451 "Knowsley 012C", E01006452 "Knowsley 012D"');
  });

  it('stops on a code given twice, a malformed code and an empty name', async () => {
    const twice = await failure(MSOA_CSV.replace('E02001341,', 'E02001338,'));
    expect([twice.line, twice.problem]).toEqual([4, 'MSOA E02001338 is given twice (first on line 3)']);
    const malformed = await failure(MSOA_CSV.replace('E02001341,', 'E0201341,'));
    expect([malformed.line, malformed.column, malformed.problem]).toEqual([4, 'msoa21cd', '"E0201341" is not an MSOA 2021 code (E02 or W02 and six digits)']);
    const empty = await failure(MSOA_CSV.replace('Huyton East', ''));
    expect([empty.line, empty.column, empty.problem]).toEqual([4, 'msoa21hclnm', 'MSOA E02001341 has no name']);
  });
});
