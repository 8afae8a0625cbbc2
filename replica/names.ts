/**
 * Hand-written name and place lists. All people are synthetic; combinations are generated
 * from a seed. Lists exist to give diversity that a faker locale alone does not.
 */
export type Gender = 'f' | 'm';
export interface NameSet {
  label: string;
  first: { f: string[]; m: string[] };
  /** Surnames; for Polish a [male, female] pair. */
  last: (string | [string, string])[];
}

export const NAME_SETS: NameSet[] = [
  {
    label: 'south-asian',
    first: {
      f: ['Priya', 'Aisha', 'Farah', 'Sunita', 'Harpreet', 'Zainab', 'Deepa', 'Nadia', 'Shabnam', 'Ravinder', 'Anjali', 'Samina'],
      m: ['Arjun', 'Sanjay', 'Imran', 'Rajesh', 'Gurpreet', 'Mohammed', 'Anil', 'Tariq', 'Vikram', 'Hamza', 'Rohan', 'Bilal'],
    },
    last: ['Patel', 'Shah', 'Khan', 'Hussain', 'Begum', 'Singh', 'Kaur', 'Chaudhry', 'Akhtar', 'Iqbal', 'Mistry', 'Sharma', 'Ahmed', 'Rahman', 'Malik', 'Gill', 'Sandhu', 'Bhatti'],
  },
  {
    label: 'polish',
    first: {
      f: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Marta', 'Ewa', 'Joanna', 'Zofia', 'Małgorzata'],
      m: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Łukasz', 'Marek', 'Jakub', 'Wojciech'],
    },
    last: [['Kowalski', 'Kowalska'], ['Nowak', 'Nowak'], ['Wiśniewski', 'Wiśniewska'], ['Wójcik', 'Wójcik'], ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Szymański', 'Szymańska'], ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska']],
  },
  {
    label: 'west-african',
    first: {
      f: ['Adaeze', 'Oluwaseun', 'Folasade', 'Ama', 'Abena', 'Ngozi', 'Yetunde', 'Fatou', 'Chiamaka', 'Efua'],
      m: ['Chinedu', 'Kwame', 'Kofi', 'Emeka', 'Tunde', 'Ibrahim', 'Oladipo', 'Yaw', 'Obinna', 'Kwabena'],
    },
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Asante', 'Adebayo', 'Nwosu', 'Owusu', 'Oyelaran', 'Diallo', 'Eze', 'Acheampong', 'Oduya'],
  },
  {
    label: 'irish',
    first: {
      f: ['Siobhan', 'Niamh', 'Aoife', 'Roisin', 'Sinead', 'Orla', 'Grainne', 'Caoimhe'],
      m: ['Ciaran', 'Padraig', 'Declan', 'Eoin', 'Cathal', 'Seamus', 'Donal', 'Oisin'],
    },
    last: ["O'Neill", "O'Sullivan", 'McCarthy', 'Byrne', 'Gallagher', "O'Brien", 'Doherty', 'Kavanagh', 'McLaughlin', "O'Donnell", 'Fitzgerald', "O'Connor", 'MacMahon'],
  },
  {
    label: 'chinese-heritage',
    first: {
      f: ['Mei', 'Xin', 'Hui', 'Yan', 'Ling', 'Jing', 'Xiaoling', 'Wai Man'],
      m: ['Wei', 'Jun', 'Ming', 'Kai', 'Hao', 'Zhi', 'Ka Wai', 'Tao'],
    },
    last: ['Chen', 'Wong', 'Li', 'Zhang', 'Liu', 'Cheung', 'Lam', 'Ng', 'Huang', 'Yip', 'Chan', 'Tang'],
  },
  {
    label: 'hyphenated',
    first: {
      f: ['Charlotte', 'Jessica', 'Rebecca', 'Amelia', 'Hannah', 'Lauren'],
      m: ['Oliver', 'Callum', 'Harrison', 'Jamie', 'Reece', 'Toby'],
    },
    last: ['Smith-Jones', 'Taylor-Okoro', 'Harris-Patel', 'Bennett-Clarke', 'Lloyd-Williams', 'Ashby-Green', 'Morgan-Davies', 'Hughes-Mensah'],
  },
  {
    label: 'turkish-cypriot',
    first: { f: ['Ayse', 'Elif', 'Zeynep', 'Emine'], m: ['Mehmet', 'Hasan', 'Mustafa', 'Huseyin'] },
    last: ['Yilmaz', 'Demir', 'Kaya', 'Ozturk', 'Celik'],
  },
  {
    label: 'greek-cypriot',
    first: { f: ['Eleni', 'Despina', 'Maria', 'Androulla'], m: ['Andreas', 'Christos', 'Georgios', 'Costas'] },
    last: ['Georgiou', 'Christodoulou', 'Ioannou', 'Papadopoulos', 'Constantinou'],
  },
  {
    label: 'caribbean-heritage',
    first: { f: ['Marcia', 'Simone', 'Claudette', 'Tanisha', 'Jasmine'], m: ['Delroy', 'Marcus', 'Winston', 'Leroy', 'Tyrone'] },
    last: ['Campbell', 'Francis', 'Thompson', 'Grant', 'Brown', 'Clarke', 'Henry', 'Morrison'],
  },
  {
    label: 'romanian',
    first: { f: ['Ioana', 'Andreea', 'Elena'], m: ['Andrei', 'Mihai', 'Florin'] },
    last: ['Popescu', 'Ionescu', 'Stan', 'Dumitru'],
  },
  {
    label: 'lithuanian',
    first: { f: ['Ruta', 'Egle', 'Ieva'], m: ['Tomas', 'Mantas', 'Darius'] },
    last: [['Kazlauskas', 'Kazlauskienė'], ['Petrauskas', 'Petrauskienė'], ['Jankauskas', 'Jankauskaitė']],
  },
];

