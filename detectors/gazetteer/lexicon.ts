/** Word lists for UK addresses, places, organisations and police ranks. */
// Imported (not read from disk) so tsc copies the list into dist/ with the code.
import placesGenerated from './places.generated.json' with { type: 'json' };

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
const phrases = (s: string): string[] => s.split(/\n|;/).map((p) => p.trim().toLowerCase()).filter(Boolean);

export const STREET_TYPES = words(`
  Road Rd Street St Avenue Ave Close Cl Lane Ln Drive Dr Way Court Ct Crescent Cres Place Pl Gardens Gdns Grove Gr
  Terrace Terr Hill Park Square Sq Walk Mews Rise Green View Row Parade Gate End Meadow Meadows Fields Field Wharf Yard
  Chase Croft Vale Wood Boulevard Broadway Circus Hollow Lea Path Approach Bank Brow Causeway Copse Dale Dell
  Embankment Esplanade Glade Glen Heath Heights Mead Mount Nook Orchard Paddock Passage Pathway Promenade Quay Reach
  Ride Ring Spinney Strand Villas Wynd Cottages Buildings Crest Dene Drove Garth Grange Holt Hurst Knoll Leys Loke Pightle
  Ridgeway Ridge Rylands Shaw Slade Spur Steps Twitten Vennel Vista Wick Highway Bypass Circle Crossing Dene Downs Fold Lanes Brae Loan
`);
export const STREET_TYPE_SET = new Set(STREET_TYPES);

/** Welsh street words come before the name ("Heol Rhosmaen", "Ffordd y Capel", "Lôn Las"). */
export const WELSH_STREET_PREFIXES = ['Heol', 'Ffordd', 'Stryd', 'Lôn', 'Lon', 'Rhodfa', 'Cilgant', 'Teras', 'Maes'];
export const WELSH_STREET_PREFIX_SET = new Set(WELSH_STREET_PREFIXES.map((w) => w.toLowerCase()));
/** Welsh house names open with these ("Bryn Awel", "Tŷ Gwyn", "Llys Helyg"). */
export const WELSH_HOUSE_OPENERS = new Set(words(`Ty Tŷ Bryn Llys Plas Bwthyn Hafod Tyddyn`));

/** Words that end a venue or building name (a station or community-centre address is public). */
export const VENUE_WORDS = new Set(words(`
  Station Centre Center Hall Library Church Chapel School Academy College University Surgery Hospital Clinic Pavilion
  Theatre Museum Club Pub Inn Hotel Office Offices Depot Mosque Temple Gurdwara Synagogue Cathedral Hub Institute
  Stadium Arena Leisure Pool Market Shop Store Supermarket Precinct Mall Arcade Works Rooms Headquarters HQ Terminal Playground Mart
  Canolfan Llyfrgell Neuadd Ysgol Capel Eglwys Amgueddfa Gorsaf Swyddfa Theatr Room
`));

/** Words that make a house name ("Rose Cottage, Mill Lane"). */
// …and the plural trees of "The Beeches", "The Laurels", "The Limes"
export const HOUSE_NAME_WORDS = new Set(words(`Cottage House Farm Farmhouse Lodge Barn Manor Villa Bungalow Mill Grange Rectory Vicarage Oast Cottages Flats Court Mansions Tower Towers Apartments
  Beeches Laurels Limes Firs Elms Oaks Pines Willows Hollies Cedars Poplars Larches Maples Chestnuts Rowans Birches Yews Sycamores`));

