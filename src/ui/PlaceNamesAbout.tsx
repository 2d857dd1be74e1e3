/**
 * The About page's section on place names (issue 14): where the names of the
 * search and of the map's neighbourhood labels come from, their licences and
 * attributions, and how old the OS names are. Shown when the build has them.
 */
import { FormattedMessage } from 'react-intl';
import type { Msg } from '../config/catalogue/types.ts';
import { namesPaths } from '../data/namesSchema.ts';
import type { Manifest } from '../data/schema.ts';
import { useFormats } from '../i18n/useText.ts';

const MESSAGES = {
  title: { id: 'about.names.title', defaultMessage: 'Place names' },
  intro: {
    id: 'about.names.intro',
    defaultMessage:
      'The search finds places by the names people use, not only by official area names, and the map names neighbourhoods when zoomed in. These names come from two sources.',
  },
  neighbourhoods: {
    id: 'about.names.neighbourhoods',
    defaultMessage:
      '<b>Neighbourhood names</b>: the House of Commons Library’s MSOA Names (version 2.2, November 2022) give each Middle layer Super Output Area (MSOA, 2021) a name people recognise, such as “Huyton Farm” for Knowsley 012. They are not official ONS names. An MSOA groups about four to six LSOAs; choosing one in the search selects its LSOAs. Licence: <a>Open Parliament Licence v3.0</a>.',
  },
  places: {
    id: 'about.names.places',
    defaultMessage:
      '<b>Places</b>: the cities, towns, suburbs, villages and other settlements of Ordnance Survey’s OS Open Names (hamlets are left out to keep the search quick to load). Each is a point: choosing one moves the map there without selecting an area. Licence: <a>Open Government Licence v3.0</a>.',
  },
  vintage: {
    id: 'about.names.vintage',
    defaultMessage:
      'The OS names are from a release of about 2017: places named since then are missing, a few names have since been corrected, and their authorities are those of today’s lookup, not of 2017.',
  },
  attributionTitle: { id: 'about.names.attribution', defaultMessage: 'Attribution' },
  attribution: { id: 'about.names.attributionOf', defaultMessage: '{title} ({licence}): {attribution}' },
} satisfies Record<string, Msg>;

const LICENCES = {
  parliament: 'https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/',
  ogl: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

export function PlaceNamesAbout({ manifest }: { manifest: Manifest }) {
  const f = useFormats();
  if (!manifest.files?.[namesPaths.places]) return null;
  // The attribution texts as their publishers ask (data/sources.json, through the manifest).
  const sources = manifest.sources.filter((source) => source.id === 'msoa_names' || source.id === 'open_names');
  const bold = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;
  return (
    <section aria-labelledby="about-place-names">
      <h3 id="about-place-names">{f.t(MESSAGES.title)}</h3>
      <p>{f.t(MESSAGES.intro)}</p>
      <ul>
        <li>
          <FormattedMessage {...MESSAGES.neighbourhoods} values={{ b: bold, a: (chunks: React.ReactNode[]) => <a href={LICENCES.parliament}>{chunks}</a> }} />
        </li>
        <li>
          <FormattedMessage {...MESSAGES.places} values={{ b: bold, a: (chunks: React.ReactNode[]) => <a href={LICENCES.ogl}>{chunks}</a> }} />
        </li>
      </ul>
      <p>{f.t(MESSAGES.vintage)}</p>
      <h4>{f.t(MESSAGES.attributionTitle)}</h4>
      <ul className="about__sources">
        {sources.map((source) => (
          <li key={source.id}>{f.t(MESSAGES.attribution, { title: source.title, licence: source.licence, attribution: source.attribution })}</li>
        ))}
      </ul>
    </section>
  );
}
