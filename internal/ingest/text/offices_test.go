package text

import "testing"

func TestParseOffice(t *testing.T) {
	tests := []struct {
		name, in  string
		title, of string // of: describeOrg of the organisation
		ok        bool
	}{
		{"minister with portfolio and country", "Minister of Interior of Albania", "Minister of Interior", "Albania (STATE)", true},
		{"demonym before title", "Albanian Foreign Minister", "Foreign Minister", "Albania (STATE)", true},
		{"long form of a country", "Prime Minister of the Republic of Albania", "Prime Minister", "Albania (STATE)", true},
		{"portfolio of two words", "Minister of Foreign Affairs of the Republic of Albania", "Minister of Foreign Affairs", "Albania (STATE)", true},
		{"city", "the Mayor of Zagreb", "Mayor", "Zagreb", true},
		{"organisation before title", "Nejat Society CEO", "CEO", "Nejat Society (NGO)", true},
		{"title of organisation", "CEO of Nejat Society", "CEO", "Nejat Society (NGO)", true},
		{"title comma organisation", "Director, Amnesty International", "Director", "Amnesty International (NGO)", true},
		{"organisation without an organisation word", "Chair, Reporters Without Borders", "Chair", "Reporters Without Borders", true},
		{"ambassador keeps to", "Ambassador of Albania to Iran", "Ambassador to Iran", "Albania (STATE)", true},
		{"demonym ambassador", "Iranian Ambassador to Albania", "Ambassador to Albania", "Iran (STATE)", true},
		{"abbreviation", "the Albania PM", "Prime Minister", "Albania (STATE)", true},
		{"acronym before title", "UN Secretary-General", "Secretary-General", "UN [UN]", true},
		{"secretary-general of", "Secretary-General of the United Nations", "Secretary-General", "United Nations", true},
		{"title alone", "Secretary-General", "Secretary-General", "none", true},
		{"modifier", "Deputy Foreign Minister of Iran", "Deputy Foreign Minister", "Iran (STATE)", true},
		{"modifiers and phrase", "Chief Executive Officer, Acme Ltd.", "Chief Executive Officer", "Acme Ltd. (COMPANY)", true},
		{"portfolio without organisation", "Head of Mission", "Head of Mission", "none", true},
		{"title of the board comma organisation", "Chair of the Board, Human Rights Watch", "Chair of the Board", "Human Rights Watch (NGO)", true},
		{"organisation before portfolio title", "Council of Europe Commissioner for Human Rights", "Commissioner for Human Rights", "Council of Europe", true},
		{"government before title", "the Albanian government spokesperson", "spokesperson", "Government of Albania (GOVERNMENT)", true},
		{"diplomat in a place", "UNHCR Representative in Albania", "Representative in Albania", "UNHCR [UNHCR]", true},
		{"respect word", "The Honourable Minister of Justice of Croatia", "Minister of Justice", "Croatia (STATE)", true},
		{"Persian minister", "وزیر امور خارجه آلبانی", "وزیر امور خارجه", "Albania (STATE)", true},
		{"Persian interior minister", "وزیر کشور آلبانی", "وزیر کشور", "Albania (STATE)", true},
		{"Persian respect word and republic", "نخست وزیر محترم جمهوری آلبانی", "نخست وزیر", "Albania (STATE)", true},
		{"Persian organisation", "مدیرعامل انجمن نجات", "مدیرعامل", "انجمن نجات (NGO)", true},
		{"Persian country overlapping title", "ریاست محترم جمهوری اسلامی ایران", "ریاست", "Iran (STATE)", true},
		{"Persian mayor", "شهردار تهران", "شهردار", "تهران", true},
		{"title then a name", "Prime Minister Edi Rama", "", "", false},
		{"sentence", "Letter from the CEO of Nejat Society to the Albania PM", "", "", false},
		{"a name", "Edi Rama", "", "", false},
		{"cut off", "Commissioner for", "", "", false},
		{"organisation", "Nejat Society", "", "", false},
		{"place", "Tehran Iran", "", "", false},
		{"empty", "", "", "", false},
		{"Persian sentence", "نامه انجمن نجات به نخست وزیر آلبانی", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := parseOffice(tt.in)
			title, of := o.title, o.of
			if ok != tt.ok {
				t.Fatalf("parseOffice(%q) ok = %v (%q of %s), want %v", tt.in, ok, title, describeOrg(of), tt.ok)
			}
			if !ok {
				return
			}
			if got, want := title, tt.title; got != want {
				t.Errorf("parseOffice(%q) title = %q, want %q", tt.in, got, want)
			}
			if got, want := describeOrg(of), tt.of; got != want {
				t.Errorf("parseOffice(%q) of = %s, want %s", tt.in, got, want)
			}
		})
	}
}