/** Words that make a capitalised run an organisation or a landmark, not a person. */
export const ORG_WORDS = new Set(words(`
  Legion Regiment Brigade Scouts Guides Cadets Federation Union Alliance Beacon Reservoir Canal Nature Reserve Woods Downs Fisheries Palace
  Act Acts Bill Regulations Order Orders Code Charter Award Awards Line Mail Takeaway Restaurant Cafe Café Bar Bistro Grill
  PACT SNT Ward Wards Care Home Homes Common Roundabout Interchange Junction
  Police Constabulary Council Borough District County Parish Trust NHS Service Services Authority Commission Commissioner's
  Partnership Partnerships Limited Ltd PLC LLP Group Association Society Foundation Charity Watch Support Advice Network
  Facebook WhatsApp Instagram Twitter TikTok Snapchat YouTube Nextdoor Department Ministry Agency Office Bureau Board Committee Panel Forum Unit Team Teams Squad Court Courts Tribunal Crown Management Records
  Magistrates Magistrates' Prison Bank Building Housing Homes Estates Company Co Inc Stores Supermarkets Railway Rail
  Bus Buses Transport Airport Fire Rescue Ambulance Coastguard University College School Academy Church Mosque Temple
  Hospital Surgery Practice Pharmacy Centre Center Club Hub Crimestoppers Neighbourhood Safer Community Communities
  Action Fraud Victim Victims Citizens Youth Project Programme Scheme Initiative Campaign Operation Op Street Road
  Tesco Asda Morrisons Sainsbury Sainsbury's Sainsburys Aldi Lidl Waitrose Co-op Iceland Greggs Boots Primark Argos Currys
  Poundland Wilko Spar Nisa Londis Costcutter Wetherspoons Wetherspoon McDonald's McDonalds KFC Subway Starbucks Costa
  Solicitors Accountants Associates Partners Sons Daughters Brothers Butchers Bakers Bakery Builders Motors Garage Haulage Lettings Agents Superstore Festival Carnival Parade Admin Enforcement Tenancy
  Communications Comms Enquiries Relations Resources Governance Compliance Finance Payroll Reception Helpdesk Secretariat
  Clearances Clearance Removals Roofing Plumbing Plumbers Electrical Electricians Scaffolding Landscaping Landscapes Skips
  Joinery Carpets Flooring Glazing Windows Cleaning Cleaners Couriers Logistics Construction Contractors Developments
  Properties Plastering Decorators Paving Driveways Fencing Tyres Autos Cars Taxis Catering Kitchens Bathrooms Recycling
  Demolition Groundworks Surveyors Engineers Engineering Agricultural Machinery
`));

