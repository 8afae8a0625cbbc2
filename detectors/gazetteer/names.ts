/**
 * Name gazetteers. The generated list (faker locales, many origins) is merged with hand-written
 * UK lists of every origin below, because the UK population's names are what matter here.
 */
// Imported (not read from disk) so tsc copies the list into dist/ with the code.
import generated from './names.generated.json' with { type: 'json' };
import generatedExtra from './names-extra.generated.json' with { type: 'json' };
import { UK_PLACES, COMMON_CAPITALISED, ORG_WORDS, STREET_TYPE_SET, VENUE_WORDS, HOUSE_NAME_WORDS, TITLES } from './lexicon.js';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());

// --- hand-written forenames by origin -------------------------------------------------------
const FORENAMES_UK = words(`
  Oliver George Harry Jack Jacob Noah Charlie Thomas Oscar William James Leo Alfie Henry Joshua Freddie Archie Ethan
  Isaac Alexander Joseph Edward Samuel Max Daniel Arthur Lucas Mohammed Logan Theo Harrison Benjamin Mason Sebastian
  Finley Adam Dylan Zachary Riley Teddy Theodore David Toby Jake Louie Elijah Reuben Arlo Hugo Luca Jaxon Matthew Harvey
  Reggie Michael Tommy Jenson Frankie Jude Albert Stanley Ronnie Rory Carter Austin Elliot Ellis Jasper Ryan Liam Louis
  Bobby Jayden Ollie Alex Dexter Nathan Gabriel Callum Tyler Kai Caleb Aaron Connor Kian Luke Mark Paul Peter Andrew
  Stephen Steven Christopher Richard Robert John Kevin Gary Darren Craig Lee Wayne Dean Martin Simon Neil Ian Jason Scott
  Anthony Tony Brian Colin Keith Graham Stuart Barry Trevor Nigel Derek Terry Geoffrey Roger Malcolm Philip Phil Clive Kenneth
  Raymond Dennis Alan Alistair Russell Carl Shaun Shane Lewis Jamie Ashley Kieran Bradley Jordan Declan Damian Gavin Glen
  Glenn Jonathan Jon Jonny Mick Mike Matt Rob Bob Dave Steve Pete Andy Chris Tom Tim Ben Sam Nick Jim Jimmy Joe Dan Danny
  Al Alf Bert Ted Fred Reg Ron Sid Stan Wilf Ernie Norman Leonard Cyril Harold Herbert Frank Walter Percy Victor Vincent
  Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Willow Freya Florence Emily Ella Poppy Evie Elsie Charlotte
  Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia Maya Millie Isabelle Ellie Imogen Layla Luna
  Jessica Hannah Lucy Chloe Megan Bethany Amy Laura Rebecca Sarah Emma Lauren Katie Charlie Holly Natalie Rachel Zoe Jade
  Gemma Kirsty Leanne Stacey Kelly Kerry Donna Tracey Tracy Sharon Karen Julie Michelle Nicola Claire Clare Joanne Lisa
  Samantha Louise Helen Elizabeth Victoria Catherine Katherine Kathryn Jennifer Jenny Susan Sue Jane Janet Janice Margaret
  Pauline Patricia Pat Jean Joan Joyce Doreen Brenda Sandra Carol Christine Linda Lynne Lynn Wendy Denise Diane Debbie
  Deborah Dawn Beverley Lorraine Maureen Valerie Sylvia Shirley Irene Eileen Hilary Gillian Gill Alison Angela Anne Ann
  Annie Caroline Fiona Heather Jacqueline Jackie Judith Judy Marion Mary Rosemary Ruth Sally Sheila Tina Vicky Vikki Kate
  Jo Becky Becca Abbie Abigail Aimee Amber Amelie Anna Beth Brooke Caitlin Cara Courtney Danielle Demi Eleanor Eliza
  Erin Esme Faith Francesca Georgia Georgina Harriet Heidi Jasmine Jodie Keeley Kayleigh Kimberley Leah Lydia Mollie Molly
  Naomi Niamh Paige Rhiannon Robyn Shannon Skye Summer Tegan Tia Tilly Yasmin Zara Hollie Martha Edith Mabel Nancy
  Beatrice Clara Iris Violet Penelope Rosalind Gwendolyn Winifred Dorothy Mildred Marjorie Muriel Gladys Ethel Hazel
`);
const FORENAMES_SCOTTISH_WELSH_IRISH = words(`
  Hamish Angus Fergus Murdo Ruaridh Ruairidh Iain Alasdair Alastair Callum Calum Ewan Euan Fraser Gregor Lachlan Struan
  Campbell Torquil Finlay Kirsty Morag Mhairi Eilidh Catriona Ailsa Isla Iona Kenna Rhona Shona Fiona Seonaid Innes
  Rhys Dafydd Gareth Owain Owen Gethin Iwan Ioan Aled Emyr Huw Dylan Cai Gruffydd Gruffudd Llyr Meirion Osian Rhodri
  Tomos Trystan Bethan Cerys Sian Rhian Megan Ffion Carys Eleri Llinos Angharad Catrin Delyth Elin Gwen Gwenllian Lowri
  Manon Nia Nerys Non Seren Siwan Mali Efa Heledd Alys Siân Steffan Mared Branwen Eirlys Sioned Glesni Mererid Tegwen
  Siobhan Niamh Aoife Ciara Saoirse Roisin Sinead Grainne Orla Caoimhe Aisling Clodagh Deirdre Eimear Mairead Maeve
  Nuala Orlaith Una Brid Bridget Aine Eabha Blathnaid Eoin Cian Oisin Padraig Patrick Seamus Sean Shay Ciaran Declan Colm
  Donal Donnacha Fergal Liam Conor Connor Darragh Cormac Diarmuid Eamon Eamonn Fionn Lorcan Niall Ronan Ruairi Tadhg Tiernan
`);
const FORENAMES_SOUTH_ASIAN = words(`
  Priya Rahul Amit Anjali Deepak Sanjay Sunita Ravi Vikram Neha Pooja Arjun Rohan Aarav Raj Rajesh Anil Nisha Kiran Sunil
  Asha Meera Nikhil Gurpreet Harpreet Jaswinder Manpreet Sukhwinder Baljit Amrit Navdeep Rupinder Parminder Kuldip Kuldeep
  Jasbir Jaspal Hardeep Harjit Harjinder Inderjit Jagdish Mandeep Ranjit Satnam Simran Sukhdev Tejinder Balvinder Davinder
  Rahim Karim Shamima Nazia Tahmina Rubina Shahid Abdul Farhana Nasreen Sadia Imran Asif Tariq Zahid Shazia Samina Rizwan
  Bilal Usman Hamza Zubair Adnan Waqas Naveed Saima Ayesha Aisha Sana Hira Zara Zainab Arif Aamir Amir Faisal Irfan Kamran
  Nadeem Naeem Rashid Sajid Shoaib Tahir Wasim Yasir Zeeshan Nabila Rukhsana Shabana Tasneem Uzma Yasmeen Parveen Razia
  Anand Ashok Bharat Dinesh Ganesh Harish Jayesh Kishan Mahesh Manish Mukesh Naresh Nilesh Paresh Pradeep Pranav Prakash
  Rakesh Ramesh Sachin Sandeep Suresh Vijay Vinod Yogesh Alpa Bhavna Chandni Darshana Divya Geeta Hema Jyoti Kavita Komal
  Lata Leela Madhu Mamta Nalini Nirmala Pallavi Rekha Rupa Savita Seema Shilpa Smita Sonal Swati Usha Vandana Hetal Nikita
  Shreya Ananya Ishaan Vihaan Aditya Krish Dev Jai Kabir Reyansh Saanvi Aadhya Diya Ishita Kavya Riya Tanvi Anika
  Mohammed Muhammad Mohammad Mohamed Ahmed Ahmad Ali Hassan Hussain Hussein Ibrahim Ismail Yusuf Yousuf Idris Junaid
  Shamim Mizanur Mahfuz Anwar Anisur Habib Jamal Jahangir Monir Nazrul Rafiq Shafiq Sohel Sultana Taslima Rokeya Momtaz
`);
const FORENAMES_EUROPEAN = words(`
  Piotr Krzysztof Tomasz Pawel Marcin Michal Lukasz Jakub Kamil Mateusz Bartosz Dawid Grzegorz Wojciech Rafal Adrian
  Agnieszka Katarzyna Magdalena Joanna Monika Ewa Malgorzata Aleksandra Justyna Karolina Natalia Paulina Weronika Zofia
  Andrzej Jan Janusz Jerzy Kazimierz Stanislaw Zbigniew Dariusz Mariusz Sebastian Slawomir Beata Dorota Iwona Jolanta
  Tomas Mantas Lukas Darius Rasa Ruta Jurate Egle Ieva Vytautas Audrius Giedre Jonas Povilas Aurimas Dovydas Gintare
  Andrei Alexandru Ionut Mihai Florin Bogdan Catalin Cristian Gabriel Marius Razvan Vlad Adina Andreea Alina Bianca Ioana
  Elena Mihaela Roxana Simona Oana Raluca Nicoleta Daniela Georgiana Larisa
  Oleksandr Olena Iryna Dmytro Andriy Yulia Oksana Tetyana Serhiy Mykola Vasyl Bohdan Taras Halyna Natalya Svitlana
  Dimitri Dimitrios Georgios Nikos Nikolaos Konstantinos Yiannis Andreas Christos Eleni Maria Katerina Sofia Despina
  Giorgos Panayiotis Stavros Costas Kyriakos Androulla Panayiota Theodora Vasiliki
  Luigi Giuseppe Giovanni Marco Francesco Alessandro Matteo Lorenzo Giulia Chiara Francesca Valentina Alessia
  Joao Pedro Tiago Rui Miguel Carlos Ana Beatriz Ines Mariana Catarina Rita Filipa
  Ahmet Mehmet Mustafa Huseyin Hasan Emre Burak Murat Kemal Osman Serkan Volkan Cem Can Deniz Elif Zeynep Ayse Fatma
  Emine Merve Esra Ozlem Sevgi Hatice Gul Derya Ebru Leyla Ozge Tugba Yusuf
`);
const FORENAMES_AFRICAN_CARIBBEAN = words(`
  Adaeze Chinedu Chiamaka Ngozi Oluwaseun Seun Tunde Babatunde Femi Olufemi Kemi Yetunde Folake Funmilayo Funmi Bukola
  Adebayo Adewale Ade Ayodele Ayo Bisi Chidi Chioma Chukwuemeka Emeka Ifeoma Ikenna Nkechi Nnamdi Obinna Ogechi Olamide
  Oluwadamilare Damilare Temitope Tope Tobi Tolu Tosin Uche Uchenna Yemi Zainab Abimbola Adaora Amaka Ebere Ejike Kelechi
  Kwame Kofi Kojo Kwabena Kwaku Kwesi Yaw Ama Akosua Abena Efua Adjoa Afua Akua Esi Yaa Nana Kobina Kweku Ekow Fiifi
  Amara Zuri Imani Jabari Kamau Wanjiru Njeri Otieno Achieng Akinyi Wambui Mwangi Tendai Tatenda Farai Rudo Chipo
  Hodan Asha Faduma Ayaan Hamdi Hibo Ifrah Sahra Fartun Yasmin Abdi Abdirahman Abdullahi Mahad Liban Guled Mukhtar
  Delroy Winston Marcia Leroy Desmond Errol Lloyd Neville Clive Beverley Paulette Sonia Everton Carlton Lascelles Horace
  Dwayne Jermaine Tyrone Marlon Andre Devon Kareem Rashad Shanice Tanisha Keisha Latoya Monique Yolanda Hyacinth Claudette
  Cleveland Lennox Fitzroy Wesley Garfield Owen Junior Denton Glenroy Maxine Verona Icilda Myrtle
`);
const FORENAMES_EAST_ASIAN_MIDDLE_EAST = words(`
  Wei Jing Li Ming Hui Xin Yan Mei Lei Jun Hao Yi Ling Xiao Zhi Qing Hong Bo Tao Kai Jian Jie Lin Ying Xiu Fang Hua Na
  Yong Feng Gang Ping Qiang Bin Chao Dong Fei Guang Hai Hong Jia Kang Lan Lian Liang Long Peng Rong Shan Tian Wen Xia Xue
  Yu Yun Zhen Zhong Zhou Ka Kit Wing Man Siu Chun Yee Wai Mei Hoi Pui Suk Ka-Wing Ho-Yin Chi Kwok Sze
  Minh Anh Linh Thanh Tuan Hung Huong Lan Mai Ngoc Phuong Quang Thu Trang Duc Hieu Khanh Long Nam Phuc Quynh Thao Trung
  Hiroshi Kenji Takeshi Yuki Yuko Haruka Sakura Akira Keiko Naoko Min-jun Seo-yeon Ji-woo Ji-hoon Hyun Soo Jin
  Omar Khalid Abdullah Fatima Mariam Maryam Layla Noor Nour Amina Amira Rania Reem Salma Yasmin Hana Huda Dalia Lina Maha
  Tariq Walid Karim Samir Nabil Rami Ziad Bashir Faris Hadi Jamil Majid Marwan Mazen Nasser Rashid Saeed Saif Sami Tamer
  Youssef Yousef Zaid Ayman Bassam Fadi Ghassan Hamid Hisham Kamal Mahmoud Mansour Mustafa Nizar Qasim Riad Salim Talal
  Dara Darya Shirin Parisa Reza Ali-Reza Arash Babak Dariush Farhad Kaveh Kourosh Mehdi Navid Payam Ramin Saman Siamak
  Roya Leila Mina Nasrin Azadeh Golnaz Mahsa Nazanin Niloufar Shadi Soraya Yasaman Zahra Behrouz Hooman
  Sarah Miriam Rivka Chaya Shimon Moshe Yosef Avraham Yitzchak Chaim Dov Eli Shlomo Menachem Rachel Devorah Esther Leah
`);

