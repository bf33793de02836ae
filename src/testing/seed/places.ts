// The places of the simulated partners: seven European countries, each with the party of a fictional
// CPO, its cities (names with non-ASCII letters: München, Genève, Łódź...), streets, kinds of places,
// directions in the local language, an energy supplier, and the currency and VAT rate its prices use.

/** A city Locations are put in: its name, a postal code and the coordinates of its centre. */
export interface City {
  name: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  state?: string;
}

/** A country of the simulated data, with the fictional CPO that operates there. */
export interface Country {
  code: string;
  partyId: string;
  iso3: string;
  timeZone: string;
  language: string;
  /** ISO 4217 code of the currency prices are in. */
  currency: string;
  /** The VAT rate, in percent. */
  vat: number;
  /** How many units of `currency` a euro buys, roughly: prices are set in euros and converted. */
  perEuro: number;
  /** Whether this CPO's ids are UUIDs; the others use short ids of their own. */
  uuids: boolean;
  operator: string;
  website: string;
  cities: City[];
  streets: string[];
  places: string[];
  directions: string[];
  energy: { supplier: string; product: string };
}

/** The seven countries, in a fixed order (the generators pick from it by index). */
export const COUNTRIES: readonly Country[] = [
  {
    code: 'DE',
    currency: 'EUR',
    vat: 19,
    perEuro: 1,
    partyId: 'LDN',
    iso3: 'DEU',
    timeZone: 'Europe/Berlin',
    uuids: true,
    language: 'de',
    operator: 'Ladenetz Süd GmbH',
    website: 'https://www.ladenetz-sued.de',
    cities: [
      { name: 'Berlin', postalCode: '10115', latitude: 52.52, longitude: 13.405, state: 'Berlin' },
      { name: 'München', postalCode: '80331', latitude: 48.137, longitude: 11.575, state: 'Bayern' },
      { name: 'Köln', postalCode: '50667', latitude: 50.938, longitude: 6.96 },
      { name: 'Düsseldorf', postalCode: '40213', latitude: 51.227, longitude: 6.773 },
      { name: 'Nürnberg', postalCode: '90402', latitude: 49.452, longitude: 11.077, state: 'Bayern' },
      { name: 'Lübeck', postalCode: '23552', latitude: 53.866, longitude: 10.687 },
    ],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schloßallee', 'Müllerstraße', 'Königsallee', 'Am Großmarkt'],
    places: ['Parkhaus Am Markt', 'Tiefgarage Rathaus', 'Autohof', 'Einkaufszentrum', 'P+R Süd', 'Bäckerei'],
    directions: ['Einfahrt über die Rückseite, Ebene -1, neben dem Aufzug.', 'Ladesäulen direkt am Eingang.'],
    energy: { supplier: 'Stadtwerke München', product: 'M-Ökostrom' },
  },
  {
    code: 'NL',
    currency: 'EUR',
    vat: 21,
    perEuro: 1,
    partyId: 'EVB',
    iso3: 'NLD',
    timeZone: 'Europe/Amsterdam',
    uuids: false,
    language: 'nl',
    operator: 'EV-Box Netherlands B.V.',
    website: 'https://www.evbox.example.nl',
    cities: [
      { name: 'Amsterdam', postalCode: '1012 AB', latitude: 52.373, longitude: 4.893 },
      { name: 'Utrecht', postalCode: '3511 CE', latitude: 52.091, longitude: 5.122 },
      { name: "'s-Gravenhage", postalCode: '2511 BT', latitude: 52.078, longitude: 4.288 },
      { name: 'Rotterdam', postalCode: '3011 AD', latitude: 51.922, longitude: 4.479 },
    ],
    streets: ['Keizersgracht', 'Stationsplein', 'Coolsingel', 'Oudegracht', 'Prinsengracht'],
    places: ['Parkeergarage Centrum', 'Albert Heijn', 'P+R Transferium', 'Gemeentehuis', 'Station'],
    directions: ['Ingang via de achterzijde, naast de fietsenstalling.', 'Laadpalen op niveau -2.'],
    energy: { supplier: 'Vattenfall', product: 'Groene Stroom' },
  },
  {
    code: 'FR',
    currency: 'EUR',
    vat: 20,
    perEuro: 1,
    partyId: 'FR1',
    iso3: 'FRA',
    timeZone: 'Europe/Paris',
    uuids: true,
    language: 'fr',
    operator: 'Électricité Mobilité SAS',
    website: 'https://www.electricite-mobilite.example.fr',
    cities: [
      { name: 'Paris', postalCode: '75001', latitude: 48.857, longitude: 2.352, state: 'Île-de-France' },
      { name: 'Lyon', postalCode: '69002', latitude: 45.764, longitude: 4.836 },
      { name: 'Besançon', postalCode: '25000', latitude: 47.238, longitude: 6.024 },
      { name: 'Nîmes', postalCode: '30000', latitude: 43.837, longitude: 4.36 },
      { name: 'Orléans', postalCode: '45000', latitude: 47.903, longitude: 1.909 },
    ],
    streets: [
      'Rue de la Paix',
      'Avenue des Champs-Élysées',
      'Boulevard Saint-Michel',
      "Place de l'Hôtel de Ville",
    ],
    places: ['Parking Hôtel de Ville', 'Centre Commercial', 'Gare SNCF', 'Supermarché', 'Aire de Repos'],
    directions: ["Accès par l'entrée principale, niveau -1, près de l'ascenseur.", 'Bornes à côté du péage.'],
    energy: { supplier: 'Énergie Verte', product: 'Électricité Renouvelable' },
  },
  {
    code: 'CH',
    currency: 'CHF',
    vat: 8.1,
    perEuro: 0.95,
    partyId: 'SWC',
    iso3: 'CHE',
    timeZone: 'Europe/Zurich',
    uuids: false,
    language: 'fr',
    operator: 'Swisscharge AG',
    website: 'https://www.swisscharge.example.ch',
    cities: [
      { name: 'Zürich', postalCode: '8001', latitude: 47.377, longitude: 8.541 },
      { name: 'Genève', postalCode: '1201', latitude: 46.204, longitude: 6.143 },
      { name: 'Bern', postalCode: '3011', latitude: 46.948, longitude: 7.447 },
    ],
    streets: ['Bahnhofstrasse', 'Rue du Rhône', 'Löwenstrasse', 'Spitalgasse'],
    places: ['Parking Migros', 'Coop Pronto', 'Parkhaus Urania', 'Gare Cornavin'],
    directions: ['Entrée par la rue latérale, 2e sous-sol.'],
    energy: { supplier: 'EWZ', product: 'ewz.naturpower' },
  },
  {
    code: 'AT',
    currency: 'EUR',
    vat: 20,
    perEuro: 1,
    partyId: 'ELK',
    iso3: 'AUT',
    timeZone: 'Europe/Vienna',
    uuids: false,
    language: 'de',
    operator: 'Elektro Kärnten GmbH',
    website: 'https://www.elektro-kaernten.example.at',
    cities: [
      { name: 'Wien', postalCode: '1010', latitude: 48.208, longitude: 16.373 },
      { name: 'Graz', postalCode: '8010', latitude: 47.071, longitude: 15.439 },
      { name: 'Klagenfurt am Wörthersee', postalCode: '9020', latitude: 46.624, longitude: 14.308 },
    ],
    streets: ['Mariahilfer Straße', 'Getreidegasse', 'Herrengasse', 'Wörthersee Süduferstraße'],
    places: ['Garage Opernring', 'Hofer', 'Billa Plus', 'Therme'],
    directions: ['Zufahrt über die Tiefgarage, Stellplätze 12 bis 15.'],
    energy: { supplier: 'Kelag', product: 'Ökostrom aus Wasserkraft' },
  },
  {
    code: 'DK',
    currency: 'DKK',
    vat: 25,
    perEuro: 7.46,
    partyId: 'CLV',
    iso3: 'DNK',
    timeZone: 'Europe/Copenhagen',
    uuids: true,
    language: 'da',
    operator: 'Clever A/S',
    website: 'https://www.clever.example.dk',
    cities: [
      { name: 'København', postalCode: '1050', latitude: 55.676, longitude: 12.568 },
      { name: 'Aarhus', postalCode: '8000', latitude: 56.162, longitude: 10.203 },
      { name: 'Odense', postalCode: '5000', latitude: 55.403, longitude: 10.402 },
    ],
    streets: ['Østergade', 'Nørrebrogade', 'Strøget', 'Søndergade'],
    places: ['Føtex', 'P-hus Magasin', 'Rådhuspladsen', 'Netto'],
    directions: ['Indkørsel fra Søndergade, niveau -1.'],
    energy: { supplier: 'Ørsted', product: 'Vindstrøm' },
  },
  {
    code: 'PL',
    currency: 'PLN',
    vat: 23,
    perEuro: 4.3,
    partyId: 'GRL',
    iso3: 'POL',
    timeZone: 'Europe/Warsaw',
    uuids: false,
    language: 'pl',
    operator: 'GreenWay Polska Sp. z o.o.',
    website: 'https://www.greenway.example.pl',
    cities: [
      { name: 'Łódź', postalCode: '90-001', latitude: 51.759, longitude: 19.456 },
      { name: 'Kraków', postalCode: '31-001', latitude: 50.065, longitude: 19.945 },
      { name: 'Gdańsk', postalCode: '80-001', latitude: 54.352, longitude: 18.646 },
    ],
    streets: ['ul. Świętokrzyska', 'ul. Piotrkowska', 'al. Jerozolimskie', 'ul. Długa'],
    places: ['Galeria Łódzka', 'Żabka', 'Parking Dworzec', 'Stacja Orlen'],
    directions: ['Wjazd od ul. Długiej, poziom -1.'],
    energy: { supplier: 'Tauron', product: 'Zielona Energia' },
  },
];