/** UK and Hertfordshire places (lower case). A capitalised run equal to one of these is a place, not a person. */
export const PLACES = new Set(phrases(`
  Belle Vue;Far Cotton
  Ynys Môn;Ynys Mon;Ceredigion;Sir Ceredigion;Sir Ddinbych;Sir Benfro;Sir Gâr;Sir Gar;Sir Fynwy;Sir y Fflint;Sir Ynys Môn;Sir Fôn;Sir Conwy;Sir Powys;Sir Gaerfyrddin;Sir Frycheiniog;Sir Drefaldwyn;Sir Feirionnydd;Sir Forgannwg
  Ddinbych;Benfro;Gâr;Fynwy;Fôn;Gaerfyrddin;Frycheiniog;Drefaldwyn;Feirionnydd;Forgannwg
  Hertfordshire;Herts;Hemel Hempstead;Hemel;Tring;Berkhamsted;Kings Langley;Bovingdon;Markyate;Watford;St Albans;Harpenden;Hitchin;Letchworth;Letchworth Garden City;Baldock;Royston;Stevenage;Hertford;Ware;Bishop's Stortford;Bishops Stortford;Sawbridgeworth;Hoddesdon;Cheshunt;Waltham Cross;Broxbourne;Welwyn;Welwyn Garden City;Hatfield;Potters Bar;Borehamwood;Elstree;Bushey;Radlett;Rickmansworth;Chorleywood;Croxley Green;Abbots Langley;Redbourn;Wheathampstead;London Colney;Sandridge;Knebworth;Buntingford;Much Hadham;Dacorum;Three Rivers;Hertsmere;Broxbourne;East Herts;North Herts;Welwyn Hatfield;Adeyfield;Bennetts End;Chaulden;Gadebridge;Grovehill;Highfield;Leverstock Green;Warners End;Woodhall Farm;Apsley;Boxmoor;Nash Mills;Northchurch;Wigginton;Aldbury;Long Marston;Wilstone;Oxhey;South Oxhey;Carpenders Park;Garston;Leavesden;Northwood;Chipperfield;Flaunden;Great Gaddesden;Little Gaddesden;Kings Walden;Codicote;Datchworth;Walkern;Benington;Cottered;Ashwell;Barkway;Barley;Therfield;Bygrave;Wallington;Weston;Graveley;Ickleford;Pirton;Offley;Preston;Breachwood Green;St Ippolyts;Stotfold;Arlesey;Goffs Oak;Cuffley;Brookmans Park;Welham Green;Essendon;Stanborough;Colney Heath;Shenley;Aldenham;Letchmore Heath;Swallowfields
  London;Birmingham;Manchester;Liverpool;Leeds;Sheffield;Bristol;Newcastle;Newcastle upon Tyne;Nottingham;Leicester;Coventry;Bradford;Cardiff;Swansea;Newport;Edinburgh;Glasgow;Aberdeen;Dundee;Inverness;Belfast;Derry;Londonderry;Southampton;Portsmouth;Plymouth;Exeter;Norwich;Cambridge;Oxford;Reading;Luton;Milton Keynes;Northampton;Bedford;Peterborough;Ipswich;Colchester;Chelmsford;Southend;Basildon;Brighton;Hove;Crawley;Guildford;Woking;Maidstone;Canterbury;Dover;Ashford;York;Hull;Kingston upon Hull;Middlesbrough;Sunderland;Durham;Carlisle;Lancaster;Preston;Blackpool;Bolton;Wigan;Stockport;Oldham;Rochdale;Salford;Warrington;Chester;Stoke;Stoke-on-Trent;Derby;Wolverhampton;Walsall;Dudley;Worcester;Gloucester;Cheltenham;Bath;Swindon;Salisbury;Bournemouth;Poole;Taunton;Truro;Lincoln;Grimsby;Doncaster;Rotherham;Barnsley;Wakefield;Huddersfield;Halifax;Harrogate;Scarborough;Slough;High Wycombe;Aylesbury;Amersham;Chesham;Dunstable;Leighton Buzzard;Hemel;Enfield;Barnet;Harrow;Hillingdon;Ealing;Brent;Camden;Islington;Hackney;Haringey;Waltham Forest;Redbridge;Havering;Barking;Dagenham;Newham;Tower Hamlets;Greenwich;Lewisham;Southwark;Lambeth;Wandsworth;Merton;Sutton;Croydon;Bromley;Bexley;Kingston;Richmond;Hounslow;Westminster;Kensington;Chelsea;Hammersmith;Fulham;Stratford;Romford;Ilford;Wembley;Uxbridge;Edmonton;Tottenham;Brixton;Peckham
  England;Scotland;Wales;Northern Ireland;Ireland;Britain;Great Britain;United Kingdom;UK;Europe;Bedfordshire;Buckinghamshire;Essex;Kent;Surrey;Sussex;East Sussex;West Sussex;Hampshire;Berkshire;Oxfordshire;Cambridgeshire;Norfolk;Suffolk;Lincolnshire;Leicestershire;Northamptonshire;Warwickshire;Staffordshire;Derbyshire;Nottinghamshire;Yorkshire;North Yorkshire;West Yorkshire;South Yorkshire;Lancashire;Cheshire;Cumbria;Northumberland;Devon;Cornwall;Dorset;Somerset;Wiltshire;Gloucestershire;Herefordshire;Worcestershire;Shropshire;Merseyside;Greater Manchester;West Midlands;Thames Valley;Avon;Gwent;Dyfed;Powys;Gwynedd;Isle of Man;Isle of Wight;Jersey;Guernsey
`));

/**
 * Shops named after a person ("outside John Lewis"), lower case, matched as a whole run. Only a
 * place reading ("at", "outside", "near" before it) makes one a shop: John Lewis is also a man.
 */
export const PERSON_NAMED_SHOPS = new Set(phrases(`
  John Lewis;Ted Baker;Dorothy Perkins;Laura Ashley;Ann Summers;Harvey Nichols;Paul Smith;Jack Wills;Ben Sherman;Karen Millen;Hugo Boss;Calvin Klein;Tommy Hilfiger;Ralph Lauren;Tim Hortons;Martin McColl;Holland Barrett
`));

