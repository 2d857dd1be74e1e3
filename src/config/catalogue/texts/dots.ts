/** Long texts of the dot-density layer (src/config/catalogue/dots.ts). */
export const DOTS_TEXTS: Record<string, string> = {
  'dots.measure.people.description': 'Usual residents of each broad ethnic group (Census 2021), one dot per person or per N people.',
  'layer.ethnic_dots.about':
    'A dot-density map shows where people live and how groups mix without the averages of a choropleth: each dot is one resident (or N residents, zoomed out), placed at a random point inside their LSOA, so the dots show the mix of each LSOA, not of a street. Counts are the five broad ethnic groups of Census 2021 by LSOA, perturbed slightly by ONS to protect privacy. Colours are the Okabe–Ito palette, made to be told apart with common colour blindness.',
  'layer.ethnic_dots.description':
    'Every usual resident of Census 2021 as a dot inside their LSOA, coloured by broad ethnic group: one dot per person at street zoom, one per N people further out. Dots are placed at random inside the LSOA (the same places on every visit), not at anyone’s home.',
};
