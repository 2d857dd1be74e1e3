/**
 * Rows cut by hand from the real files (../shared/data/lookups and names):
 * five Knowsley MSOAs with their LSOAs, West Northamptonshire 048 (one of
 * whose LSOAs the best-fit lookup puts in Cherwell), a Welsh MSOA, and OS
 * Open Names places of Knowsley (and one of Cornwall, whose LSOA the cut
 * lookup lacks).
 */
import { parseLookup, lsoaAuthorities, type Geography } from '../../../scripts/pipeline/lookup.ts';
import { csvTable } from '../helpers.ts';

export const LOOKUP_HEADER = ['LSOA21CD', 'LSOA21NM', 'WD24CD', 'WD24NM', 'LAD24CD', 'LAD24NM'];
export const LOOKUP_ROWS = `E01006415,Knowsley 003A,E05010935,Cherryfield,E08000011,Knowsley
E01006417,Knowsley 003B,E05010935,Cherryfield,E08000011,Knowsley
E01006436,Knowsley 003C,E05010938,Northwood,E08000011,Knowsley
E01006437,Knowsley 003D,E05010938,Northwood,E08000011,Knowsley
E01006447,Knowsley 003E,E05010938,Northwood,E08000011,Knowsley
E01006449,Knowsley 012A,E05010947,Swanside,E08000011,Knowsley
E01006450,Knowsley 012B,E05010939,Page Moss,E08000011,Knowsley
E01006451,Knowsley 012C,E05010939,Page Moss,E08000011,Knowsley
E01006452,Knowsley 012D,E05010939,Page Moss,E08000011,Knowsley
E01006477,Knowsley 015A,E05010944,St Gabriels,E08000011,Knowsley
E01006478,Knowsley 015B,E05010944,St Gabriels,E08000011,Knowsley
E01006479,Knowsley 015C,E05010944,St Gabriels,E08000011,Knowsley
E01006480,Knowsley 015D,E05010944,St Gabriels,E08000011,Knowsley
E01006481,Knowsley 015E,E05010944,St Gabriels,E08000011,Knowsley
E01006471,Knowsley 016A,E05010942,Roby,E08000011,Knowsley
E01006473,Knowsley 016B,E05010942,Roby,E08000011,Knowsley
E01006474,Knowsley 016C,E05010942,Roby,E08000011,Knowsley
E01006475,Knowsley 016D,E05010942,Roby,E08000011,Knowsley
E01006476,Knowsley 016E,E05010942,Roby,E08000011,Knowsley
E01006420,Knowsley 017A,E05010937,Halewood South,E08000011,Knowsley
E01006424,Knowsley 017B,E05010944,St Gabriels,E08000011,Knowsley
E01006502,Knowsley 017C,E05010948,Whiston and Cronton,E08000011,Knowsley
E01006503,Knowsley 017D,E05010948,Whiston and Cronton,E08000011,Knowsley
E01027291,West Northamptonshire 048A,E05013260,Middleton Cheney,E06000062,West Northamptonshire
E01027292,West Northamptonshire 048B,E05013260,Middleton Cheney,E06000062,West Northamptonshire
E01027293,West Northamptonshire 048C,E05013260,Middleton Cheney,E06000062,West Northamptonshire
E01027304,West Northamptonshire 048D,E05013265,Silverstone,E06000062,West Northamptonshire
E01027305,West Northamptonshire 048E,E05010929,"Cropredy, Sibfords and Wroxton",E07000177,Cherwell`;