/** Schemes, charities, brands (tractor and trailer makers too: "John Deere", "Ifor Williams"), historical figures police documents quote ("Sir Robert Peel"), dog breeds and places named like a person ("Bobby Van: free home security checks", "Jack Russell", "Charles Cross"), lower case. */
export const PERSON_NAMED_SCHEMES = new Set(phrases(`
  Bobby Van;Ask for Angela;Jack Russell;King Charles;Herbert Protocol;American Express;Charles Cross;Clare's Law;Sarah's Law;Helen's Law;Stephen Lawrence Day;Ben Kinsella Trust;Suzy Lamplugh Trust
  Harry Potter;Sherlock Holmes;Robin Hood;Maid Marian;Peter Pan;Father Christmas;Santa Claus;Guy Fawkes;Paddington Bear;Peppa Pig;Postman Pat;Fireman Sam
  John Deere;Massey Ferguson;Ifor Williams;New Holland;Ransomes Jacobsen
  Sir Robert Peel;Robert Peel;Elizabeth Fry;Florence Nightingale;Winston Churchill;Sir Winston Churchill;Nelson Mandela;Martin Luther King;Emmeline Pankhurst;Sylvia Pankhurst;Queen Victoria;Mary Seacole
`));

/** Vehicle makes: "a white Mercedes Sprinter", "a silver Ford Ka" name a vehicle, not a person. */
export const VEHICLE_MAKES = new Set(words(`
  Mercedes Mercedes-Benz Ford Vauxhall Honda Toyota Nissan Peugeot Renault Citroen Citroën Fiat Audi BMW Volkswagen VW Skoda Seat
  Kia Hyundai Mazda Mitsubishi Suzuki Subaru Volvo Jaguar Land Rover Range Mini Lexus Porsche Tesla Dacia Jeep Chevrolet Chrysler
  Dodge Alfa Romeo Lancia Saab Rover MG Smart Yamaha Kawasaki Ducati Triumph Harley-Davidson Vespa Piaggio Iveco DAF Scania MAN
  Isuzu Cupra DS Polestar Bentley Aston Maserati Ferrari Lamborghini Rolls-Royce Lotus McLaren Proton Daewoo Datsun Austin Morris Reliant Morgan
`));
/** Colours: before a make ("a white Mercedes Sprinter") or opening a run ("Black Cat", "Red Lion") they describe a thing, not a person. */
export const VEHICLE_COLOURS = new Set(words(`
  white black silver grey gray red blue green yellow orange purple brown gold maroon beige cream bronze turquoise pink dark light navy metallic
`));
export const VEHICLE_NOUNS = new Set(words(`
  model models series van car vehicle lorry hatchback estate saloon pick-up pickup motorbike motorcycle moped scooter truck minibus coupe convertible suv 4x4 tipper
`));

/**
 * Districts of the big cities that GeoNames' cities1000 list leaves out, because they are parts of a
 * city rather than towns of their own: press releases give them as a home town ("Kieran Flynn, 34, of
 * Thornton Heath"), and many end in a street-type word (Heath, Gate, Green, Hill, End).
 */