// Nepali (Gurkha families in Aldershot, Reading, Folkestone, Ashford) and Filipino (NHS and care staff) communities
const FORENAMES_NEPALI_FILIPINO = words(`
  Bikash Bikram Binod Bishnu Deepak Dil Dhan Ganesh Gopal Hari Krishna Manoj Nabin Prakash Prem Rajendra Ramesh Santosh
  Suman Sunil Surya Tek Dipendra Bhim Dambar Lok Padam Resham Tul Yam Bhupendra Chandra Durga Hem Jit Kiran Mohan Narayan
  Anita Bimala Gita Kamala Laxmi Maya Parbati Radha Sabina Sarita Sita Sunita Usha Pabitra Sushila Binita Manisha Asha
  Maricel Marites Rowena Jocelyn Rosalie Analyn Jomar Rodel Arnel Marlon Rommel Jericho Lorna Teresita Imelda Corazon
  Leonora Editha Erlinda Remedios Charito Jinky Marivic Mylene Rhea Joy-Ann Glaiza Jonalyn Marjorie Rizalyn Danilo Romeo
`);

// --- hand-written surnames by origin ----------------------------------------------------------
// Albanian and Kosovan, Kurdish, Eritrean and Ethiopian, Balkan and Baltic: communities the UK lists above
// and faker's locales both miss (an unseen corpus's "Site manager Ardian Hoxha", 2026-11-28)
const FORENAMES_BALKAN_BALTIC_KURDISH_HORN = words(`
  Ardian Arben Besnik Blerim Dritan Driton Fatmir Gentian Ilir Kastriot Klodian Lulzim Mergim Valon Visar Ylli Agron Arlind
  Bekim Ermal Fisnik Florian Genc Gezim Jetmir Kujtim Leutrim Liridon Shkelzen Adelina Albana Arta Besa Blerta Drita
  Elira Entela Fjolla Flutura Jonida Klea Lindita Mimoza Rezarta Shqipe Teuta Vjosa
  Azad Rezan Dilan Berivan Roj Rojin Rojda Hozan Shvan Karwan Kawa Diyar Hawre Zana Nazdar Shilan Avin Aram Baran Rebin
  Yonas Tesfaye Tesfay Yohannes Dawit Abel Filmon Mebrahtu Medhanie Mulugeta Berhane Habtom Kidane Semere Tekle Selam
  Senait Saba Helen Rahel Feven Luwam Yordanos Meron Hiwet Abrehet Tsega
  Goran Dragan Zoran Milos Nemanja Stefan Dejan Darko Vladimir Branko Bojan Ivica Tomislav Damir Jasmina Mirela Snezana
  Dragana Milica Jelena Marija Tijana Vesna
  Kristaps Aleksandrs Janis Arturs Edgars Raivis Roberts Reinis Martins Ilze Inese Liga Zane Dace Laura Sandra Kateryna
  Dmitri Dmitrijs Farid Farhad Jawad Wahid Zabihullah Nasir Habib Mirwais
`);

