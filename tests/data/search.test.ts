/**
 * Area search: normalisation of names and queries, and the ranking of hits.
 */
import { describe, expect, it } from 'vitest';
import { normalise, searchAreas, searchEntry, type SearchEntry } from '../../src/data/search.ts';

const codes = (hits: SearchEntry[]) => hits.map((hit) => hit.code);

describe('normalise', () => {
  it.each([
    ['Hartlepool', 'hartlepool'],
    ['Bromley-by-Bow', 'bromley by bow'],
    ['St. Helens', 'st helens'],
    ['Saint Helens', 'st helens'],
    ['Ruyton-XI-Towns', 'ruyton xi towns'],
    ['Saintbury', 'saintbury'], // only the word "Saint" is read as "St"
    ['Ayot Saint Lawrence', 'ayot st lawrence'],
    ['Brighton & Hove', 'brighton and hove'],
    ['Brighton&Hove', 'brighton and hove'],
    ['Café Área', 'cafe area'],
    ['Ynys Môn', 'ynys mon'],
    ['  Newcastle   upon\tTyne  ', 'newcastle upon tyne'],
    ['Kingston upon Hull, City of', 'kingston upon hull city of'],
    ['Durham (County)', 'durham county'],
    ['ﬁeld', 'field'], // the "fi" ligature decomposes
    ['E01000001', 'e01000001'],
    ['—', ''],
  ])('%s → %s', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });

  it('drops apostrophes, straight or curly, so "King\'s" matches "kings"', () => {
    expect(normalise("King's Lynn and West Norfolk")).toBe('kings lynn and west norfolk');
    expect(normalise('St Mary’s')).toBe('st marys');
    expect(normalise('St. Luke‘s')).toBe('st lukes');
  });
});

describe('searchEntry', () => {
  it('keeps the name and parent as given and a normalised key', () => {
    expect(searchEntry('E06000001', 'Hartlepool', 'lad', '')).toEqual({
      code: 'E06000001',
      name: 'Hartlepool',
      level: 'lad',
      parent: '',
      key: ' hartlepool',
    });
  });
});