export const CITY_DISTRICTS: ReadonlySet<string> = new Set(phrases(`
  Forest Gate;Thornton Heath;Tulse Hill;Herne Hill;Palmers Green;Golders Green;Stoke Newington;South Norwood;Upper Norwood;West Norwood;Norwood;Selhurst;Norbury;West Green;Bounds Green;Kensal Green;Kensal Rise;Canning Town;Plaistow;Upton Park;Leytonstone;Leyton;Deptford;Lewisham;Tooting;Balham;Streatham;Shepherd's Bush;Shepherds Bush;Hanwell;Harlesden;Willesden;Neasden;Whitechapel;Stepney;Mile End;Limehouse;Wapping;Bermondsey;Rotherhithe;Eltham;Sydenham;Anerley;Penge;Addiscombe;New Addington;Seven Kings;Goodmayes;Chadwell Heath;Manor Park;Little Ilford;East Ham;West Ham;Beckton;Custom House;Silvertown;North Woolwich;Plumstead;Abbey Wood;Thamesmead;Charlton;Kidbrooke;Blackheath;Lee;Hither Green;Grove Park;Catford;Bellingham;Forest Hill;Honor Oak;Brockley;New Cross;Nunhead;Dulwich;East Dulwich;Camberwell;Walworth;Kennington;Vauxhall;Stockwell;Clapham;Clapham Junction;Battersea;Nine Elms;Wandsworth;Earlsfield;Putney;Roehampton;Southfields;Wimbledon;Colliers Wood;Mitcham;Morden;Tooting Bec;Brixton Hill;Gipsy Hill;Crystal Palace;Elephant and Castle;Borough;Southwark;Waterloo;Lambeth;Kensington;Earls Court;Notting Hill;Ladbroke Grove;North Kensington;Maida Vale;Paddington;Bayswater;Marylebone;Fitzrovia;Soho;Covent Garden;Holborn;Bloomsbury;Clerkenwell;Finsbury;Barbican;Shoreditch;Hoxton;Haggerston;Dalston;Hackney Wick;Homerton;Clapton;Lower Clapton;Upper Clapton;Stamford Hill;Manor House;Finsbury Park;Highbury;Holloway;Upper Holloway;Archway;Tufnell Park;Kentish Town;Camden Town;Chalk Farm;Belsize Park;Swiss Cottage;Hampstead;West Hampstead;Kilburn;Queens Park;Cricklewood;Dollis Hill;Stonebridge;Park Royal;Alperton;Sudbury;Kingsbury;Colindale;Hendon;Mill Hill;Edgware;Burnt Oak;Finchley;East Finchley;North Finchley;Whetstone;Friern Barnet;New Southgate;Southgate;Winchmore Hill;Bowes Park;Wood Green;Turnpike Lane;Hornsey;Crouch End;Muswell Hill;Highgate;Harringay;Seven Sisters;Tottenham Hale;Bruce Grove;Northumberland Park;Upper Edmonton;Lower Edmonton;Ponders End;Enfield Town;Enfield Lock;Brimsdown;Chingford;Highams Park;Walthamstow;Leyton;Snaresbrook;Wanstead;Woodford;South Woodford;Barkingside;Gants Hill;Hainault;Newbury Park;Harold Hill;Harold Wood;Hornchurch;Elm Park;Rainham;Collier Row;Gidea Park;Becontree;Dagenham;Bow;Bromley-by-Bow;Poplar;Isle of Dogs;Millwall;Cubitt Town;Blackwall;Canary Wharf;Stratford;Maryland;Hackney;Homerton;Acton;East Acton;West Acton;North Acton;Ealing Broadway;West Ealing;South Ealing;Northfields;Greenford;Perivale;Northolt;Yeading;Hayes;Southall;Norwood Green;Hounslow;Feltham;Bedfont;Cranford;Heston;Isleworth;Osterley;Brentford;Chiswick;Hammersmith;Fulham;Parsons Green;White City;Wormwood Scrubs;Old Oak;Harrow on the Hill;Wealdstone;Kenton;Rayners Lane;South Harrow;Pinner;Stanmore;Ruislip Manor;Eastcote;Ickenham;Hillingdon;Yiewsley;Harlington;Harmondsworth;Sipson;Twickenham;Whitton;Hampton;Teddington;Ham;Petersham;Richmond;Kew;Barnes;Mortlake;East Sheen;Surbiton;Tolworth;Chessington;New Malden;Worcester Park;Cheam;Carshalton;Wallington;Hackbridge;Belmont;Purley;Kenley;Sanderstead;Selsdon;Shirley;Waddon;Broad Green;West Croydon;East Croydon;Bromley;Hayes;Keston;Orpington;Petts Wood;St Mary Cray;St Paul's Cray;Chislehurst;Mottingham;Sidcup;Welling;Bexleyheath;Erith;Belvedere;Crayford;Slade Green;Thamesmead;Woolwich;Tower Hill;Aldgate;Spitalfields;Banglatown;Bethnal Green;Globe Town;Shadwell;St George in the East;Bromley by Bow;Old Ford;Fish Island;Hackney Marshes;Leamouth
  Handsworth;Aston;Lozells;Sparkhill;Sparkbrook;Small Heath;Bordesley Green;Alum Rock;Saltley;Washwood Heath;Erdington;Kingstanding;Perry Barr;Great Barr;Hodge Hill;Stechford;Yardley;Acocks Green;Hall Green;Moseley;Balsall Heath;Kings Heath;Selly Oak;Northfield;Longbridge;Kings Norton;Edgbaston;Harborne;Ladywood;Digbeth;Nechells;Winson Green;Quinton;Bartley Green;Castle Vale;Chelmsley Wood;Shard End;Sheldon;Druids Heath;Frankley;Stirchley;Bournville;Tyseley;Kitts Green
  Moss Side;Hulme;Longsight;Levenshulme;Rusholme;Fallowfield;Withington;Didsbury;Chorlton;Gorton;Openshaw;Ancoats;Ardwick;Cheetham Hill;Harpurhey;Moston;Blackley;Collyhurst;Miles Platting;Newton Heath;Clayton;Beswick;Wythenshawe;Baguley;Benchill;Sharston;Northenden;Burnage;Whalley Range;Old Trafford;Broughton;Pendleton;Eccles;Swinton;Walkden
  Harehills;Chapeltown;Beeston;Holbeck;Armley;Bramley;Headingley;Hyde Park;Burley;Kirkstall;Seacroft;Gipton;Halton Moor;Osmondthorpe;Hunslet;Belle Isle;Middleton;Killingbeck;Roundhay;Moortown;Meanwood;Chapel Allerton;Cross Gates;Whinmoor
  Toxteth;Kensington;Anfield;Everton;Walton;Kirkdale;Bootle;Norris Green;Croxteth;Dovecot;Knotty Ash;Old Swan;Wavertree;Garston;Speke;Allerton;Aigburth;Dingle;Tuebrook;Fazakerley;Clubmoor;West Derby;Huyton;Kirkby;Halewood
  St Pauls;St Paul's;Easton;Lawrence Hill;Barton Hill;Bedminster;Knowle;Hartcliffe;Withywood;Southmead;Lockleaze;Fishponds;Eastville;Stapleton;Lawrence Weston;Avonmouth;Shirehampton;Filton;Brislington;Bishopsworth;Redland;Cotham;Clifton;Montpelier;St Werburghs;Stokes Croft;Totterdown;Hengrove;Whitchurch
  Page Hall;Burngreave;Pitsmoor;Darnall;Attercliffe;Tinsley;Firth Park;Parson Cross;Southey Green;Shiregreen;Hillsborough;Walkley;Crookes;Broomhill;Sharrow;Heeley;Gleadless;Manor Top;Arbourthorne;Woodhouse;Handsworth
  Byker;Walker;Heaton;Jesmond;Gosforth;Fenham;Benwell;Elswick;Scotswood;Kenton;Cowgate;Westerhope;Walkergate;Shieldfield
  St Ann's;The Meadows;Radford;Hyson Green;Sneinton;Bulwell;Clifton;Bestwood;Basford;Sherwood;Carlton;Arnold;Beeston;West Bridgford
  Splott;Adamsdown;Grangetown;Butetown;Riverside;Canton;Ely;Caerau;Llanrumney;Trowbridge;St Mellons;Pentwyn;Llanishen;Rumney;Cathays;Roath;Gabalfa;Llandaff;Fairwater;Whitchurch;Rhiwbina
  Andersonstown;Ballymurphy;Poleglass;Twinbrook;Shankill;Ardoyne;Ballysillan;Short Strand;Ballyhackamore;Sandy Row;Malone;Stranmillis;Finaghy;Dunmurry;Glengormley;Newtownabbey;Holywood;Dundonald;Castlereagh;Creggan;Bogside;Waterside
`));