const SURNAMES_UK = words(`
  Mainwaring Protheroe Prothero Bowen Prydderch Gwilliam Trevelyan Penhaligon Tregenza Pascoe Nancarrow Polglase
  Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White
  Edwards Hughes Green Hall Lewis Harris Clarke Clark Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore
  King Watson Baker Harrison Morgan Young Allen Mitchell James Anderson Phillips Lee Bell Parker Davis Bennett Price
  Griffiths Kelly Simpson Marshall Collins Bailey Carter Cox Richardson Murphy Shaw Richards Ellis Graham Gray Grey Adams
  Chapman Mason Stevens Holmes Fox Rogers Russell Webb Palmer Mills Owen Gibson Lloyd Hunt Stewart Matthews Campbell
  Barnes Butler Pearson Dixon Fletcher Knight Hunter Powell Hudson Spencer Chambers Howard Wells Reynolds Lawrence Foster
  Burton Jenkins Dawson Cole Elliott Ford Berry Reid Rose Kennedy Atkinson Stone Lane Holland Carr Barker Saunders Harvey
  Pearce Porter Dean Payne Wallace Bird Cunningham Sutton Andrews Hart West Gardner Ryan Wilkinson Lawson Douglas Burns
  Walsh Fisher Pritchard Rees Woods Newman Bradley Barrett Francis Hayes Watts Ross Stephens Lowe Armstrong Jordan Gregory
  Sharp Bates Booth Brooks Hopkins Kerr Frost Hale Hodgson Lamb Moss Parsons Pugh Rowe Slater Tucker Walton Weaver Wheeler
  Whitehead Wilkins Wilkinson Winter Wolfe Yates Archer Ball Barber Barlow Barton Bishop Black Bolton Bond Bowen Bower
  Bowman Boyle Bradshaw Brennan Briggs Bruce Buckley Bull Burgess Burke Bush Byrne Cameron Cartwright Chandler Charlton
  Coleman Connolly Conway Cook Cooke Crawford Cross Curtis Dale Daniels Day Doherty Donnelly Doyle Duffy Duncan Dunn
  Dyer Farmer Farrell Field Finch Fleming Flynn Fowler Fraser French Fuller Gallagher Gibbs Gilbert Godfrey Goodwin
  Gordon Gough Gould Grant Graves Hamilton Hancock Hanson Hardy Harper Hawkins Hayward Henderson Herbert Hewitt Hicks
  Higgins Hobbs Hodges Holden Holt Hooper Horton Houghton Howarth Howe Howell Hussey Hutchinson Ingram Jarvis Jennings
  Johnston Kemp Kent Kirby Knowles Lambert Law Leach Lees Lester Little Lord Lucas Lynch Mann Marsh McDonald Miles Miller
  Mooney Morton Moss Naylor Nash Nicholls Nicholson Norman Norris North Osborne Page Parry Patterson Pearce Perkins Perry
  Peters Pickering Pollard Poole Potter Quinn Randall Read Reed Reeves Rhodes Rice Riley Robertson Robson Rowley Sanders
  Scott Sharpe Shepherd Short Sims Skinner Slater Steele Stevenson Stokes Storey Sullivan Summers Swift Talbot Thornton
  Todd Townsend Tyler Vaughan Vincent Wade Walters Warren Waters Watkins Webster Welch Whittaker Wiggins Wilkins
  Wilcox Willis Wong Woodward Wyatt Abbott Ahmed Akhtar Ali Appleby Ashworth Atherton Austin Bamford Banks Beattie
  Blackburn Blake Bloggs Bradbury Brookes Buckingham Cairns Carey Castle Chadwick Chester Clayton Clifford Coates
  Cotton Coulson Crane Crossley Dalton Davison Denton Dickinson Dobson Dodd Drake Eaton Fairclough Farrow Fenton Firth
  Fitzgerald Forster Gale Garner Gill Glover Goddard Greenwood Hargreaves Haworth Heath Holloway Hope Hurst Kirk Knott
  McCracken McKenzie McLean McLeod McKay MacDonald MacLeod Mackenzie Mackay Maclean Macintyre McIntyre McGregor MacGregor
  McAllister McBride McCann McCarthy McCormick McDermott McGuire McKenna McLaughlin McMahon McManus McNally McNeil Murray
  Sutherland Ferguson Munro Robertson Hamilton Fraser Stewart Cameron Davidson Paterson Kerr Ritchie Sinclair Boyd
  Jenkins Llewellyn Bevan Prosser Powell Pugh Prys Gwynne Meredith Parry Probert Vaughan Howells Lloyd Morgan Griffith
  O'Sullivan O'Brien O'Connor O'Neill O'Reilly O'Doherty O'Donnell O'Leary O'Mahony O'Callaghan O'Shea O'Connell
  O'Driscoll O'Keefe O'Hara O'Rourke O'Dwyer O'Toole Byrne Ryan Walsh Kennedy Lynch Quinn Carroll Daly Brennan Dunne
  Fitzpatrick Nolan Hogan Power Keane Kavanagh Maguire Moran Mulligan Murtagh Nugent Regan Sheehan Sweeney Tierney Whelan
  Wilkins Wilkes Clarkson Collier Cowley Craven Dalby Everett Gosling Hammond Hawkes Kitchen Mayhew Pemberton Rowlands
`);
const SURNAMES_SOUTH_ASIAN = words(`
  Patel Shah Khan Ahmed Hussain Hussein Ali Begum Akhtar Iqbal Rahman Islam Uddin Chowdhury Choudhury Miah Mia Singh Kaur
  Sharma Gupta Kumar Mistry Parmar Chauhan Joshi Desai Mehta Reddy Nair Pillai Das Bose Banerjee Chatterjee Mukherjee
  Ghosh Sen Dutta Roy Verma Agarwal Aggarwal Bhatt Bhatti Chopra Dhillon Gill Grewal Sandhu Sidhu Sohal Bains Johal Virk
  Atwal Basra Dhaliwal Gill Kang Mann Randhawa Sahota Sangha Sekhon Thind Toor Uppal Jhutti Lally Bassi Heer Rai Raj
  Malik Mahmood Mahmud Qureshi Siddiqui Sheikh Shaikh Butt Bhatti Chaudhry Chaudhary Mirza Raza Rizvi Naqvi Jafri
  Haider Abbasi Awan Baig Bukhari Chughtai Dar Durrani Ghani Hashmi Javed Kazmi Latif Nawaz Niazi Rana Rashid Saleem
  Shafiq Sultan Tariq Yousaf Zaman Anwar Aslam Aziz Bashir Haque Hoque Hossain Karim Mahmood Majumder Rahim Sarkar Talukdar
  Kapoor Khanna Malhotra Saxena Srivastava Tiwari Trivedi Pandey Mishra Dubey Yadav Jain Shetty Rao Iyer Iyengar
  Krishnan Menon Naidu Ramachandran Subramaniam Venkatesan Ganguly Bhattacharya Chakraborty Halder Mondal Paul Saha
  Lad Solanki Vaghela Makwana Rathod Thakkar Pandya Modi Amin Vyas Dave Lakhani Kotecha Ruparelia Pabari Thakrar Popat
`);
const SURNAMES_EUROPEAN = words(`
  Kowalski Kowalska Nowak Wisniewski Wisniewska Wojcik Kowalczyk Kaminski Kaminska Lewandowski Lewandowska Zielinski
  Zielinska Szymanski Szymanska Wozniak Dabrowski Dabrowska Kozlowski Kozlowska Jankowski Jankowska Mazur Kwiatkowski
  Kwiatkowska Krawczyk Piotrowski Piotrowska Grabowski Grabowska Nowakowski Pawlowski Michalski Krol Wieczorek Jablonski
  Wrobel Nowicki Majewski Olszewski Stepien Malinowski Jaworski Adamczyk Dudek Nowicka Gorski Witkowski Walczak Sikora
  Baran Rutkowski Michalak Szewczyk Ostrowski Tomaszewski Pietrzak Zalewski Wroblewski Marciniak Jasinski Zawadzki
  Kazlauskas Jankauskas Petrauskas Stankevicius Vasiliauskas Zukauskas Butkus Paulauskas Urbonas Kavaliauskas
  Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Constantin Florea Moldovan
  Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Koval Shevchuk Polishchuk Lysenko Marchenko
  Ivanov Petrov Sidorov Smirnov Popov Kuznetsov Sokolov Volkov Novak Horvat Kovac Novotny Dvorak Svoboda Cerny
  Papadopoulos Georgiou Christodoulou Constantinou Nicolaou Ioannou Demetriou Charalambous Michael Antoniou Panayiotou
  Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin Kara Koc Kurt Ozkan
  Simsek Polat Erdogan Korkmaz Akin Aksoy Avci Bulut Cakir Gunes Keskin Tekin Ucar Yavuz Karaca Unal Guler Coskun
  Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca Costa Giordano
  Silva Santos Ferreira Pereira Oliveira Rodrigues Martins Sousa Fernandes Goncalves Gomes Lopes Marques Alves Almeida
  Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schroder
  Garcia Fernandez Gonzalez Rodriguez Lopez Martinez Sanchez Perez Gomez Diaz Hernandez Moreno Alvarez Romero
  DeVries Jansen Visser Bakker Janssen Smit Meijer DeBoer Mulder DeGroot Bos Vos Peters Hendriks
`);
const SURNAMES_AFRICAN_CARIBBEAN = words(`
  Okafor Okonkwo Adeyemi Adebayo Ogunleye Oyelaran Mensah Owusu Boateng Asante Appiah Osei Agyeman Danso Nwosu Eze Obi
  Chukwu Olawale Afolabi Balogun Bello Okoro Ibekwe Okeke Onyeka Nwachukwu Nwankwo Okwu Obiora Okoye Uzoma Ugwu Anyanwu
  Adeleke Adesanya Adeniyi Ademola Adewale Adeyinka Akande Akinola Akinyemi Alabi Ayodele Babatunde Fashola Ogundipe
  Ogunbiyi Ojo Okonjo Olaniyan Olatunji Oluwole Oyebanji Oyewole Salami Shittu Sowande Adjei Amoah Ansah Antwi Asamoah
  Bonsu Darko Frimpong Gyamfi Kyei Nkansah Ofori Opoku Quaye Sarpong Tetteh Yeboah Acheampong Amponsah Annan Addo
  Kamara Koroma Sesay Conteh Bangura Jalloh Diallo Bah Barry Camara Toure Traore Keita Ndiaye Diop Sow Fall Mbeki
  Abdi Warsame Farah Osman Jama Aden Hersi Mohamud Yusuf Nur Egal Dualeh Ismail Hirsi Guleid Omar Elmi Gedi Samatar
  Mwangi Kamau Otieno Odhiambo Ochieng Wanjiku Njoroge Kariuki Mutua Moyo Ncube Dube Sibanda Ndlovu Mhlanga Chikwanha
  Campbell Brown Thompson Morgan Grant Henry Francis Reid Gordon Johnson Williams Clarke Bailey Powell Samuels Spence
  Brathwaite Braithwaite Forbes Gayle Lindo McFarlane Nembhard Richards Robinson Stewart Walters Wright Yearwood
  Bent Bryan Dacosta Fearon Fergus Goodison Headley Hinds Lewin Lyons Mattis Ottey Rattray Shakespeare Thomas
`);
const SURNAMES_EAST_ASIAN_MIDDLE_EAST = words(`
  Chen Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Zheng Liang Xie Tang Han Cao Deng Feng
  Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Yu Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan Liao Zou Xiong
  Jin Lu Hao Kong Bai Cui Kang Mao Qiu Qin Jiang Shen Gu Meng Wong Chan Cheung Lau Lee Leung Ng Ho Chow Tse Yip Lam
  Fung Kwok Mak Yeung Choi Tsang Lai Chu Kwan Kwong Tam Tong Tsui Wan Yau Yuen Chiu Fong Hui Ko Law Lo Siu Sze Woo
  Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngo Duong Ly Truong Dinh Trinh Mai Luu Kim Park Choi Jung Kang Cho Yoon
  Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Sato Kato Yoshida Yamada Sasaki Matsumoto Inoue
  Al-Sayed El-Masri Haddad Khoury Mansour Nasser Saleh Hamdan Abbas Aziz Rashid Farah Said Hamid Hussein Jaber Khalil
  Mahmoud Mustafa Nassar Qasim Sabbagh Shaheen Suleiman Yassin Zaki Al-Amin Al-Hashimi Al-Rashid Al-Khatib El-Sayed
  Abdallah Abdelrahman Ahmadi Hosseini Karimi Mohammadi Rahimi Rezaei Sadeghi Jafari Moradi Hashemi Ebrahimi Kazemi
  Cohen Levy Levi Katz Friedman Goldberg Rosenberg Shapiro Klein Stern Weiss Schwartz Rubin Blum Adler Gold Green
`);