/** MSOA-Names-2.2.csv: its header (after the byte-order mark) and rows, as published. */
export const MSOA_CSV = `\ufeffmsoa21cd,msoa21nm,msoa21nmw,msoa21hclnm,msoa21hclnmw,localauthorityname,type
E02001329,Knowsley 003,Knowsley 003,Kirkby South East,,Knowsley,Present in 2011
E02001338,Knowsley 012,Knowsley 012,Huyton Farm,,Knowsley,Present in 2011
E02001341,Knowsley 015,Knowsley 015,Huyton East,,Knowsley,Present in 2011
E02001342,Knowsley 016,Knowsley 016,Huyton West & Roby,,Knowsley,Present in 2011
E02001343,Knowsley 017,Knowsley 017,"Halsnead, Cronton & Halewood East",,Knowsley,Present in 2011
E02005686,West Northamptonshire 048,West Northamptonshire 048,Middleton Cheney & Chipping Warden,,West Northamptonshire,Present in 2011
W02000401,Cardiff 035,Caerdydd 035,Victoria Park,Parc Victoria,Cardiff,Present in 2011
`;

/** os_open_names_populated_places_england.csv: the header and rows as in the shared copy. */
export const OPEN_NAMES_CSV = `ID,NAME1,NAME1_LANG,NAME2,NAME2_LANG,LOCAL_TYPE,GEOMETRY_X,GEOMETRY_Y,MOST_DETAIL_VIEW_RES,LEAST_DETAIL_VIEW_RES,MBR_XMIN,MBR_YMIN,MBR_XMAX,MBR_YMAX,POSTCODE_DISTRICT,POPULATED_PLACE,DISTRICT_BOROUGH,COUNTY_UNITARY,REGION,LONG,LAT,LSOA21CD,LSOA21_MATCH,LAD24CD,LAD24NM
osgb4000000074542877,Huyton with Roby,,,,Other Settlement,344225,390959,37000,60000,340894.694,389092.993,346540.78,394276.689,L36,,Knowsley,,North West,-2.840562,53.412477,E01006474,inside,E08000011,Knowsley
osgb4000000074559949,Tarbock Green,,,,Hamlet,346395.2,387528.31,5000,25000,345870.58,387388.071,346598.504,387993.207,L35,,Knowsley,,North West,-2.807332,53.381869,E01006420,inside,E08000011,Knowsley
osgb4000000074559953,Huyton Park,,,,Suburban Area,344623,390591,6000,25000,343902.336,389964.343,344867.156,390750.158,L36,,Knowsley,,North West,-2.834510,53.409212,E01006475,inside,E08000011,Knowsley
osgb4000000074560725,Huyton,,,,Suburban Area,344509.21,391242.71,17000,25000,343267.276,390282.412,345856.357,392125.904,L36,,Knowsley,,North West,-2.836336,53.415057,E01006481,inside,E08000011,Knowsley
osgb4000000074560933,Huyton Farm,,,,Suburban Area,342582,391583,6000,25000,342444.304,391396.023,343406.601,392023.784,L36,,Knowsley,,North West,-2.865390,53.417909,E01006450,inside,E08000011,Knowsley
osgb4000000074562131,Kirkby,,,,Town,340911,398756,34000,2000000,339003.805,395868.693,344114.918,401114.631,L32,,Knowsley,,North West,-2.891879,53.482190,E01006437,inside,E08000011,Knowsley
osgb4000000074578205,Market Jew,eng,Marazion,eng,Town,151838.97,30605.69,13000,2000000,151292.044,30424.92,153247.641,31439.89,TR17,,,Cornwall,South West,-5.473216,50.123525,E01018990,inside,E06000052,Cornwall
`;

export function fixtureGeography(): { geography: Geography; ladOfLsoa: Int32Array } {
  const rows = LOOKUP_ROWS.split('\n').map((line) => {
    // Only the Cherwell ward's name is quoted.
    const quoted = /"([^"]*)"/.exec(line);
    const cells = line.replace(/"[^"]*"/, 'QUOTED').split(',');
    return cells.map((cell) => (cell === 'QUOTED' ? quoted![1] : cell));
  });
  const geography = parseLookup(csvTable('lsoa21_ward24_lad24_england.csv', LOOKUP_HEADER, rows));
  return { geography, ladOfLsoa: lsoaAuthorities(geography) };
}