describe('searchAreas: ranking', () => {
  // Listed in no particular order: the ranking must not depend on it.
  const entries = [
    searchEntry('E01000021', 'Barnhart 002', 'lsoa', 'Lockhart'),
    searchEntry('E05000014', 'Harrow', 'ward', 'Hart'),
    searchEntry('E05000013', 'Lockhart', 'ward', 'Hart'),
    searchEntry('E01000020', 'Upper Hartfield 001', 'lsoa', 'East Hartford'),
    searchEntry('E05000012', 'East Hartford', 'ward', 'Hartlepool'),
    searchEntry('E01000022', 'Hart 001', 'lsoa', 'Hart'),
    searchEntry('E05000011', 'Hartley', 'ward', 'Hart'),
    searchEntry('E05000010', 'Hart', 'ward', 'Hartlepool'),
    searchEntry('E06000001', 'Hartlepool', 'lad', ''),
    searchEntry('E07000089', 'Hart', 'lad', ''),
  ];

  it('orders name matches: exact, prefix, word prefix, substring; authorities, wards, LSOAs within each', () => {
    expect(codes(searchAreas(entries, 'hart'))).toEqual([
      // exact name "Hart": the authority, then the ward
      'E07000089',
      'E05000010',
      // name starts with "hart": Hartlepool (authority), Hartley (ward), Hart 001 (LSOA)
      'E06000001',
      'E05000011',
      'E01000022',
      // a later word starts with "hart": East Hartford (ward), Upper Hartfield 001 (LSOA)
      'E05000012',
      'E01000020',
      // "hart" inside a word: Lockhart (ward), Barnhart 002 (LSOA)
      'E05000013',
      'E01000021',
    ]);
  });

  it('ignores case, accents and punctuation in the query', () => {
    expect(codes(searchAreas(entries, '  HÄRT!  ')).slice(0, 2)).toEqual(['E07000089', 'E05000010']);
    expect(codes(searchAreas(entries, 'east-hart'))).toEqual(['E05000012']);
  });

  it('matches a query of several words across word boundaries', () => {
    expect(codes(searchAreas(entries, 'upper hart'))).toEqual(['E01000020']);
    expect(codes(searchAreas(entries, 'hartfield 0'))).toEqual(['E01000020']);
  });

  it('returns nothing when nothing matches', () => {
    expect(searchAreas(entries, 'zzz')).toEqual([]);
  });

  it('puts an exact code first, then codes that start with the query, then name matches', () => {
    // All wards, so only the kind of match decides. The second code is made
    // up (ten digits) so that one code can start with another.
    const mixed = [
      searchEntry('E05000090', 'XE05000001', 'ward', ''), // name contains the query: 5
      searchEntry('E05000091', 'Old E05000001', 'ward', ''), // a word of the name starts with it: 4
      searchEntry('E05000092', 'E05000001 House', 'ward', ''), // name starts with it: 3
      searchEntry('E05000093', 'E05000001', 'ward', ''), // name is the query: 2
      searchEntry('E050000010', 'Zed', 'ward', ''), // code starts with it: 1
      searchEntry('E05000001', 'Alpha', 'ward', ''), // code is the query: 0
    ];
    expect(codes(searchAreas(mixed, 'E05000001'))).toEqual(['E05000001', 'E050000010', 'E05000093', 'E05000092', 'E05000091', 'E05000090']);
  });

  it('finds codes case-insensitively, exact code alone when nothing else starts with it', () => {
    expect(codes(searchAreas(entries, 'e05000012'))).toEqual(['E05000012']);
    expect(codes(searchAreas(entries, ' E07000089 '))).toEqual(['E07000089']);
  });

  it('lists codes that start with the query by level, then shortest name', () => {
    // E0500001x are wards: Hart (4 letters), Harrow (6), Hartley (7), Lockhart (8), East Hartford (13)
    expect(codes(searchAreas(entries, 'E0500001'))).toEqual(['E05000010', 'E05000014', 'E05000011', 'E05000013', 'E05000012']);
    // E0 takes a code query only with at least two digits; E0 alone is a (non-matching) name query.
    expect(codes(searchAreas(entries, 'E0'))).toEqual([]);
    // A letter and two digits is a code query.
    expect(codes(searchAreas(entries, 'E06'))).toEqual(['E06000001']);
    expect(codes(searchAreas(entries, 'E00'))).toEqual([]);
  });

  it('breaks ties between equal matches at one level by name length, then name, then code', () => {
    const wards = [
      searchEntry('E05000003', 'Hartwell', 'ward', ''),
      searchEntry('E05000002', 'Hartford', 'ward', ''),
      searchEntry('E05000004', 'Hartley', 'ward', ''),
      searchEntry('E05000001', 'Hartford', 'ward', 'elsewhere'),
    ];
    // Hartley (7); Hartford, Hartford, Hartwell (8): Hartford before Hartwell; the two Hartfords by code.
    expect(codes(searchAreas(wards, 'hart'))).toEqual(['E05000004', 'E05000001', 'E05000002', 'E05000003']);
  });

  it('puts authorities before wards before LSOAs whatever the input order', () => {
    const same = [
      searchEntry('E01000001', 'Abbey', 'lsoa', 'Abbey'),
      searchEntry('E05000001', 'Abbey', 'ward', 'Merton'),
      searchEntry('E06000099', 'Abbey', 'lad', ''),
    ];
    expect(codes(searchAreas(same, 'abbey'))).toEqual(['E06000099', 'E05000001', 'E01000001']);
    expect(codes(searchAreas([...same].reverse(), 'abbey'))).toEqual(['E06000099', 'E05000001', 'E01000001']);
  });
});