const SURNAMES_NEPALI_FILIPINO = words(`
  Gurung Tamang Thapa Magar Limbu Shrestha Sherpa Pun Ghale Chhetri Karki Khadka Adhikari Basnet Bhandari Budha Dahal
  Ghimire Gautam Lama Maharjan Pokharel Poudel Sapkota Subedi Thakuri Bhattarai Koirala Neupane Thapa-Magar Ale Bhujel
  Dela Santos Reyes Bautista Mendoza Villanueva Ramos Aquino Castillo Domingo Manalo Pascual Macaraeg Dizon Gonzales
  Soriano Navarro Tolentino Valdez Mercado Cabrera Salazar Magbanua Dimaculangan Panganiban Mangubat Dimaano Bernardo
`);

const SURNAMES_BALKAN_BALTIC_KURDISH_HORN = words(`
  Hoxha Krasniqi Berisha Shehu Gashi Leka Morina Kelmendi Hysa Basha Dervishi Bajrami Rama Hasani Ahmeti Kastrati Kola
  Marku Gjoka Lika Mema Cela Dushku Zeqiri Sadiku Shala Osmani Hajdari Ismaili Mustafa Bytyqi Rexhepi Gjoni
  Barzani Talabani Zebari Amedi Dosky Hawrami Jaff Baban Rashid Kurdi Hamawandi
  Tesfay Tesfaye Gebremedhin Gebremariam Gebreyesus Haile Haileselassie Tekle Kidane Berhe Woldemichael Mengistu Tadesse
  Bekele Girma Ghebreyesus Mehari Habte Abraha Weldu Ogbazghi
  Abdullahi Warsame Farah Jama Omar Nur Mohamud Hirsi Egal Dirie Hassan Abdi Osman Yusuf Guled Samatar
  Petrovic Nikolic Kovacevic Jovanovic Markovic Djordjevic Stojanovic Ilic Pavlovic Popovic Horvat Babic Maric Juric
  Novak Kovac Knezevic Vukovic Tomic Peric Hadzic Begic Delic Hodzic
  Berzins Ozols Kalnins Liepins Krumins Vitols Balodis Eglitis Zarins Petersons Jansons Kazlauskas Petrauskas Jankauskas
  Stankevicius Vasiliauskas Zukauskas Butkus Paulauskas Urbonas Tamm Saar Sepp Magi Kask
  Karimi Ahmadi Hosseini Rahimi Sultani Popal Durrani Stanekzai Wardak Safi Noori Hakimi
`);

