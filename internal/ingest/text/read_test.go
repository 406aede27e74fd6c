package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A list's entries as read from its lines: an entry wrapped onto the next line is one
// entry; a bulleted line always starts one.
func TestListValues(t *testing.T) {
	tests := []struct {
		name, letter string
		want         []string
	}{
		{"wrapped after a comma-less line", "Dear Sir,\n\nWe write about the wall.\n\nYours faithfully,\n\nJohn Barker\n\nCopy to Mr. F. W. Haslam, Secretary, Essex Field Antiquaries'\nSociety.",
			[]string{"Mr. F. W. Haslam, Secretary, Essex Field Antiquaries' Society"}},
		{"a connector carries on", "Dear Sir,\n\nWe write about the wall.\n\nDistinti saluti.\n\nMario Rossi\n\nc.c.: Al Comandante della Polizia Locale\ndi Roccabianca\nAl Sig. Prefetto di Parma",
			[]string{"Al Comandante della Polizia Locale di Roccabianca", "Al Sig. Prefetto di Parma"}},
		{"bullets start entries even in lower case", "Geachte heer,\n\nWij schrijven over de school.\n\nMet vriendelijke groet,\n\nJan de Vries\n\nAfschrift aan:\n- het college van burgemeester en wethouders\n- de Oosterzander Courant",
			[]string{"- het college van burgemeester en wethouders", "- de Oosterzander Courant"}},
		{"an honorific or an addressee's prefix starts an entry in lower case", "Geachte heer,\n\nWij schrijven.\n\nMet vriendelijke groet,\n\nJan de Vries\n\nc.c.   dhr. P. de Wit, projectleider\n       mw. S. Kok (Werkvoorbereiding)\n       alla Stampa",
			[]string{"dhr. P. de Wit, projectleider", "mw. S. Kok (Werkvoorbereiding)", "alla Stampa"}},
		{"a semicolon ends an entry, whatever the next line", "Dear Sir,\n\nWe write.\n\nYours faithfully,\n\nJohn Barker\n\ncc: Herrn Kurt Brand (Controlling);\n    Betriebsrat",
			[]string{"Herrn Kurt Brand (Controlling)", "Betriebsrat"}},
		{"where a copy is kept is no entry", "Dear Sir,\n\nWe write.\n\nYours faithfully,\n\nJohn Barker\n\nCopy to:\n- Mr Tom Reed\n- File",
			[]string{"- Mr Tom Reed"}},
		{"a line after a connector carries on", "Dear Sir,\n\nWe write about the wall.\n\nYours faithfully,\n\nJohn Barker\n\nCopy to: Secretary of the\nRoyal Society of Arts\nMr. Paul Webb",
			[]string{"Secretary of the Royal Society of Arts", "Mr. Paul Webb"}},
		{"in a bulleted list a line without a bullet carries on", "Madame,\n\nNous écrivons.\n\nVeuillez agréer, Madame, nos salutations.\n\nJean Roux\n\nCopie :\n- Conseil régional\n  Bretagne Sud\n- Préfecture du Morbihan",
			[]string{"- Conseil régional Bretagne Sud", "- Préfecture du Morbihan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lay := segment(splitLines(tt.letter))
			var got []string
			for _, z := range lay.find(zCopy) {
				got = append(got, listValues(lay, z)...)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("entries %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDropAddressee(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Al Sig. Prefetto di Parma", "Prefetto di Parma"},
		{"An die Stadtverwaltung Halle", "Stadtverwaltung Halle"},
		{"A. Smith", "A. Smith"},
		{"den Herrn Dekan der Fakultät", "Herrn Dekan der Fakultät"},
		{"Les Amis du Vieux Moulin", "Les Amis du Vieux Moulin"},
		{"Jane Doe", "Jane Doe"},
	}
	for _, tt := range tests {
		if got := dropAddressee(tt.in); got != tt.want {
			t.Errorf("dropAddressee(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A signatory's body named by its kind alone ("the Council", "het bestuur") is the
// letterhead's, in the membership and in whose name the letter is written.
func TestBodyNamedByItsKind(t *testing.T) {
	tests := []struct{ name, letter, want string }{
		{"the Council", "KNOWLE PARISH COUNCIL\nThe Old School, Knowle KN1 2AB\nTel. 01632 960 111\n\n3 May 2004\n\nMr John Reed\nHighways Officer\nWessex County Council\nCounty Hall, Dorchester DT1 1XJ\n\nDear Mr Reed,\n\nThe Council asks you to mend the stile by the church.\n\nYours faithfully,\n\nAnne Hale\nClerk to the Council",
			`person Anne Hale; member of Knowle Parish Council as "Clerk"; capacity Clerk to the Council|on behalf of Knowle Parish Council`},
		{"the board, in Dutch", "VERENIGING DORPSBELANG HOOGWATER\nDorpsstraat 4, 9999 AA Hoogwater\nTel. 0512 123 456\n\nAan het college van burgemeester en wethouders\nPostbus 10\n9999 ZZ Zuiderveen\n\nGeachte heer,\n\nWij vragen u de brug te herstellen.\n\nMet vriendelijke groet,\nNamens het bestuur,\n\nP. de Boer\nvoorzitter",
			`person P. de Boer; member of Vereniging Dorpsbelang Hoogwater as "voorzitter"; capacity voorzitter|on behalf of Vereniging Dorpsbelang Hoogwater`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, _, _ := parseZoned(tt.letter)
			var got []string
			for _, a := range in.Authors {
				got = append(got, describeParty(a))
			}
			for _, o := range in.OnBehalfOf {
				got = append(got, "on behalf of "+o.Name)
			}
			if g := strings.Join(got, "|"); !strings.EqualFold(g, tt.want) {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func TestWithoutVocative(t *testing.T) {
	tests := []struct{ in, want string }{
		{"وتفضلوا، سيدي الوالي، بقبول فائق الاحترام.", "وتفضلوا بقبول فائق الاحترام."},
		{"Veuillez agréer, Monsieur le Maire, l'expression de nos salutations.", "Veuillez agréer l'expression de nos salutations."},
		{"Yours sincerely,", "Yours sincerely,"},
		{"We met, as you know, in Tirana, last year.", "We met in Tirana, last year."}, // harmless: only a closing cue then matches
	}
	for _, tt := range tests {
		if got := withoutVocative(tt.in); got != tt.want {
			t.Errorf("withoutVocative(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWithoutAside(t *testing.T) {
	if got, want := withoutAside("Ministère de l'Europe et des Affaires étrangères – Direction du Protocole –"), "Ministère de l'Europe et des Affaires étrangères"; got != want {
		t.Errorf("withoutAside = %q, want %q", got, want)
	}
}

// A letterhead's name over two lines (the second after a connector), a signatory's
// name in brackets, an office copied after "Abschrift an den Herrn".
func TestLetterheadOverTwoLines(t *testing.T) {
	in, _, _ := parseZoned("Historisches Seminar\nder Universität Halle\nFernruf 2541\n\n                         Halle, den 14. Oktober 1968\n\n" +
		"Sehr geehrter Herr Minister!\n\nIch wäre Ihnen dankbar, wenn die Stelle berücksichtigt werden könnte.\n\n" +
		"Mit vorzüglicher Hochachtung\nIhr sehr ergebener\n\n(Prof. Dr. Karl Weber)\nDirektor\n\nAnlage\nAbschrift an den Herrn Dekan der Philosophischen Fakultät")
	var got []string
	for _, a := range in.Authors {
		got = append(got, describeParty(a))
	}
	for _, c := range in.CC {
		got = append(got, "cc "+describeParty(c))
	}
	want := `person Karl Weber {Prof. Dr.}; member of Historisches Seminar der Universität Halle as "Direktor"; capacity Direktor|` +
		`cc office Dekan of Philosophische Fakultät`
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestLetterheadInCapitalsOverTwoLines(t *testing.T) {
	lay := segment(splitLines("CENTRE HOSPITALIER INTERCOMMUNAL\nDE LA VALLÉE DE LA SÉE\nRue du Port – BP 12\n50300 Avranches\nTél. : 02 33 00 00 00\n\nMadame,\n\nJ'ai l'honneur de vous informer de la décision.\n\nJe vous prie d'agréer, Madame, mes salutations.\n\nClaire Martin"))
	if got, want := letterheadOrg(lay), "CENTRE HOSPITALIER INTERCOMMUNAL DE LA VALLÉE DE LA SÉE"; got != want {
		t.Errorf("letterheadOrg = %q, want %q", got, want)
	}
}

// A memo on letterhead: the header continued on the lines below lists one entry a
// line; the letterhead above the headers is no addressee; the author, the recipients
// named with a title, and an office named alone, are the letterhead's organisation's.
func TestMemoOnLetterhead(t *testing.T) {
	tests := []struct{ name, letter, want string }{
		{"english, entries on lines", "NORTHFIELD WATER COMPANY LTD\nRegistered in England No. 0412 7731\n\nINTERNAL MEMORANDUM\n" +
			"TO:    Mr Colin Platt - Head of Treatment\n       Ms Rita Vance - Quality Manager\nFROM:  Ian Shaw - Director of Operations\nCC:    Chief Executive; Payroll Section\n" +
			"DATE:  4 May 2011\nRE:    Night shifts at Moor Lane\n\nFrom June the night shift at Moor Lane will be staffed by two operators.\n\nI.S.",
			`author person Ian Shaw; member of NORTHFIELD WATER COMPANY LTD (COMPANY) as "Director of Operations"; capacity Director of Operations|` +
				`to person Colin Platt {Mr}; member of NORTHFIELD WATER COMPANY LTD (COMPANY) as "Head of Treatment"; as Head of Treatment|` +
				`to person Rita Vance {Ms}; member of NORTHFIELD WATER COMPANY LTD (COMPANY) as "Quality Manager"; as Quality Manager|` +
				`cc office Chief Executive of NORTHFIELD WATER COMPANY LTD (COMPANY)|cc organisation Payroll Section`},
		{"german, a header value over two lines", "Stadtwerke Lindau GmbH\nKemptener Straße 12, 88131 Lindau\n\nHAUSMITTEILUNG\n\n" +
			"An:      Frau Petra Ulm (Leiterin Einkauf);\n         Herrn Jonas Brandt (Leiter Vertrieb)\nVon:     Markus Heil, Geschäftsführer\nDatum:   3. Mai 2018\nBetreff: Rahmenverträge\n\nBitte prüfen Sie die Rahmenverträge bis Ende Mai.\n\nM. Heil",
			`author person Markus Heil; member of Stadtwerke Lindau GmbH (COMPANY) as "Geschäftsführer"; capacity Geschäftsführer|` +
				`to person Petra Ulm {Frau}; member of Stadtwerke Lindau GmbH (COMPANY) as "Leiterin Einkauf"; as Leiterin Einkauf|` +
				`to person Jonas Brandt {Herrn}; member of Stadtwerke Lindau GmbH (COMPANY) as "Leiter Vertrieb"; as Leiter Vertrieb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, _, _ := parseZoned(tt.letter)
			var got []string
			for _, a := range in.Authors {
				got = append(got, "author "+describeParty(a))
			}
			for _, r := range in.Recipients {
				got = append(got, "to "+describeParty(r))
			}
			for _, c := range in.CC {
				got = append(got, "cc "+describeParty(c))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// A letterhead that runs from the state down names the first body under the state
// and its ministries; a From header naming a unit gives way to the person who signs.
func TestLetterheadHierarchy(t *testing.T) {
	in, _, _ := parseZoned("Republic of Estonia\nMinistry of Social Affairs\nTartu University Hospital\nClinical Research Unit\n\n" +
		"To:      Dr Mart Kask, Head of Cardiology\nFrom:    Clinical Research Unit\nDate:    3 May 2021\nSubject: Ethics approval\n\n" +
		"The committee has approved the study protocol submitted in April.\n\nWith kind regards,\n\nDr Liis Tamm\nHead of Research")
	var got []string
	for _, o := range in.OnBehalfOf {
		got = append(got, o.Name)
	}
	if g := strings.Join(got, "|"); g != "Tartu University Hospital" {
		t.Errorf("onBehalfOf = %q, want Tartu University Hospital", g)
	}
	if len(in.Authors) != 1 || in.Authors[0].Person == nil || in.Authors[0].Person.Name != "Liis Tamm" {
		t.Errorf("authors = %s, want the person who signs", describeParty(in.Authors[0]))
	}
}

// The body a letterhead names, and a copy to a bare title kept at home.
func TestLetterheadBody(t *testing.T) {
	tests := []struct{ name, letter, onBehalf, cc string }{
		{"the office of a post-holder over its body", "OFFICE OF THE PRINCIPAL\nGlenmore College\nHigh Street, Glenmore GL1 2AB\n\n3 May 2021\n\nMs Jane Reid\n4 Oak Road\nGlenmore GL2 3CD\n\nDear Ms Reid,\n\nThank you for your letter about the library.\n\nYours sincerely,\n\nAnn Bell\nPrincipal\n\ncc: Director of Finance",
			"Glenmore College", "office Director of Finance of Glenmore College"},
		{"the body before a dash in the letterhead", "Atelier Moreau SARL — menuiserie, 4 rue des Forges, Tours\n\n3 mai 2021\n\nMme Anne Roy\n8 rue Nationale\n37000 Tours\n\nMadame,\n\nNous vous remercions de votre commande.\n\nVeuillez agréer, Madame, nos salutations.\n\nPaul Moreau\nGérant",
			"Atelier Moreau SARL", ""},
		{"a name in capitals over two lines", "            THE ALDER VALLEY\n            RAMBLERS' CLUB.\n\n                    Alderley, 4th May, 1931.\n\nThe Clerk to the Parish Council,\n     The Old School,\n          Alderley.\n\nDear Sir,\n\nWe write about the footpath by the mill.\n\nYours faithfully,\n\nJohn Hale\nHon. Secretary.",
			"THE ALDER VALLEY RAMBLERS' CLUB", ""},
		{"fields set apart by wide gaps are no prose", "     ALDER VALLEY RAMBLERS' CLUB.\n  Hon. Secretary's Office,   3, Mill Lane,   Alderley.\n\n                    Alderley, 4th May, 1931.\n\nThe Clerk to the Parish Council,\n     The Old School,\n          Alderley.\n\nDear Sir,\n\nWe write about the footpath by the mill.\n\nYours faithfully,\n\nJohn Hale\nHon. Secretary.",
			"ALDER VALLEY RAMBLERS' CLUB", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, _, _ := parseZoned(tt.letter)
			var got, cc []string
			for _, o := range in.OnBehalfOf {
				got = append(got, o.Name)
			}
			for _, c := range in.CC {
				cc = append(cc, describeParty(c))
			}
			if g := strings.Join(got, "|"); g != tt.onBehalf {
				t.Errorf("onBehalfOf = %q, want %q", g, tt.onBehalf)
			}
			if g := strings.Join(cc, "|"); g != tt.cc {
				t.Errorf("cc = %q, want %q", g, tt.cc)
			}
		})
	}
}

// A labelled subject wrapped onto an indented line, under a line that only looks
// like a subject, is the subject.
func TestWrappedSubject(t *testing.T) {
	in, _, _ := parseZoned("PROVINCIA DI LUCCA\nSettore Strade\n\n                         Lucca, 3 maggio 2021\n\n                   Al Sindaco del Comune di Barga\n\n                   LORO SEDI\n\n" +
		"OGGETTO: S.P. 2 – chiusura al transito per lavori sul ponte del\n         torrente Corsonna. Comunicazione.\n\nSi comunica che la strada resterà chiusa dal 10 al 20 maggio per lavori urgenti al ponte.\n\nIl Dirigente\nIng. Marco Neri")
	want := "S.P. 2 – chiusura al transito per lavori sul ponte del torrente Corsonna. Comunicazione."
	if in.Subject != want {
		t.Errorf("subject = %q, want %q", in.Subject, want)
	}
}

func TestWithoutSeat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Embassy of the Republic of Italy in Tehran", "Embassy of the Republic of Italy"},
		{"سفارت جمهوری ایتالیا در تهران", "سفارت جمهوری ایتالیا"},
		{"Ambassade de la République du Sénégal en Suisse", "Ambassade de la République du Sénégal en Suisse"},
		{"Ministry of Foreign Affairs", "Ministry of Foreign Affairs"},
	}
	for _, tt := range tests {
		if got := withoutSeat(tt.in); got != tt.want {
			t.Errorf("withoutSeat(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWithTitles(t *testing.T) {
	got := withTitles([]string{"Monsieur Patrick Ollivier", "Directeur général", "Mme Anne Roy (Finances)", "Directeur financier"})
	want := []string{"Monsieur Patrick Ollivier, Directeur général", "Mme Anne Roy (Finances)", "Directeur financier"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("withTitles = %q, want %q", got, want)
	}
}

// A name after an Arabic comma on the closing line is cut at the comma's end, not
// inside it (the comma is two bytes): the name is valid text.
func TestNameAfterArabicComma(t *testing.T) {
	in, _, _ := parseZoned("السيد رئيس المجلس البلدي المحترم\n\nتحية طيبة وبعد،\n\nنرجو التكرم بالنظر في طلبنا المرفق بشأن إصلاح الطريق المؤدي إلى المدرسة.\n\nوتفضلوا بقبول فائق الاحترام، أحمد سالم")
	if len(in.Authors) == 0 || in.Authors[0].Person == nil || in.Authors[0].Person.Name != "أحمد سالم" {
		t.Fatalf("authors = %+v, want أحمد سالم", in.Authors)
	}
	if !utf8.ValidString(in.Authors[0].Person.Name) {
		t.Errorf("name %q is not valid UTF-8", in.Authors[0].Person.Name)
	}
}
