package text

import (
	"strings"
	"testing"
)

func TestEntry(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"person and department", "Sandra Mills (Quality Assurance)", "person Sandra Mills"},
		{"name, title, organisation", "Jane Doe, Director, Amnesty International", `person Jane Doe; member of Amnesty International (NGO) as "Director"`},
		{"name, public title and state", "Anna Berg, Minister of Culture of the Republic of Estonia", "person Anna Berg; holds Minister of Culture of Estonia (STATE)"},
		{"office with its state", "Minister of Interior of Albania", "office Minister of Interior of Albania (STATE)"},
		{"office of a town, German", "Oberbürgermeister der Stadt Altenbrück", "office Oberbürgermeister of Stadt Altenbrück"},
		{"organisation with a purpose", "Thermova Wärmesysteme AG – zur Kenntnis", "organisation Thermova Wärmesysteme AG"},
		{"persian office and province", "مدیرکل محترم آموزش و پرورش استان سیستان و بلوچستان جهت اطلاع", "office مدیرکل آموزش و پرورش of استان سیستان و بلوچستان"},
		{"persian public title and town", "استاندار محترم یزد جهت استحضار", "office استاندار of یزد"},
		{"arabic office with li-", "سعادة المدير العام لمستشفى الشفاء التخصصي المحترم للعلم", "office المدير العام of مستشفى الشفاء التخصصي"},
		{"persian name then title", "جناب آقای رحیم نادری معاون شهرسازی شهرداری شیراز", `person رحیم نادری {جناب آقای}; member of شهرداری شیراز (GOVERNMENT) as "معاون شهرسازی"`},
		{"russian title, organisation and name", "Главному инженеру ООО «Волжский завод» Лаптеву С.Н.", `person Лаптеву С.Н.; member of ООО «Волжский завод» as "Главному инженеру"`},
		{"russian initials before the surname", "Директору ООО «Вектор» Г.П. Кудрявцеву", `person Г.П. Кудрявцеву; member of ООО «Вектор» as "Директору"`},
		{"russian initials alone are no name", "Главному бухгалтеру Ивлевой Н.С.", "person Ивлевой Н.С."},
		{"french article before an office", "le Maire de Villeneuve", "office Maire of Villeneuve"},
		{"initials are no honorific", "P.J. Verhoeven", "person P.J. Verhoeven"},
		{"spanish don", "D. Tomás Aguirre Salas", "person Tomás Aguirre Salas {D.}"},
		{"german honorifics", "Frau Dr. Miriam Hollweg", "person Miriam Hollweg {Frau Dr.}"},
		{"a unit stays in the title", "Head of Archive Services", "office Head of Archive Services of none"},
		{"a unit in a compound", "Leiterin Kundenservice", "office Leiterin Kundenservice of none"},
		{"a unit with its own name is an organisation", "Department of Health", "organisation Department of Health"},
		{"german genitive in the nominative", "Landrat des Landkreises Oberhavel", "office Landrat of Landkreis Oberhavel"},
		{"german genitive of a short word", "Ministerin des Landes Brandenburg", "office Ministerin of Land Brandenburg"},
		{"the members of a body are the body", "Mitglieder des Kreistages Oberhavel", "organisation Kreistag Oberhavel"},
		{"an elided article before the organisation", "Mario Conti, Presidente dell'Associazione Amici del Borgo",
			`person Mario Conti; member of Associazione Amici del Borgo as "Presidente"`},
		{"a kind in lower case before the name", "Yvonne Le Goff, Présidente de l'association Les Amis du Vieux Moulin",
			`person Yvonne Le Goff; member of Les Amis du Vieux Moulin as "Présidente"`},
		{"a kind with a capital is the name's", "Anne Roy, Trésorière de l'Association de quartier Les Coteaux",
			`person Anne Roy; member of Association de quartier Les Coteaux (NGO) as "Trésorière"`},
		{"a kind after an elided d' qualifies the title", "Sandrine Leclerc, Infirmière diplômée d'État",
			"person Sandrine Leclerc"},
		{"german adjective of a feminine body", "Dekan der Philosophischen Fakultät", "office Dekan of Philosophische Fakultät"},
		{"german adjective of a neuter body is left", "Präsident des Statistischen Bundesamtes", "office Präsident of Statistischen Bundesamtes"},
		{"a field of work is no organisation", "Dr. Alicia Moreno, Director of Water Quality", "person Alicia Moreno {Dr.}"},
		{"a field of work, spanish", "Javier Montero Gil, Jefe de Sistemas", "person Javier Montero Gil"},
		{"a field inside a company's name", "Ruth Obi, Director, Harland Finance Ltd",
			`person Ruth Obi; member of Harland Finance Ltd (COMPANY) as "Director"`},
		{"name and title in brackets before the office grammar", "Colin Abernethy (Winter Service Coordinator)", "person Colin Abernethy"},
		{"name, title and organisation in brackets", "Ruth Obi (Director, Harland Finance Ltd)",
			`person Ruth Obi; member of Harland Finance Ltd (COMPANY) as "Director"`},
		{"an organisation and its town", "Ministère de la Culture et de la Communication, Rennes", "organisation Ministère de la Culture et de la Communication (GOVERNMENT)"},
		{"an organisation and its state after a dash", "Court of Audit – Republic of Estonia", "organisation Court of Audit"},
		{"a title and an organisation is no location", "Director, Amnesty International", "office Director of Amnesty International (NGO)"},
		{"a company that names its trade is no unit", "Mr D. Hollins, Credit Controller, Marsh Pallet Services Ltd",
			`person D. Hollins {Mr}; member of Marsh Pallet Services Ltd (COMPANY) as "Credit Controller"`},
		{"a kind alone before a title is no organisation", "The Company Secretary", "office Company Secretary of none"},
		{"a paper's name starts with an article", "The Prairie Ledger", "organisation Prairie Ledger"},
		{"a unit is no person", "واحد آموزش", "organisation واحد آموزش"},
		{"a council in a dutch compound", "Wijkraad Havenkwartier", "organisation Wijkraad Havenkwartier"},
		{"a town's kind in a german compound", "Oberbürgermeister der Universitätsstadt Marburg", "office Oberbürgermeister of Universitätsstadt Marburg"},
		{"a purpose carried on by a word", "کتابخانه مرکزی جهت اطلاع عموم", "organisation کتابخانه مرکزی"},
		{"initials that fold like an honorific", "Д.Р. Мирзоева (начальник ОТК)", "person Д.Р. Мирзоева"},
		{"esquire after the name", "E. W. Pritchard, Esq.", "person E. W. Pritchard {Esq}"},
		{"a name and its title with an aside in brackets", "Dr Martin Oduya, Pro-Vice-Chancellor (Education)", "person Martin Oduya {Dr}"},
		{"the role nearest its organisation", "Е.А. Воронцова — архитектор-реставратор, член Союза архитекторов России",
			`person Е.А. Воронцова; member of Союза архитекторов России as "член"`},
		{"a title, a dash, its organisation", "عميد كلية الطب - جامعة المنيا", "office عميد كلية الطب of جامعة المنيا"},
		{"a persian portfolio of affairs stays in the title", "معاون هماهنگی امور عمرانی استانداری فارس", "office معاون هماهنگی امور عمرانی of استانداری فارس"},
		{"arabic courtesy after a name", "معالي المهندس نادر فايز العبادي الأكرم", "person نادر فايز العبادي {معالي المهندس}"},
		{"a name, a title, an office of a post", "Keith Barr, Senior Traffic Examiner, Office of the Traffic Commissioner",
			`person Keith Barr; member of Office of the Traffic Commissioner as "Senior Traffic Examiner"`},
		{"a town's paper", "Stadsblad Utrecht", "organisation Stadsblad Utrecht"},
		{"a title and a body whose name holds a title word", "Hospital Administrator, Owen King EU Hospital", "office Hospital Administrator of Owen King EU Hospital"},
		{"a surname that names a kind of club", "Andrés Quiroga Peña", "person Andrés Quiroga Peña"},
		{"the club by its kind and name", "Peña Flamenca El Candil", "organisation Peña Flamenca El Candil"},
		{"an honorific before a surname that is a kind of body", "Mr Frank Church", "person Frank Church {Mr}"},
		{"a firm after an honorific", "Vve J. Raboutet & Fils", "organisation J. Raboutet & Fils"},
		{"the members of a body after an article", "the Members of Harwick Borough Council", "organisation Harwick Borough Council"},
		{"the members of a council whose name is also a title", "die Mitglieder des Stadtrates der Stadt Bamberg", "organisation Stadtrat der Stadt Bamberg"},
		{"a company's name and its form after a comma", "Hoteles Costa Dorada, S.L.", "organisation Hoteles Costa Dorada, S.L."},
		{"german compound organisation", "Frau Eva Roth, Leiterin der Stadtteilbibliothek Mitte",
			`person Eva Roth {Frau}; member of Stadtteilbibliothek Mitte as "Leiterin"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := entry(tt.in)
			if !ok {
				t.Fatalf("entry(%q) = nothing, want %s", tt.in, tt.want)
			}
			if got := describeParty(p.in); got != tt.want {
				t.Errorf("entry(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitOutside(t *testing.T) {
	got := splitOutside("A (Director, Operations), B; C [x, y],, ", ",;")
	want := []string{"A (Director, Operations)", " B", " C [x, y]"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("splitOutside = %q, want %q", got, want)
	}
}

func TestSplitEntries(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Peter Müller, Anna Schmidt", []string{"Peter Müller", "Anna Schmidt"}},
		{"Jane Doe, Director", []string{"Jane Doe, Director"}},
		{"the Mayor of Zagreb, Albanian Foreign Minister, Human Rights Watch; The Media",
			[]string{"the Mayor of Zagreb", "Albanian Foreign Minister", "Human Rights Watch", "The Media"}},
		{"Harold Quist (Plant Manager); Beatrice Lamont (Personnel Officer)",
			[]string{"Harold Quist (Plant Manager)", "Beatrice Lamont (Personnel Officer)"}},
		{"the Editor, Marches Gazette", []string{"the Editor, Marches Gazette"}},
		{"Gareth Lloyd-Evans (Assistant Director, Highways Operations)", []string{"Gareth Lloyd-Evans (Assistant Director, Highways Operations)"}},
	}
	for _, tt := range tests {
		if got := splitEntries(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitEntries(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadAddress(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"person, title, company, street", []string{"Ms Gillian Ashworth", "Purchasing Manager", "Norbrook Pumps plc", "Station Road", "Halifax HX1 2LT"},
			`person Gillian Ashworth {Ms}; member of Norbrook Pumps plc as "Purchasing Manager"; as Purchasing Manager`},
		{"honorific on its own line", []string{"Einschreiben", "Herrn", "Markus Feldhaus", "Hölderlinweg 3", "71229 Leonberg"},
			"person Markus Feldhaus {Herrn}"},
		{"organisation, then the person", []string{"Stiftung Lesekultur", "z. Hd. Frau Dr. Miriam Hollweg", "Markt 5", "04109 Leipzig"},
			`person Miriam Hollweg {Frau Dr.}; member of Stiftung Lesekultur as ""`},
		{"an office", []string{"وزیر محترم آموزش و پرورش"}, "office وزیر آموزش و پرورش of none"},
		{"a company under the name and title, whatever its words", []string{"Mr Tomas Berg", "Sales Director", "Northfield Garden Supplies", "12 Mill Lane", "Leeds LS1 4AB"},
			`person Tomas Berg {Mr}; member of Northfield Garden Supplies as "Sales Director"; as Sales Director`},
		{"a field in the title, the body under it", []string{"Ms. Joan Hale", "Director of Capital Projects", "Eastside Health Center", "12 Elm Street"},
			`person Joan Hale {Ms.}; member of Eastside Health Center as "Director of Capital Projects"; as Director of Capital Projects`},
		{"a title over its organisation and town", []string{"The Clerk,", "Thornbury Parish Council,", "Upper Thornbury."},
			"office Clerk of Thornbury Parish Council"},
		{"an addressed name under the organisation", []string{"Société Lumière", "À l'attention de Madame Anne Roux", "Responsable des achats", "8, avenue de la Gare"},
			`person Anne Roux; member of Société Lumière as "Responsable des achats"; as Responsable des achats`},
		{"a kind of body over the name is no name", []string{"Spett.le Ditta", "Ferramenta Rossi S.r.l.", "Alla c.a. del Sig. Marco Rossi", "Via Roma 1", "00100 Roma"},
			`person Marco Rossi {Sig.}; member of Ferramenta Rossi S.r.l. as ""`},
		{"the person to attend, under the postal lines", []string{"Keller Haustechnik GmbH", "Ringstraße 4", "34119 Kassel", "z. Hd. Herrn Jan Moll,", "Einkaufsleiter"},
			`person Jan Moll {Herrn}; member of Keller Haustechnik GmbH as "Einkaufsleiter"; as Einkaufsleiter`},
		{"the person to attend, name and title, after the country", []string{"Harbour Slips Ltd", "14 Quay Road", "Nelson 7010", "New Zealand", "Attn:  Mr Ron Tait, Operations Manager"},
			`person Ron Tait {Mr}; member of Harbour Slips Ltd as "Operations Manager"; as Operations Manager`},
		{"the members of a body over two lines", []string{"Aan de leden van de gemeenteraad", "van Zuidhaven"}, "organisation gemeenteraad van Zuidhaven"},
		{"a mail note, and an honorific that starts with a connector", []string{"Aangetekend", "De heer J.W. Koopmans", "Vismarkt 4", "9712 CB Groningen"}, "person J.W. Koopmans {De heer}"},
		{"a mail note over a company", []string{"Recorded Delivery", "Acme Widgets Ltd", "Unit 4, Mill Road"}, "organisation Acme Widgets Ltd (COMPANY)"},
		{"the sender, to, the addressee", []string{"Le préfet du Doubs", "à", "Monsieur le maire de Morteau"}, "office maire of Morteau"},
		{"letters after a name, the office under it", []string{"Fiona Maclennan MSP", "Cabinet Secretary for Rural Affairs", "Scottish Government", "Regent Road"},
			"person Fiona Maclennan; holds Cabinet Secretary for Rural Affairs of Scottish Government; as Cabinet Secretary for Rural Affairs"},
		{"a gulf honorific with a slash, the courtesy far to its left", []string{"الفاضل/ سالم بن حمد الرواحي                                  المحترم", "رئيس جمعية مزارعي ولاية بهلا"},
			`person سالم بن حمد الرواحي {الفاضل}; member of جمعية مزارعي ولاية بهلا as "رئيس"; as رئيس جمعية مزارعي ولاية بهلا`},
		{"a courtesy and an honorific over the name", []string{"Gentile Prof.ssa", "Donatella Ferri", "Via Garibaldi, 42", "44121 Ferrara"}, "person Donatella Ferri {Prof.ssa}"},
		{"a company and its form, the person to attend with a title for a surname", []string{"HOTELES COSTA DORADA, S.L.", "A la atención de D. Ernesto Galindo Rey", "Jefe de Compras", "Avda. del Mediterráneo, 112"},
			`person Ernesto Galindo Rey {D.}; member of HOTELES COSTA DORADA, S.L. as "Jefe de Compras"; as Jefe de Compras`},
		{"an organisation over its department", []string{"Ministry of Foreign Affairs", "Protocol Division", "Wellington"},
			"organisation Ministry of Foreign Affairs (GOVERNMENT)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := readAddress(tt.lines)
			if !ok {
				t.Fatalf("readAddress = nothing, want %s", tt.want)
			}
			if got := describeParty(p.recipient()); got != tt.want {
				t.Errorf("readAddress(%q) =\n%s\nwant\n%s", tt.lines, got, tt.want)
			}
		})
	}
}

// An addressee block naming two people over their common organisation addresses each.
func TestReadAddresses(t *testing.T) {
	got := readAddresses([]string{"Dr Ann Bell, Chair", "Mr Tom Reed, Treasurer", "Lowfield Rowing Club", "The Boathouse, Mill Lane"})
	var descr []string
	for _, p := range got {
		descr = append(descr, describeParty(p.recipient()))
	}
	want := `person Ann Bell {Dr}; member of Lowfield Rowing Club as "Chair"; as Chair|person Tom Reed {Mr}; member of Lowfield Rowing Club as "Treasurer"; as Treasurer`
	if g := strings.Join(descr, "|"); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	descr = nil
	for _, p := range readAddresses([]string{"Al Sindaco del Comune di Alba", "Al Sindaco del Comune di Bra"}) {
		descr = append(descr, describeParty(p.recipient()))
	}
	want = "office Sindaco of Comune di Alba|office Sindaco of Comune di Bra"
	if g := strings.Join(descr, "|"); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestReadSignatures(t *testing.T) {
	block := func(s string) []line { return splitLines(s) }
	tests := []struct {
		name       string
		blocks     [][]line
		letterhead string
		want       []string
		onBehalf   []string
	}{
		{"name, title, company", [][]line{block("John Tebbutt\nSales Director\nHarland & Pryce Ltd")}, "",
			[]string{`person John Tebbutt; member of Harland & Pryce Ltd (COMPANY) as "Sales Director"; capacity Sales Director, Harland & Pryce Ltd`}, nil},
		{"a firm ending in an abbreviation over the signatory; a unit under the name", [][]line{block("Kroon & Zonen Installatie en Onderhoud B.V."), block("i. A. Petra Kroon\nVertriebsinnendienst")}, "",
			[]string{`person Petra Kroon; member of Kroon & Zonen Installatie en Onderhoud B.V. as "Vertriebsinnendienst"; capacity Vertriebsinnendienst`}, []string{"Kroon & Zonen Installatie en Onderhoud B.V."}},
		{"titles side by side over the names under them, on the town's paper", [][]line{block("de secretaris,                             de burgemeester,"), block("drs. J. Bos                                mr. P. Wit")}, "gemeente Kampen",
			[]string{`person J. Bos {drs.}; member of gemeente Kampen as "de secretaris"; capacity de secretaris`, `person P. Wit {mr.}; holds burgemeester of gemeente Kampen; capacity de burgemeester`}, nil},
		{"a registry footer under the signature is no firm", [][]line{block("Kohl & Sohn Feinmechanik GmbH\ni. A. Eva Kohl\nVertriebsinnendienst"), block("Kohl & Sohn GmbH · Ulm · IBAN DE12 7215 0000 0050 1234 56")}, "",
			[]string{`person Eva Kohl; member of Kohl & Sohn Feinmechanik GmbH (COMPANY) as "Vertriebsinnendienst"; capacity Vertriebsinnendienst`}, []string{"Kohl & Sohn Feinmechanik GmbH"}},
		{"a signature by delegation: the title under the mark is the signatory's", [][]line{block("EL ALCALDE,\nP.D. (Decreto 4/2020)\nLa Concejala Delegada de Hacienda,"), block("Fdo.: Rosa Gil Pardo")}, "AYUNTAMIENTO DE BRIONES",
			[]string{`person Rosa Gil Pardo; holds Concejala Delegada de Hacienda of AYUNTAMIENTO DE BRIONES; capacity La Concejala Delegada de Hacienda`}, nil},
		{"a typed signature, then the name over its title lines and the company's", [][]line{block("/s/ Ann M. Roe"), block("Ann M. Roe\nVice President, Customer Accounts\nHarbor Grain Storage, Inc.")}, "",
			[]string{`person Ann M. Roe; member of Harbor Grain Storage, Inc. (COMPANY) as "Vice President, Customer Accounts"; capacity Vice President, Customer Accounts, Harbor Grain Storage, Inc.`}, nil},
		{"the body signed for before its cue", [][]line{block("burgemeester en wethouders van Kampen,\nnamens dezen,"), block("mr. J. Bos\nteamleider Juridische Zaken")}, "",
			[]string{`person J. Bos {mr.}; member of burgemeester en wethouders van Kampen as "teamleider Juridische Zaken"; capacity teamleider Juridische Zaken`}, []string{"burgemeester en wethouders van Kampen"}},
		{"the body signed for, and its cue on the same line", [][]line{block("Stichting Het Anker, namens deze"), block("mr. J. Bos\nsecretaris")}, "",
			[]string{`person J. Bos {mr.}; member of Stichting Het Anker as "secretaris"; capacity secretaris`}, []string{"Stichting Het Anker"}},
		{"a dotted line signed on, and a post signed for", [][]line{block("..............................\nDenis Rose\nFor the Director")}, "",
			[]string{`person Denis Rose; capacity For the Director`}, nil},
		{"a firm over two signatories side by side, each with its cue", [][]line{block("Kohl Haustechnik GmbH\nppa. Jan Kohl                     i. A. Eva Brandt\nProkurist                         Projektleiterin")}, "",
			[]string{`person Jan Kohl; member of Kohl Haustechnik GmbH (COMPANY) as "Prokurist"; capacity Prokurist`,
				`person Eva Brandt; member of Kohl Haustechnik GmbH (COMPANY) as "Projektleiterin"; capacity Projektleiterin`}, []string{"Kohl Haustechnik GmbH"}},
		{"firm over two signatories signing for it", [][]line{block("Hallberg Haustechnik GmbH"), block("i.V. Jörg Seidenspinner\nLeiter Kundendienst"), block("i.A. Nadine Wolters\nSachbearbeiterin")}, "",
			[]string{`person Jörg Seidenspinner; member of Hallberg Haustechnik GmbH (COMPANY) as "Leiter Kundendienst"; capacity Leiter Kundendienst`,
				`person Nadine Wolters; member of Hallberg Haustechnik GmbH (COMPANY) as "Sachbearbeiterin"; capacity Sachbearbeiterin`}, []string{"Hallberg Haustechnik GmbH"}},
		{"entry lines of an open letter", [][]line{block("Dr Ruta Vaitkute, Senior Lecturer, Northbridge University\nTomas Balciunas, Chair, Kaunas Society of Family Historians")}, "",
			[]string{`person Ruta Vaitkute {Dr}; member of Northbridge University as "Senior Lecturer"; capacity Senior Lecturer, Northbridge University`,
				`person Tomas Balciunas; member of Kaunas Society of Family Historians (NGO) as "Chair"; capacity Chair, Kaunas Society of Family Historians`}, nil},
		{"title above the name and the letterhead's organisation", [][]line{block("رئيسة الهيئة الإدارية\nد. سلمى يوسف الخطيب")}, "جمعية أصدقاء البيئة",
			[]string{`person سلمى يوسف الخطيب {د.}; member of جمعية أصدقاء البيئة as "رئيسة الهيئة الإدارية"; capacity رئيسة الهيئة الإدارية`}, nil},
		{"capacity and name in two columns", [][]line{block("Генеральный директор\nООО «Теплострой»          А.В. Краснов")}, "",
			[]string{`person А.В. Краснов; member of ООО «Теплострой» as "Генеральный директор"; capacity Генеральный директор, ООО «Теплострой»`}, nil},
		{"initials that fold like a signed mark, under a compound body's name signing for it", [][]line{block("Huurdersvereniging Het Anker\nnamens deze,"), block("K.L. Visser\nsecretaris")}, "",
			[]string{`person K.L. Visser; member of Huurdersvereniging Het Anker as "secretaris"; capacity secretaris`}, []string{"Huurdersvereniging Het Anker"}},
		{"each signatory under the body signed for, title before a colon", [][]line{block("عن جمعية أصدقاء الغابة بنابل\nالرئيس: سمير الحداد"), block("عن نقابة الفلاحين - فرع نابل\nالكاتبة العامة: ليلى بن عمر")}, "",
			[]string{`person سمير الحداد; member of جمعية أصدقاء الغابة بنابل as "الرئيس"; capacity الرئيس`,
				`person ليلى بن عمر; member of نقابة الفلاحين - فرع نابل as "الكاتبة العامة"; capacity الكاتبة العامة`},
			[]string{"جمعية أصدقاء الغابة بنابل", "نقابة الفلاحين - فرع نابل"}},
		{"a field in the title on a firm's letter", [][]line{block("Pedro Ruiz\nJefe de Sistemas")}, "Transportes Ibéricos S.A.",
			[]string{`person Pedro Ruiz; member of Transportes Ibéricos S.A. as "Jefe de Sistemas"; capacity Jefe de Sistemas`}, nil},
		{"a capacity over the name, a blank line between", [][]line{block("Pour le Directeur, par délégation,\nLa Directrice des ressources humaines,"), block("Claire Martin")}, "Hôpital de Vire",
			[]string{`person Claire Martin; member of Hôpital de Vire as "La Directrice des ressources humaines"; capacity La Directrice des ressources humaines`}, nil},
		{"a signed mark before the name", [][]line{block("w.g. J. de Vries\nvoorzitter")}, "",
			[]string{`person J. de Vries; capacity voorzitter`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			authors, onBehalf, _ := readSignatures(tt.blocks, tt.letterhead)
			var got []string
			for _, a := range authors {
				got = append(got, describeParty(a))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("authors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var orgs []string
			for _, o := range onBehalf {
				orgs = append(orgs, o.Name)
			}
			if strings.Join(orgs, "|") != strings.Join(tt.onBehalf, "|") {
				t.Errorf("onBehalf = %q, want %q", orgs, tt.onBehalf)
			}
		})
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Jane Doe", "jane  DOE", true},
		{"Гусева Д.А.", "Д.А. Гусев", true},
		{"Гусева Д.А.", "Д.В. Гусев", false},
		{"Ann Lee", "Anne Leeds", false},
		{"Ivanova I.P.", "I.P. Petrov", false},
	}
	for _, tt := range tests {
		if got := samePerson(tt.a, tt.b); got != tt.want {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPlaceAbove(t *testing.T) {
	for in, want := range map[string]bool{"Little Bardfield,": true, "Tehran,": true, "Dear Sir,": false, "Little Bardfield": false,
		"We write to you about the roof,": false} {
		if got := placeAbove(in); got != want {
			t.Errorf("placeAbove(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestTitleAddressee(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"office, up to the topic", "An open letter to the Minister of Health of the Republic of Estonia on rural clinics",
			"office Minister of Health of Estonia (STATE)"},
		{"spanish", "Carta abierta a la Consejera de Educación de la Región de Murcia", "office Consejera de Educación of Región de Murcia"},
		{"french honorific", "Lettre ouverte à Madame la Maire de Lorient sur le port", "office Maire of Lorient"},
		{"german portfolio", "Offener Brief an die Bundesministerin der Justiz zur Reform", "office Bundesministerin der Justiz of none"},
		{"members of a body", "To the Members of the City Council of Dunmore", "organisation City Council of Dunmore"},
		{"no one after to", "Open letter to all who care", "nothing"},
		{"a title without an addressee", "Report on the visit", "nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := titleAddressee(tt.in)
			if got := describeParty(p.in); got != tt.want {
				t.Errorf("titleAddressee(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// The role of a line in a block: what the zones and the blocks build on.
func TestRoleOf(t *testing.T) {
	tests := []struct {
		in   string
		want lineRole
	}{
		{"Senior Sales Director", roleTitle},
		{"Credit Controller", roleTitle},
		{"County Archivist", roleTitle},
		{"Area Highways Engineer", roleTitle},
		{"Haldon County Council", roleOrg},
		{"DIRECTORATE-GENERAL OF CIVIL AVIATION", roleOrg},
		{"P.O. Box 2211", roleAddress},
		{"Private Bag 0076, Gaborone", roleAddress},
		{"Postfach 10 20 30", roleAddress},
		{"Tel: +267 368 8200", roleContact},
	}
	for _, tt := range tests {
		if got := roleOf(tt.in); got != tt.want {
			t.Errorf("roleOf(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