// Capitalised words that are names in the lists but far more often ordinary words in police prose.
// They only count as name evidence next to a strong name token or after a title.
export const WEAK_NAME_WORDS = new Set(words(`
  Will May June April August Summer Winter Autumn Spring Grace Hope Faith Joy Rose Lily Ivy Holly Hazel Violet Iris Daisy
  Poppy Amber Ruby Pearl Crystal Dawn Sky Skye River Storm Rain Sunny Mark Grant Bill Art Pat Rob Sue Gene Chase Hunter
  Guy Ray Frank Earl Duke King Prince Major Miles Dean Bishop Cook Baker Mason Carter Porter Parker Walker Turner Fisher
  Young Long Short Little Small Strong Hardy Wise Good Best Bright Sharp Gold Silver Stone Rock Brook Lane Field Hill
  Wood Woods Green Brown White Black Gray Grey Bell Hall Park Church Castle Bridge Ford Marsh Moss Heath Forest Law Love
  Page Price Rich Cash Bond Banks Lord Knight Squire Noble Temple Chance Victory Christmas Easter Monday Sunday North
  South East West Street London Paris Jersey Chelsea Devon Kent Lincoln Chester Washington Jordan Israel India China
  Georgia Florence Sydney Austin Dallas Houston Phoenix Orlando Troy Van Le Ma Do Ho Lo Ko Na Ye Yu Su Lu Li Ng Bo He Man
  Sun Can Jan Dan Ben Al Ed Don Ken Jo Mo Ali Eve Ava Mia Zara Nova Cole Ward Wells Holmes Gates Hart Fox Wolf Bird Swan
  Drake Crane Finch Wren Robin Jay Lark Dove Hawk Nash Stan Sid Ted Reg Ron Abbey Abbott Beach Bay Glen Dale Vale Dell
  Barry Kerry Clare Derry Down Antrim Orange Lemon Olive Cherry Berry Sage Basil Bay Ash Oak Elm Pine Rowan Hazel Willow
  The And Of For To In On At By With From Into Over Under About After Before During Between Through Without Within
  Upon Near Off Up Out New Old Great Saint Police Team Court Road Station Safer Local City County Town Village Centre
`));