/**
 * PLACES plus every UK town and village of 1,000+ people (GeoNames, places.generated.json): for whole
 * runs ("Saffron Walden", "Princes Risborough") and localities after a street, never for single
 * words of a name (Preston, Buxton and Ashby are surnames too).
 */
export const UK_PLACES: ReadonlySet<string> = new Set([...placesGenerated.places, ...PLACES]);

/** Police ranks and public roles that make a following (or preceding) name public-role. Longest first at use. */
export const RANK_PHRASES = phrases(`
  His Honour Judge;Her Honour Judge;HHJ;District Judge;Deputy District Judge;Judge
  Police and Crime Commissioner;Deputy Police and Crime Commissioner;Police Fire and Crime Commissioner;Police, Fire and Crime Commissioner;Fire and Crime Commissioner;Chief Constable;Deputy Chief Constable;Assistant Chief Constable;Temporary Chief Constable
  Chief Superintendent;Detective Chief Superintendent;Ch Supt;Det Ch Supt;Superintendent;Detective Superintendent;Supt;Det Supt;DSupt
  Chief Inspector;Detective Chief Inspector;Ch Insp;Chief Insp;DCI;Inspector;Detective Inspector;Insp;DI
  Sergeant;Detective Sergeant;Sgt;DS;Police Sergeant;PS;Acting Sergeant;A/Sgt;T/Sgt
  Det Con;Det Constable;Det Sgt;Det Sergeant;Det Insp;Det Inspector;Det Ch Insp;DetCon;DetSgt
  Police Constable;Detective Constable;Constable;PC;DC;WPC;Special Constable;SC;Special Sergeant;Special Inspector
  Police Community Support Officer;PCSO;CSO;Community Support Officer;Neighbourhood Officer;Beat Manager;Beat Officer;Neighbourhood Inspector;Neighbourhood Sergeant;Neighbourhood Constable
  Commissioner;Deputy Commissioner;Assistant Commissioner;Commander;ACC;DCC;PCC;Chief Officer;Chief Executive
  Independent Member;Co-opted Member;Lay Member;Panel Member;Board Member;
  Councillor;Cllr;Mayor;MP;Safer Neighbourhood Team;Police Staff;Investigator
  Detective;Officer;Chief Superintendant
  Crown Prosecutor;Senior Crown Prosecutor;Chief Crown Prosecutor;Prosecutor;Magistrate;Recorder;JP
  SCCH;Swyddog Cymorth Cymunedol;Cwnstabl;Ditectif Gwnstabl;Rhingyll;Ditectif Ringyll;Arolygydd;Prif Arolygydd;Uwcharolygydd;Prif Uwcharolygydd;Prif Gwnstabl;Comisiynydd Heddlu a Throseddu
`);