export function surnameFor(last: string | [string, string], g: Gender): string {
  return typeof last === 'string' ? last : g === 'm' ? last[0] : last[1];
}

export const TITLES: Record<Gender, string[]> = { f: ['Mrs', 'Ms', 'Miss', 'Ms', 'Mrs'], m: ['Mr', 'Mr', 'Mr'] };

export const STREET_STEMS = [
  'Ringlet', 'Admiral', 'Peacock', 'Pheasant', 'Dorset', 'Swallow', 'Kestrel', 'Falcon', 'Heron', 'Kingfisher',
  'Oak', 'Beech', 'Hawthorn', 'Willow', 'Cedar', 'Rowan', 'Hornbeam', 'Juniper', 'Laurel', 'Maple', 'Elm', 'Ash',
  'Church', 'Mill', 'Park', 'Queens', 'Kings', 'Victoria', 'Albert', 'Windmill', 'Orchard', 'Meadow', 'Brook',
  'Bancroft', 'Walsworth', 'Bedford', 'Grange', 'Nightingale', 'Fairfield', 'Chiltern', 'Lea', 'Colne', 'Ver', 'Gade',
  'Bulbourne', 'Mimram', 'Beane', 'Rib', 'Highfield', 'Longmeadow', 'Pondcroft', 'Shephall', 'Chells',
  'Symonds', 'Leys', 'Bishops', 'Abbey', 'Priory', 'Cotterells', 'Marlowes', 'Waterhouse', 'Fishpool',
  'Verulam', 'Holywell', 'Cassio', 'Whippendell', 'Harebreaks', 'Garston', 'Oxhey', 'Carpenders', 'Bushey Mill',
  'Theobalds', 'Turners Hill', 'Flamstead End', 'Rye', 'Amwell', 'Fanshawe', 'Hoe', 'Chauncy', 'Ermine', 'Icknield',
  'Melbourn', 'Kneesworth', 'Pixmore', 'Norton', 'Wilbury', 'Jackmans', 'Tudor', 'Stuart', 'Hanover', 'Coronation',
];
export const STREET_TYPES = ['Road', 'Road', 'Road', 'Close', 'Close', 'Avenue', 'Way', 'Court', 'Lane', 'Drive', 'Crescent', 'Gardens', 'Walk', 'Place', 'Grove', 'Mews', 'Rise', 'Green', 'Street'];