/** Nationality words no UK name list should hold ("a German Shepherd", "Irish" in a table); English, French and Welsh are surnames too. */
const NATIONALITIES = new Set(words(`Irish Scottish British Polish Romanian Lithuanian Latvian Albanian Kurdish Somali Eritrean Nigerian Ghanaian
  Pakistani Bangladeshi Chinese Vietnamese Turkish Greek Italian Spanish Portuguese German Dutch European African Caribbean`));

const forenames = new Set([
  ...generated.forenames, ...FORENAMES_UK, ...FORENAMES_SCOTTISH_WELSH_IRISH, ...FORENAMES_SOUTH_ASIAN, ...FORENAMES_EUROPEAN,
  ...FORENAMES_AFRICAN_CARIBBEAN, ...FORENAMES_EAST_ASIAN_MIDDLE_EAST, ...FORENAMES_NEPALI_FILIPINO, ...FORENAMES_BALKAN_BALTIC_KURDISH_HORN,
]);
for (const k of NATIONALITIES) forenames.delete(k);
export const FORENAMES: ReadonlySet<string> = forenames;
const surnames = new Set([
  ...generated.surnames, ...SURNAMES_UK, ...SURNAMES_SOUTH_ASIAN, ...SURNAMES_EUROPEAN, ...SURNAMES_AFRICAN_CARIBBEAN,
  ...SURNAMES_EAST_ASIAN_MIDDLE_EAST, ...SURNAMES_NEPALI_FILIPINO, ...SURNAMES_BALKAN_BALTIC_KURDISH_HORN,
]);
// The wide list (names-extra.generated.json: ~170k names from censuses and social media, no English words)
// says only that a word is someone's name: it joins the surnames, less the forenames, the weak name-words
// and every word the address and organisation lists own. On the labelled corpora it lifted PERSON recall on
// unseen text (0.936 → 0.953) at the cost of 4 false names in 6,700 spans ("Irish" before a nationality filter).
const isLexiconWord = (k: string): boolean =>
  UK_PLACES.has(k) || COMMON_CAPITALISED.has(k) || ORG_WORDS.has(k) || STREET_TYPE_SET.has(k) || VENUE_WORDS.has(k) || HOUSE_NAME_WORDS.has(k) || TITLES.has(k);