/** Civil titles: strong person cue, not a role. */
export const TITLES = new Set(words(`Mr Mrs Ms Miss Mx Dr Master Sir Dame Lady Lord Rev Revd Reverend Prof Professor Madam Mister`));

/**
 * Capitalised words common at the start of sentences or in headings of police prose that are
 * never names there. Not exhaustive; unknown capitalised words are weak evidence anyway.
 */
export const COMMON_CAPITALISED = new Set(words(`
  A An The This That These Those There Their They Them Then Than Thanks Thank Cheers Hi Hello Hey Dear Bye Sorry Congrats Ok Okay Admin Administrator Our We Us You Your Yours He She It Its His Her Hers
  I If In On At As Is Are Was Were Be Been Being Do Does Did Done Has Have Had Having Not No Nor Yes Or And But So Yet For To Of
  One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Hundred Several Both
  By With From Into Onto Over Under Above Below About After Before During Between Through Throughout Without Within Upon Near
  Off Up Out Down Around Across Along Against Among Behind Beside Besides Beyond Despite Except Inside Outside Since Towards
  Until Unless While Whilst Where When What Which Who Whom Whose Why How All Any Each Every Both Either Neither Some Many Much
  More Most Other Others Another Such Same Few Several Please Also Further Furthermore However Therefore Meanwhile Following
  Recently Yesterday Today Tomorrow Tonight Last Next Previous Recent Current Currently Ongoing Overall Update Updated Updates
  Later Earlier Afterwards Subsequently Eventually Finally Initially Originally Previously Since Sadly Unfortunately Thankfully
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
  November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn Winter
  English Scottish Welsh Irish British Polish Romanian Lithuanian Latvian Albanian Kurdish Somali Eritrean Nigerian Ghanaian
  Pakistani Bangladeshi Chinese Vietnamese Turkish Greek Italian Spanish Portuguese French German Dutch European African Caribbean
  Sexual Abusive Violent Approved Authorised Authorized Checked Signed Reviewed Verified Countersigned Level Levels Grade Tier Police Officers Officer Officers' Team Teams Neighbourhood Neighbourhoods Safer Priority Priorities Issue Issues Action
  Actions Date Dates Nature Victim Victims Perpetrator Perpetrators Offender Offenders Suspect Suspects Witness Witnesses
  Ins Insurance National Operation Houses Organised Organized Economic Flat Apartment Apt Maisonette
  Director Directors Regional Managing Executive Chairman Chairwoman Chairperson Treasurer Caseworker Caseworkers Case Cases
  Heddlu Plismona Cymdogaeth Gorsaf Cyngor Swyddfa Gwasanaeth Tân Achub Tîm Troseddau Trosedd Cefn Gwlad Canol Tref Da Byw Cymuned Diogelwch
  Partneriaeth Ardal Swyddog Swyddogion Cymorth Cyfarfod Digwyddiad Newyddion Blaenoriaethau Ymgynghoriad Gwirfoddolwyr Marchnad
  Environmental Environment Protection Trading Standards Health Licensing Planning Housing Safeguarding Enforcement Regulatory
  Complainer Complainers Complainant Complainants Defendant Defendants Accused Appellant Resident Residents Neighbour Neighbours Member Members
  Anti Anti-social Antisocial Social Behaviour Behavior ASB Crime Crimes Criminal Damage Drug Drugs Dealing Theft Burglary
  Robbery Assault Harassment Noise Nuisance Verbal Abuse Domestic Violence Vehicle Vehicles Speeding Parking Littering
  Fly-tipping Graffiti Vandalism Shoplifting Fraud Scam Scams Arson Stalking Intimidation Threats Weapons Knife Knives
  Reduce Reducing Tackle Tackling Increase Increased Improve Improving Target Targeting Patrol Patrols Patrolling Engage
  Engagement Work Working Continue Continued Continuing Attend Attended Attending Arrest Arrested Arrests Charged Charge
  Sentenced Jailed Convicted Appeal Appeals Appealing Court Courts Result Results Hearing Magistrates Crown Judge
  Information Freedom FOI Request Requests Response Responses Reference Ref Minutes Meeting Meetings Agenda Item Items
  Present Apologies Chair Chaired Attendees Notes Minute Matters Arising Any Other Business AOB Actions Agreed
  Contact Contacts Call Calls Email Phone Telephone Tel Mobile Fax Address Addresses Postcode Website Online Report
  Reported Reporting Reports Emergency Non-emergency Dial Visit Visited Follow Find Read More Share Print Home Back
  Welcome Meet About News Events Event Surgery Surgeries Drop Drop-in Beat Local Community Communities Council Borough
  District County Parish Partnership Partners Partner Support Advice Help Helpline Service Services Safety Safe Security
  Road Roads Street Streets Avenue Lane Close Way Drive Court Place Park Town City Village Centre Center Estate Area Areas
  North South East West Northern Southern Eastern Western Central Upper Lower Greater Little Great Old New High Low
  Mr Mrs Ms Miss Dr Sir Lady Lord Name Names Surname Forename Forenames DOB Age Aged Born Role Roles Status Category
  Total Totals Number Numbers No Count Year Years Month Months Week Weeks Day Days Time Times Hour Hours Morning Evening
  Afternoon Night Nights Weekend Weekends Christmas Easter Halloween Bonfire New Year Yes Unknown None Other N/A Nil
  Male Female Adult Adults Child Children Juvenile Juveniles Youth Youths Young People Person Persons Individual Individuals
  Group Groups Gang Gangs Family Families Household Households Owner Owners Tenant Tenants Landlord Landlords Driver Drivers
  Pedestrian Pedestrians Cyclist Cyclists Motorist Motorists Shop Shops Business Businesses School Schools Pupil Pupils
  Student Students Parent Parents Staff Volunteer Volunteers Public General Force Forces Constabulary Hertfordshire Herts
  Quick Exit Cookies Cookie Accept Reject Settings Menu Search Skip Content Main Navigation Footer Header Privacy Policy
  Terms Conditions Accessibility Statement Copyright Crown Open Government Licence License Gov GOV.UK UK
  Following Further Additional Key Main Major Minor Serious Significant Repeat Repeated Persistent Regular Daily Weekly
  Monthly Night-time Daytime Local Rural Urban Residential Commercial Public Private Open Closed Ongoing Resolved Completed
  Note Notes Summary Background Details Detail Description Outcome Outcomes Status Progress Plan Plans Objective Objectives
  Anyone Someone Everyone Nobody Anybody Somebody Everybody Nothing Something Anything Everything Here Now Still Already
  Again Always Never Often Sometimes Usually Only Just Even Very Really Well Good Great Best Better Bad Worse Worst
  Officers Constables Sergeants Inspectors PCSOs PCs
`));