/** Postcode inward-code letters never include C I K M O V. */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** personal: the nature can be 'of' a person ("ongoing harassment of Mrs X"). */
export const NATURES: { short: string; long: string; personal?: boolean }[] = [
  { short: 'noise nuisance', long: 'repeated noise nuisance late at night' },
  { personal: true, short: 'harassment', long: 'harassment and repeated unwanted contact' },
  { short: 'criminal damage', long: 'criminal damage to a vehicle and front door' },
  { short: 'drug dealing', long: 'suspected drug dealing from the address' },
  { personal: true, short: 'verbal abuse', long: 'verbal abuse in the street and communal areas' },
  { personal: true, short: 'intimidation', long: 'intimidation of neighbours and their children' },
  { personal: true, short: 'racially aggravated abuse', long: 'racially aggravated verbal abuse' },
  { personal: true, short: 'threatening behaviour', long: 'threatening behaviour with a dog' },
  { short: 'vehicle nuisance', long: 'nuisance vehicles and off-road bikes' },
  { short: 'neighbour dispute', long: 'long-running neighbour dispute over a boundary fence' },
  { short: 'fly-tipping', long: 'fly-tipping in the rear service road' },
  { short: 'youth ASB', long: 'groups of youths causing alarm and distress' },
  { short: 'cuckooing', long: 'suspected cuckooing of a vulnerable resident' },
  { short: 'street drinking', long: 'street drinking and urinating in doorways' },
  { short: 'domestic-related disturbance', long: 'shouting and disturbances linked to domestic incidents' },
];

export const BRITISH_FIRST: { f: string[]; m: string[] } = {
  f: ['Sarah', 'Emma', 'Claire', 'Rachel', 'Louise', 'Gemma', 'Kerry', 'Joanne', 'Helen', 'Nicola', 'Lisa', 'Donna', 'Stacey', 'Chloe', 'Sophie', 'Megan', 'Jade', 'Paige', 'Amy', 'Lucy', 'Hayley', 'Karen', 'Susan', 'Julie', 'Tracey', 'Michelle', 'Kelly', 'Leanne', 'Natalie', 'Danielle', 'Beverley', 'Pauline', 'Janet', 'Maureen', 'Ellie', 'Georgia', 'Holly', 'Abigail'],
  m: ['James', 'Daniel', 'Darren', 'Lee', 'Craig', 'Wayne', 'Gary', 'Mark', 'Paul', 'Stephen', 'Andrew', 'Richard', 'Kevin', 'Jason', 'Dean', 'Ryan', 'Liam', 'Connor', 'Jordan', 'Kieran', 'Bradley', 'Nathan', 'Adam', 'Ben', 'Tom', 'Sam', 'Matthew', 'Christopher', 'Stuart', 'Neil', 'Graham', 'Keith', 'Terry', 'Alan', 'Ian', 'Shaun', 'Jack', 'Harry'],
};
export const BRITISH_LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harris', 'Lewis', 'Turner', 'Hill', 'Cooper', 'Ward', 'Morris', 'Baker', 'Hughes', 'Parker', 'Cox', 'Marsh', 'Fletcher', 'Ellis', 'Barker', 'Hunt', 'Dixon', 'Pearce', 'Holmes', 'Webb', 'Chapman', 'Stevens', 'Lawrence', 'Shaw', 'Bird', 'Knight', 'Palmer', 'Mason', 'Gibson', 'Harvey', 'Saunders', 'Payne', 'Fox', 'Dawson', 'Woodward', 'Bull', 'Gough', 'Sutton', 'Pratt', 'Newman'];
