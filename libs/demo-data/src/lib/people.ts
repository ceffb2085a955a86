import type { Rng, WeightedEntries } from './random';
import type { Currency } from './types';

/** Name pools by cultural background; countries mix them so every market looks diverse. */
const NAME_POOLS = {
  anglo: {
    first: ['James', 'Olivia', 'Emma', 'Liam', 'Noah', 'Ava', 'Sophia', 'Mason', 'Ethan', 'Chloe', 'Emily', 'Jacob', 'Madison', 'Ryan', 'Hannah', 'Tyler', 'Abigail', 'Nathan', 'Grace', 'Logan', 'Megan', 'Kevin', 'Lauren', 'Brian', 'Rachel', 'Dylan', 'Kayla', 'Connor', 'Brooke', 'Caleb', 'Sarah', 'Michael', 'Jessica', 'Matthew', 'Ashley', 'Andrew', 'Samantha', 'Christopher', 'Elizabeth', 'Benjamin', 'Natalie', 'Jonathan', 'Katie', 'Zachary', 'Heather', 'Justin', 'Allison', 'Austin', 'Molly', 'Cole'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Cook', 'Rogers', 'Reed', 'Bailey', 'Bell', 'Cooper', 'Howard', 'Ward', 'Cox', 'Price', 'Bennett', 'Wood', 'Barnes', 'Ross', 'Henderson', 'Jenkins', 'Perry', 'Powell', 'Long', 'Patterson', 'Fisher', 'Sullivan', 'Hayes', 'Myers', 'Ford', 'Graham', 'Wells', 'Stone', 'Hunt', 'Palmer'],
  },
  hispanic: {
    first: ['Sofía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego', 'Isabella', 'Alejandro', 'Lucía', 'Javier', 'Gabriela', 'Carlos', 'Daniela', 'Luis', 'Mariana', 'Andrés', 'Ximena', 'Miguel', 'Paola', 'Jorge', 'Ana', 'José', 'Fernanda', 'Ricardo', 'Elena', 'Adriana', 'Emilio', 'Marisol', 'Rafael', 'Carmen', 'Héctor', 'Beatriz', 'Pablo', 'Alba', 'Nicolás'],
    last: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Ruiz', 'Álvarez', 'Mendoza', 'Castillo', 'Vargas', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Navarro', 'Molina', 'Delgado', 'Castro', 'Serrano'],
  },
  african_american: {
    first: ['Jamal', 'Aaliyah', 'DeShawn', 'Imani', 'Malik', 'Jasmine', 'Darnell', 'Keisha', 'Andre', 'Tiana', 'Marcus', 'Ebony', 'Terrence', 'Nia', 'Jalen', 'Destiny', 'Tyrone', 'Aisha', 'Xavier', 'Kiara', 'Darius', 'Monique', 'Isaiah', 'Simone'],
    last: ['Washington', 'Jefferson', 'Jackson', 'Robinson', 'Banks', 'Freeman', 'Brooks', 'Coleman', 'Bryant', 'Gaines', 'Wallace', 'Simmons', 'Mack', 'Dorsey', 'Gibson', 'Holmes', 'Lawson', 'Pierce', 'Booker', 'Rivers'],
  },
  east_asian: {
    first: ['Wei', 'Mei', 'Jun', 'Hana', 'Yuki', 'Kenji', 'Min-jun', 'Seo-yeon', 'Ji-woo', 'Hiroshi', 'Xin', 'Haruto', 'Sakura', 'Linh', 'Minh', 'Thao', 'Bao', 'Huong', 'Daniel', 'Grace', 'Kevin', 'Jenny', 'Ming', 'Yan', 'Eun-ji', 'Takeshi', 'Aiko', 'Hyun-woo'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Lin', 'Wu', 'Nguyen', 'Tran', 'Le', 'Pham', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Tanaka', 'Suzuki', 'Sato', 'Watanabe', 'Yamamoto', 'Nakamura', 'Wong', 'Ho', 'Chan', 'Yang', 'Zhou'],
  },
  south_asian: {
    first: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Arjun', 'Isha', 'Vikram', 'Neha', 'Rahul', 'Kavya', 'Aditya', 'Sanjana', 'Ravi', 'Meera', 'Sameer', 'Pooja', 'Farhan', 'Ayesha', 'Nikhil', 'Divya', 'Imran', 'Tanvi', 'Harpreet', 'Sunita'],
    last: ['Patel', 'Shah', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Desai', 'Mehta', 'Chowdhury', 'Khan', 'Malik', 'Bose', 'Kapoor', 'Joshi', 'Verma', 'Das', 'Hussain', 'Ahmed', 'Banerjee', 'Pillai'],
  },
  middle_eastern: {
    first: ['Omar', 'Layla', 'Yusuf', 'Fatima', 'Karim', 'Noor', 'Hassan', 'Amira', 'Tariq', 'Leila', 'Samir', 'Yasmin', 'Zain', 'Rania', 'Khalid', 'Dalia', 'Emre', 'Elif', 'Mehmet', 'Zeynep', 'Can', 'Selin'],
    last: ['Haddad', 'Khoury', 'Nasser', 'Aziz', 'Mansour', 'Hamdan', 'Saleh', 'Farah', 'Rahman', 'Said', 'Abboud', 'Darwish', 'Karam', 'Yılmaz', 'Demir', 'Kaya', 'Öztürk', 'Şahin', 'Aydın', 'Benali', 'El Amrani'],
  },
  west_african: {
    first: ['Chidi', 'Amara', 'Kwame', 'Ngozi', 'Tunde', 'Adaeze', 'Kofi', 'Efua', 'Femi', 'Zainab', 'Emeka', 'Abena', 'Chioma', 'Olumide', 'Moussa', 'Aminata', 'Ibrahima', 'Fatou'],
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Balogun', 'Asante', 'Nwosu', 'Boateng', 'Eze', 'Owusu', 'Adebayo', 'Obi', 'Diallo', 'Traoré', 'Ndiaye', 'Sow'],
  },
  german: {
    first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Leon', 'Laura', 'Maximilian', 'Johanna', 'Paul', 'Katharina', 'Tobias', 'Sophie', 'Moritz', 'Lena', 'Jan', 'Clara', 'Florian', 'Hannah', 'Sebastian', 'Julia', 'Niklas', 'Charlotte'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann'],
  },
  french: {
    first: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Léa', 'Théo', 'Manon', 'Jules', 'Inès', 'Gabriel', 'Juliette', 'Arthur', 'Margaux', 'Raphaël', 'Élodie', 'Antoine', 'Mathilde', 'Baptiste', 'Clémence', 'Lucas', 'Amélie', 'Thomas'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Fournier', 'Girard', 'Bonnet', 'Rousseau', 'Blanc', 'Faure', 'Mercier', 'Lambert', 'Fontaine', 'Chevalier'],
  },
  italian: {
    first: ['Giulia', 'Lorenzo', 'Alessandro', 'Francesca', 'Matteo', 'Chiara', 'Marco', 'Sara', 'Luca', 'Martina', 'Andrea', 'Federica', 'Giorgio', 'Elisa', 'Davide', 'Alessia', 'Simone', 'Valeria'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa', 'Giordano', 'Mancini', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Rinaldi'],
  },
  dutch: {
    first: ['Daan', 'Sanne', 'Bram', 'Fleur', 'Thijs', 'Lotte', 'Joost', 'Femke', 'Ruben', 'Noor', 'Sem', 'Iris', 'Lars', 'Anouk', 'Stijn', 'Maud', 'Pieter', 'Eline'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'Janssens', 'Claes', 'Peeters'],
  },
  irish_british: {
    first: ['Siobhan', 'Ciarán', 'Aoife', 'Niamh', 'Oisín', 'Declan', 'Róisín', 'Cillian', 'Saoirse', 'Eoin', 'Fiona', 'Callum', 'Eilidh', 'Rhys', 'Cerys', 'Alfie', 'Isla', 'Harry', 'Poppy', 'Freddie', 'Amelia', 'Oliver', 'George', 'Jessica', 'Charlotte', 'Jack', 'Imogen', 'Archie', 'Lucy', 'Hamish'],
    last: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', "O'Brien", 'Byrne', 'Ryan', "O'Connor", 'McCarthy', 'Doyle', 'Gallagher', 'Quinn', 'Kennedy', 'MacDonald', 'Campbell', 'Stewart', 'Robertson', 'Evans', 'Davies', 'Jones', 'Hughes', 'Thomas', 'Morgan', 'Price', 'Fraser', 'Reid', 'Ferguson', 'Brennan', 'Lynch', 'Shaw'],
  },
  central_eastern_european: {
    first: ['Jakub', 'Zofia', 'Kacper', 'Julia', 'Mateusz', 'Aleksandra', 'Piotr', 'Natalia', 'Tomasz', 'Agnieszka', 'Andrei', 'Elena', 'Dmitri', 'Irina', 'Luka', 'Petra', 'Marek', 'Katarzyna'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Popescu', 'Ionescu', 'Petrov', 'Ivanova', 'Horvat', 'Novák', 'Dvořák', 'Kovačić', 'Szabó'],
  },
  iberian_portuguese: {
    first: ['João', 'Beatriz', 'Tiago', 'Inês', 'Rafael', 'Mariana', 'Duarte', 'Leonor', 'Gonçalo', 'Matilde'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Almeida', 'Carvalho', 'Sousa'],
  },
  nordic: {
    first: ['Mikko', 'Aino', 'Juha', 'Emilia', 'Erik', 'Astrid', 'Oskar', 'Freja', 'Magnus', 'Ingrid'],
    last: ['Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Lindqvist', 'Johansson', 'Andersen', 'Nilsson', 'Berg', 'Hansen'],
  },
} as const;

type Culture = keyof typeof NAME_POOLS;

interface Place {
  city: string;
  region: string | null;
  /** US area code (unused elsewhere). */
  areaCode?: string;
  /** Sales tax / VAT rate in percent. */
  taxRate: number;
}

interface Market {
  country: string;
  currency: Currency;
  weight: number;
  cultures: WeightedEntries<Culture>;
  places: readonly Place[];
}

const US_PLACES: Place[] = [
  { city: 'New York', region: 'NY', areaCode: '212', taxRate: 8.875 },
  { city: 'Brooklyn', region: 'NY', areaCode: '718', taxRate: 8.875 },
  { city: 'Los Angeles', region: 'CA', areaCode: '213', taxRate: 9.5 },
  { city: 'San Francisco', region: 'CA', areaCode: '415', taxRate: 8.625 },
  { city: 'San Diego', region: 'CA', areaCode: '619', taxRate: 7.75 },
  { city: 'Oakland', region: 'CA', areaCode: '510', taxRate: 10.25 },
  { city: 'Chicago', region: 'IL', areaCode: '312', taxRate: 10.25 },
  { city: 'Houston', region: 'TX', areaCode: '713', taxRate: 8.25 },
  { city: 'Austin', region: 'TX', areaCode: '512', taxRate: 8.25 },
  { city: 'Dallas', region: 'TX', areaCode: '214', taxRate: 8.25 },
  { city: 'Seattle', region: 'WA', areaCode: '206', taxRate: 10.25 },
  { city: 'Portland', region: 'OR', areaCode: '503', taxRate: 0 },
  { city: 'Denver', region: 'CO', areaCode: '303', taxRate: 8.81 },
  { city: 'Phoenix', region: 'AZ', areaCode: '602', taxRate: 8.6 },
  { city: 'Atlanta', region: 'GA', areaCode: '404', taxRate: 8.9 },
  { city: 'Miami', region: 'FL', areaCode: '305', taxRate: 7 },
  { city: 'Orlando', region: 'FL', areaCode: '407', taxRate: 6.5 },
  { city: 'Boston', region: 'MA', areaCode: '617', taxRate: 6.25 },
  { city: 'Philadelphia', region: 'PA', areaCode: '215', taxRate: 8 },
  { city: 'Pittsburgh', region: 'PA', areaCode: '412', taxRate: 7 },
  { city: 'Minneapolis', region: 'MN', areaCode: '612', taxRate: 8.03 },
  { city: 'Nashville', region: 'TN', areaCode: '615', taxRate: 9.25 },
  { city: 'Charlotte', region: 'NC', areaCode: '704', taxRate: 7.25 },
  { city: 'Raleigh', region: 'NC', areaCode: '919', taxRate: 7.25 },
  { city: 'Columbus', region: 'OH', areaCode: '614', taxRate: 7.5 },
  { city: 'Detroit', region: 'MI', areaCode: '313', taxRate: 6 },
  { city: 'Salt Lake City', region: 'UT', areaCode: '801', taxRate: 7.75 },
  { city: 'Kansas City', region: 'MO', areaCode: '816', taxRate: 8.6 },
  { city: 'Madison', region: 'WI', areaCode: '608', taxRate: 5.5 },
  { city: 'Albuquerque', region: 'NM', areaCode: '505', taxRate: 7.6 },
  { city: 'Honolulu', region: 'HI', areaCode: '808', taxRate: 4.7 },
  { city: 'Anchorage', region: 'AK', areaCode: '907', taxRate: 0 },
  { city: 'Wilmington', region: 'DE', areaCode: '302', taxRate: 0 },
  { city: 'Baltimore', region: 'MD', areaCode: '410', taxRate: 6 },
  { city: 'New Orleans', region: 'LA', areaCode: '504', taxRate: 9.45 },
  { city: 'Las Vegas', region: 'NV', areaCode: '702', taxRate: 8.38 },
  { city: 'Richmond', region: 'VA', areaCode: '804', taxRate: 6 },
  { city: 'Burlington', region: 'VT', areaCode: '802', taxRate: 7 },
];

const MARKETS: readonly Market[] = [
  {
    country: 'US',
    currency: 'USD',
    weight: 72,
    cultures: [
      ['anglo', 44], ['hispanic', 18], ['african_american', 11], ['east_asian', 8], ['south_asian', 6],
      ['middle_eastern', 3], ['west_african', 2], ['irish_british', 2], ['central_eastern_european', 2],
      ['italian', 2], ['german', 1], ['french', 1],
    ],
    places: US_PLACES,
  },
  {
    country: 'GB',
    currency: 'GBP',
    weight: 12,
    cultures: [
      ['irish_british', 52], ['anglo', 10], ['south_asian', 14], ['west_african', 6], ['east_asian', 5],
      ['central_eastern_european', 6], ['middle_eastern', 4], ['italian', 2], ['hispanic', 1],
    ],
    places: [
      'London', 'London', 'London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Edinburgh', 'Bristol',
      'Liverpool', 'Cardiff', 'Brighton', 'Belfast', 'Sheffield', 'Nottingham', 'Oxford', 'Cambridge',
      'Newcastle upon Tyne', 'Leicester', 'York',
    ].map((city) => ({ city, region: null, taxRate: 20 })),
  },
  ...(
    [
      ['DE', 5, 19, ['Berlin', 'Munich', 'Hamburg', 'Cologne', 'Frankfurt', 'Stuttgart', 'Leipzig'], 'german', [['middle_eastern', 12], ['central_eastern_european', 8], ['italian', 3]]],
      ['FR', 3, 20, ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Nantes', 'Lille'], 'french', [['middle_eastern', 12], ['west_african', 7], ['iberian_portuguese', 3]]],
      ['NL', 2, 21, ['Amsterdam', 'Rotterdam', 'Utrecht', 'The Hague', 'Eindhoven'], 'dutch', [['middle_eastern', 10], ['anglo', 3], ['east_asian', 3]]],
      ['ES', 1.5, 21, ['Madrid', 'Barcelona', 'Valencia', 'Seville', 'Bilbao', 'Málaga'], 'hispanic', [['middle_eastern', 6], ['central_eastern_european', 4]]],
      ['IT', 1.5, 22, ['Milan', 'Rome', 'Turin', 'Bologna', 'Florence', 'Naples'], 'italian', [['central_eastern_european', 6], ['west_african', 3]]],
      ['IE', 1.2, 23, ['Dublin', 'Cork', 'Galway', 'Limerick'], 'irish_british', [['central_eastern_european', 8], ['south_asian', 4], ['hispanic', 2]]],
      ['BE', 0.8, 21, ['Brussels', 'Antwerp', 'Ghent'], 'dutch', [['french', 35], ['middle_eastern', 10]]],
      ['AT', 0.7, 20, ['Vienna', 'Graz', 'Salzburg'], 'german', [['central_eastern_european', 12], ['middle_eastern', 8]]],
      ['PT', 0.6, 23, ['Lisbon', 'Porto'], 'iberian_portuguese', [['west_african', 6], ['hispanic', 4]]],
      ['FI', 0.4, 25.5, ['Helsinki', 'Espoo', 'Tampere'], 'nordic', [['central_eastern_european', 6]]],
      ['SE', 0.3, 25, ['Stockholm', 'Gothenburg'], 'nordic', [['middle_eastern', 10], ['central_eastern_european', 5]]],
    ] as const
  ).map(
    ([country, weight, taxRate, cities, home, others]): Market => ({
      country,
      currency: 'EUR',
      weight,
      cultures: [[home, 75], ...others],
      places: cities.map((city) => ({ city, region: null, taxRate })),
    }),
  ),
];

export interface Location {
  city: string;
  region: string | null;
  country: string;
  currency: Currency;
  taxRate: number;
  areaCode: string | null;
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

export function pickLocation(rng: Rng): Location & { culture: Culture } {
  const market = rng.weighted(MARKETS.map((m) => [m, m.weight] as const));
  const place = rng.pick(market.places);
  return {
    city: place.city,
    region: place.region,
    country: market.country,
    currency: market.currency,
    taxRate: place.taxRate,
    areaCode: place.areaCode ?? null,
    culture: rng.weighted(market.cultures),
  };
}

export function pickName(rng: Rng, culture: Culture): PersonName {
  const pool = NAME_POOLS[culture];
  // Some second-generation / mixed families: surname from the pool, first name from anywhere.
  const firstPool = rng.chance(0.12) ? NAME_POOLS[rng.pick(Object.keys(NAME_POOLS) as Culture[])] : pool;
  return { firstName: rng.pick(firstPool.first), lastName: rng.pick(pool.last) };
}

/** Lowercase ASCII for email local parts: strips accents, apostrophes and spaces. */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .replace(/ø/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Reserved documentation domains (RFC 2606 / 6761): believable, never deliverable. */
const EMAIL_DOMAINS: WeightedEntries<string> = [
  ['example.com', 40],
  ['example.net', 20],
  ['example.org', 12],
  ['mail.example.com', 10],
  ['inbox.example.net', 8],
  ['post.example.org', 5],
  ['webmail.example', 5],
];

export function makeEmail(rng: Rng, name: PersonName, taken: Set<string>): string {
  const f = asciiSlug(name.firstName) || 'customer';
  const l = asciiSlug(name.lastName) || 'shopper';
  const yy = String(rng.int(60, 105) % 100).padStart(2, '0');
  const patterns = [
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}${l}`,
    `${f}_${l}`,
    `${f}.${l}${yy}`,
    `${f}${l[0]}${rng.int(1, 99)}`,
    `${l}.${f}`,
    `${f}${rng.int(10, 999)}`,
  ];
  const domain = rng.weighted(EMAIL_DOMAINS);
  const base = rng.weighted(patterns.map((p, i) => [p, [30, 14, 10, 6, 12, 8, 6, 6][i] ?? 1] as const));
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@${domain}`;
  taken.add(email);
  return email;
}

const EU_MOBILE: Record<string, { cc: string; prefixes: readonly string[]; rest: number }> = {
  DE: { cc: '49', prefixes: ['151', '152', '160', '170', '176'], rest: 8 },
  FR: { cc: '33', prefixes: ['6', '7'], rest: 8 },
  NL: { cc: '31', prefixes: ['6'], rest: 8 },
  ES: { cc: '34', prefixes: ['6', '7'], rest: 8 },
  IT: { cc: '39', prefixes: ['320', '333', '347', '366'], rest: 7 },
  IE: { cc: '353', prefixes: ['83', '85', '86', '87'], rest: 7 },
  BE: { cc: '32', prefixes: ['470', '475', '486', '496'], rest: 6 },
  AT: { cc: '43', prefixes: ['650', '660', '664', '676'], rest: 7 },
  PT: { cc: '351', prefixes: ['91', '92', '93', '96'], rest: 7 },
  FI: { cc: '358', prefixes: ['40', '44', '50'], rest: 7 },
  SE: { cc: '46', prefixes: ['70', '72', '73', '76'], rest: 7 },
};

/**
 * E.164 number. US numbers use the 555-01xx block and UK numbers the 07700 900xxx block, both
 * reserved for fiction; other countries get plausible mobile formats.
 */
export function makePhone(rng: Rng, loc: Location): string {
  if (loc.country === 'US') return `+1${loc.areaCode ?? '212'}55501${rng.digits(2)}`;
  if (loc.country === 'GB') return `+447700900${rng.digits(3)}`;
  const spec = EU_MOBILE[loc.country];
  if (!spec) return `+1212555${rng.digits(4)}`;
  return `+${spec.cc}${rng.pick(spec.prefixes)}${rng.digits(spec.rest)}`;
}

const STREETS = ['Maple', 'Oak', 'Cedar', 'Elm', 'Pine', 'Lake', 'Hill', 'Park', 'Washington', 'Lincoln', 'Highland', 'Sunset', 'River', 'Church', 'Mill', 'Spring', 'Willow', 'Chestnut', 'Station', 'Victoria'];
const STREET_KINDS_US = ['St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Rd', 'Ct', 'Way'];
const STREET_KINDS_GB = ['Road', 'Street', 'Lane', 'Close', 'Avenue', 'Gardens', 'Crescent'];

/** A plausible street address line for address-change requests. */
export function makeStreetAddress(rng: Rng, country: string): string {
  const street = rng.pick(STREETS);
  if (country === 'US') {
    const line = `${rng.int(12, 9870)} ${street} ${rng.pick(STREET_KINDS_US)}`;
    return rng.chance(0.3) ? `${line}, Apt ${rng.int(1, 24)}${rng.pick(['A', 'B', 'C', ''])}` : line;
  }
  if (country === 'GB' || country === 'IE') return `${rng.int(1, 220)} ${street} ${rng.pick(STREET_KINDS_GB)}`;
  const local: Record<string, string[]> = {
    DE: ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Lindenallee', 'Schillerstraße'],
    AT: ['Hauptstraße', 'Mariahilfer Straße', 'Lindengasse'],
    FR: ['rue de la République', 'avenue Victor Hugo', 'rue des Lilas', 'boulevard Voltaire'],
    BE: ['rue Royale', 'Kerkstraat', 'avenue Louise'],
    NL: ['Kerkstraat', 'Dorpsstraat', 'Prinsengracht', 'Molenweg'],
    ES: ['Calle Mayor', 'Calle del Sol', 'Avenida de la Paz'],
    IT: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Verdi'],
    PT: ['Rua Augusta', 'Avenida da Liberdade', 'Rua das Flores'],
    FI: ['Mannerheimintie', 'Hämeenkatu', 'Aleksanterinkatu'],
    SE: ['Drottninggatan', 'Storgatan', 'Kungsgatan'],
  };
  const names = local[country] ?? ['Main Street'];
  const s = rng.pick(names);
  return country === 'FR' || (country === 'BE' && s.startsWith('r'))
    ? `${rng.int(1, 140)} ${s}`
    : `${s} ${rng.int(1, 140)}`;
}