for (const k of generatedExtra.surnames) if (!FORENAMES.has(k) && !WEAK_NAME_WORDS.has(k) && !isLexiconWord(k)) surnames.add(k);
for (const k of NATIONALITIES) surnames.delete(k);
export const SURNAMES: ReadonlySet<string> = surnames;

/** Surname prefixes that make a surname on their own: O'Neill, McDonald, MacLeod, Fitzgerald. */
export const SURNAME_SHAPE = /^(?:O'[A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]{2,}|Fitz[a-z]{3,}|(?:Al|El)-[A-Z][a-z]+|D'[A-Z][a-z]+)$/;

/**
 * Everyday short forms of forenames ("Samuel Okonjo-Hughes … Sam was the heart of our family"), for
 * following up a person named in full. Short forms that are also common words (Will, Bill, Pat, Sue,
 * Rob, Mark, Ray…) are left out: alone, they say too little.
 */
export const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map(
  `samuel:sam,sammy samantha:sam,sammy oliver:ollie,olly thomas:tom,tommy william:billy,liam,wills robert:bobby,robbie
   richard:richie,rick,ricky james:jim,jimmy,jamie joseph:joe,joey michael:mick,mikey,micky,mike christopher:chris,kit
   matthew:matt,matty daniel:dan,danny benjamin:ben,benny alexander:alex,alec,xander alexandra:alex,lexi anthony:tony
   nicholas:nicky,nico jonathan:jon,jonny,johnny john:johnny,jonny edward:eddie,ed,ned charles:charlie,chaz
   elizabeth:liz,lizzie,beth,betty,libby katherine:kate,katie,kath,kathy catherine:kate,katie,cath,cathy kathleen:kath,kathy
   rebecca:becky,becca jennifer:jen,jenny,jenna margaret:maggie,peggy,meg victoria:vicky,tori jessica:jess,jessie
   abigail:abbie,abby deborah:debbie,deb patricia:trish,tricia,patsy stephen:steve,stevie steven:steve,stevie
   andrew:andy,drew frederick:fred,freddie,freddy henry:harry,hal harold:harry lawrence:larry,laurie timothy:tim,timmy
   gregory:greg philip:phil phillip:phil kenneth:kenny ronald:ronnie donald:donnie gerald:gerry geraldine:gerry
   peter:pete david:dave,davey,davie bernard:bernie bernadette:bernie wilfred:wilf zachary:zac,zach joshua:josh nathan:nate nathaniel:nate,nat
   jacob:jake,jakey isabella:bella,izzy isabel:izzy,bella isobel:izzy eleanor:ellie,nell charlotte:charlie,lottie
   amelia:millie,mia emily:em,emmy emma:em gabriel:gabe gabriella:gabby jacqueline:jackie josephine:jo,josie
   susan:susie,suzy suzanne:suzy joanne:jo joanna:jo christine:chris,chrissie christina:chrissie
   shamim:sham shamima:sham mohammed:mo mohammad:mo muhammad:mo abdullah:abdul kwabena:kobby oluwaseun:seun
   oluwatobi:tobi temitope:tope adebayo:bayo aleksander:olek aleksandra:ola,olka malgorzata:gosia katarzyna:kasia
   agnieszka:aga wojciech:wojtek krzysztof:krzys`
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [full, shorts] = entry.split(':') as [string, string];
      return [full, shorts.split(',')] as const;
    }),
);