describe('searchAreas: limits and short queries', () => {
  const many = Array.from({ length: 12 }, (_, i) =>
    searchEntry(`E050000${String(i + 10)}`, `Abbey ${String.fromCharCode(65 + i)}`, 'ward', ''),
  );

  it('returns at most 10 hits by default, the best ones', () => {
    const hits = searchAreas(many, 'abbey');
    expect(hits).toHaveLength(10);
    // All "Abbey X" names have the same length: alphabetical, so A to J.
    expect(hits.map((hit) => hit.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((letter) => `Abbey ${letter}`));
  });

  it('honours a given limit', () => {
    expect(searchAreas(many, 'abbey', 3).map((hit) => hit.name)).toEqual(['Abbey A', 'Abbey B', 'Abbey C']);
    expect(searchAreas(many, 'abbey', 0)).toEqual([]);
  });

  it('gives nothing for a query of fewer than two letters or digits', () => {
    for (const query of ['', ' ', 'a', 'A ', 'é', '.', '-a-', '’']) expect(searchAreas(many, query)).toEqual([]);
  });

  it('answers two letters', () => {
    expect(searchAreas(many, 'ab')).toHaveLength(10);
  });

  it('answers a short code such as E05 (a code query needs a letter and two digits)', () => {
    expect(searchAreas(many, 'E05', 20)).toHaveLength(12);
    expect(searchAreas(many, 'e05', 20)).toHaveLength(12);
  });
});

describe('searchAreas: real-world names', () => {
  const entries = [
    searchEntry('E07000146', "King's Lynn and West Norfolk", 'lad', ''),
    searchEntry('E06000043', 'Brighton and Hove', 'lad', ''),
    searchEntry('E06000022', 'Bath and North East Somerset', 'lad', ''),
    searchEntry('E05000100', 'Abbey', 'ward', 'Barking and Dagenham'),
    searchEntry('E05000200', 'Abbey', 'ward', 'Merton'),
    searchEntry('E05000300', 'St Mary’s', 'ward', 'Southampton'),
    searchEntry('E01000400', 'Café Quarter 001', 'lsoa', 'Abbey'),
  ];

  it('finds names with apostrophes with or without them', () => {
    expect(codes(searchAreas(entries, 'kings lynn'))).toEqual(['E07000146']);
    expect(codes(searchAreas(entries, "king's lynn"))).toEqual(['E07000146']);
    expect(codes(searchAreas(entries, 'st marys'))).toEqual(['E05000300']);
    expect(codes(searchAreas(entries, "St Mary's"))).toEqual(['E05000300']);
  });

  it('treats "&" and "and" alike', () => {
    expect(codes(searchAreas(entries, 'brighton & hove'))).toEqual(['E06000043']);
    expect(codes(searchAreas(entries, 'bath&north'))).toEqual(['E06000022']);
  });

  it('matches without accents', () => {
    expect(codes(searchAreas(entries, 'cafe'))).toEqual(['E01000400']);
    expect(codes(searchAreas(entries, 'CAFÉ QUARTER'))).toEqual(['E01000400']);
  });

  it('keeps wards of the same name apart, with their parent', () => {
    const hits = searchAreas(entries, 'abbey');
    expect(hits.map((hit) => [hit.code, hit.parent])).toEqual([
      ['E05000100', 'Barking and Dagenham'],
      ['E05000200', 'Merton'],
    ]);
  });
});

describe('matchLevel', () => {
  it('tells the whole name, its beginning, the beginning of a later word and anywhere apart', async () => {
    const { matchLevel } = await import('../../src/data/search.ts');
    expect(matchLevel(' huyton', 'huyton')).toBe(0);
    expect(matchLevel(' huyton farm', 'huyton')).toBe(1);
    expect(matchLevel(' east huyton', 'huyton')).toBe(2);
    // The first occurrence is inside a word, a later one begins a word.
    expect(matchLevel(' ahu hu', 'hu')).toBe(2);
    expect(matchLevel(' bhuyton', 'huyton')).toBe(3);
    expect(matchLevel(' kirkby', 'huyton')).toBeUndefined();
    expect(matchLevel(' hu', 'huyton')).toBeUndefined();
  });
});
