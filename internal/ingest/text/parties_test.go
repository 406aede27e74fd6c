package text

import "testing"

func TestEntryForms(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"honorific", "Mr. Edi Rama", "person Edi Rama {Mr.}"},
		{"two honorifics", "H.E. Mr. Edi Rama", "person Edi Rama {H.E. Mr.}"},
		{"trailing comma", "Ebrahim Khodabandeh,", "person Ebrahim Khodabandeh"},
		{"name, title, organisation", "Jane Doe, Director, Amnesty International",
			`person Jane Doe; member of Amnesty International (NGO) as "Director"`},
		{"name, public office", "Edi Rama, Prime Minister of Albania",
			"person Edi Rama; holds Prime Minister of Albania (STATE)"},
		{"name, organisation", "Jane Doe, Amnesty International",
			`person Jane Doe; member of Amnesty International (NGO) as ""`},
		{"title then name", "Albanian Prime Minister Edi Rama",
			"person Edi Rama; holds Prime Minister of Albania (STATE)"},
		{"title without organisation then name", "Prime Minister Edi Rama", "person Edi Rama"},
		{"name then title", "Edi Rama Prime Minister of Albania",
			"person Edi Rama; holds Prime Minister of Albania (STATE)"},
		{"office", "Minister of Interior of Albania", "office Minister of Interior of Albania (STATE)"},
		{"office by demonym", "Albanian Foreign Minister", "office Foreign Minister of Albania (STATE)"},
		{"honorific and office", "H.E. the Minister of Interior", "office Minister of Interior of none"},
		{"acronym first", "ASILA (Association for Supporting Iranians Living in Albania)",
			"organisation Association for Supporting Iranians Living in Albania [ASILA] (NGO)"},
		{"acronym last", "Association for Supporting Iranians Living in Albania (ASILA)",
			"organisation Association for Supporting Iranians Living in Albania [ASILA] (NGO)"},
		{"the media", "The Media", "organisation The Media (GROUP)"},
		{"the press", "the press", "organisation The Media (GROUP); written the press"},
		{"the media, in Arabic", "وسائل الإعلام", "organisation The Media (GROUP); written وسائل الإعلام"},
		{"the press, in German", "die Presse", "organisation The Media (GROUP); written die Presse"},
		{"press", "Press", "organisation The Media (GROUP); written Press"},
		{"country", "Albania", "organisation Albania (STATE)"},
		{"government", "the Albanian government", "organisation Government of Albania (GOVERNMENT)"},
		{"society", "Nejat Society", "organisation Nejat Society (NGO)"},
		{"the before an organisation", "the Nejat Society", "organisation Nejat Society (NGO)"},
		{"watch", "Human Rights Watch", "organisation Human Rights Watch (NGO)"},
		{"ministry", "Ministry of Foreign Affairs of Albania", "organisation Ministry of Foreign Affairs of Albania (GOVERNMENT)"},
		{"newspaper", "The Times", "organisation Times (MEDIA)"},
		{"acronym alone", "UNHCR", "organisation UNHCR [UNHCR]"},
		{"email", "Jane Doe <jane@example.org>", "person Jane Doe <jane@example.org>"},
		{"email alone", "jane@example.org", "person jane@example.org <jane@example.org>"},
		{"bullet", "- Minister of Interior of Albania", "office Minister of Interior of Albania (STATE)"},
		{"number and for information", "2. Human Rights Watch (for information)", "organisation Human Rights Watch (NGO)"},
		{"country first is no person", "Iran Interlink", "organisation Iran Interlink"},
		{"unknown word", "Greenpeace", "organisation Greenpeace"},
		{"Persian honorific", "جناب آقای ادی راما", "person ادی راما {جناب آقای}"},
		{"Persian media", "رسانه‌ها", "organisation The Media (GROUP); written رسانه‌ها"},
		{"Persian name", "ابراهیم خدابنده", "person ابراهیم خدابنده"},
		{"Persian office", "وزیر امور خارجه آلبانی جهت اطلاع", "office وزیر امور خارجه of Albania (STATE)"},
		{"empty", "  ", "nothing"},
		{"a thing in lower case is no party", "dossier individuel de l'agent", "nothing"},
		{"a body in lower case is one", "de gemeenteraad van Zuiderveen", "organisation gemeenteraad van Zuiderveen"},
		{"punctuation", "- ,;", "nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := entry(tt.in)
			if got := describeParty(p.in); got != tt.want {
				t.Errorf("entry(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsPersonName(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"two words", "Edi Rama", true},
		{"honorific and surname", "Mr. Rama", true},
		{"initial", "John F. Kennedy", true},
		{"particle", "Ursula von der Leyen", true},
		{"capitals", "EBRAHIM KHODABANDEH", true},
		{"Persian", "ابراهیم خدابنده", true},
		{"one word", "Rama", false},
		{"organisation word", "Nejat Society", false},
		{"title word", "Prime Minister", false},
		{"place with country", "Tehran Iran", false},
		{"sentence words", "Thank you", false},
		{"acronym", "UN High", false},
		{"digits", "Room 101", false},
		{"lower case", "edi rama", false},
		{"too long", "One Two Three Four Five Six Seven", false},
		{"Persian with organisation word", "انجمن نجات", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isPersonName(tt.in); got != tt.want {
				t.Errorf("isPersonName(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
