package text

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Every language file loads, names only known sections, and holds each section's cues.
func TestLexiconFilesLoad(t *testing.T) {
	l, err := loadLexicon(lexiconFiles)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "de", "fr", "es", "it", "nl", "ru", "fa", "ar"} {
		if len(l.function[lang]) < 15 {
			t.Errorf("%s: %d function words, want at least 15", lang, len(l.function[lang]))
		}
	}
	for _, s := range []section{secSalutation, secClosing, secLabelTo, secLabelCC, secLabelSubject, secPurpose, secHonorific,
		secOrganisationWord, secTitleWord, secPublicTitle} {
		if len(l.phrases[s]) < 20 {
			t.Errorf("%s: %d cues, want many", s, len(l.phrases[s]))
		}
	}
	if len(l.verbale) < 9 {
		t.Errorf("%d note-verbale templates, want one or more a language", len(l.verbale))
	}
}

func TestLexiconFileErrors(t *testing.T) {
	tests := []struct{ name, content string }{
		{"unknown section", "[greetings]\nhello\n"},
		{"phrase before a section", "hello\n[salutation]\n"},
		{"template without a recipient", "[note-verbale]\n{author} presents its compliments\n"},
		{"unknown party", "[note-verbale]\n{author} greets {someone}\n"},
		{"two parties together", "[note-verbale]\n{author} {recipient} greets\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"lexicon/xx.txt": {Data: []byte(tt.content)}}
			if _, err := loadLexicon(fsys); err == nil {
				t.Errorf("loadLexicon(%q) = nil error, want one", tt.content)
			}
		})
	}
}

func TestFoldElision(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"french article", "l'association", "l association"},
		{"typographic apostrophe", "d’Air France", "d air france"},
		{"italian preposition", "dell'Università", "dell universita"},
		{"a name keeps its apostrophe", "O'Brien", "obrien"},
		{"no letter after it", "l' x", "l x"},
		{"a possessive", "Society's", "societys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(foldLine(tt.in).w, " "); got != tt.want {
				t.Errorf("foldLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := strings.Join(foldWords(tt.in), " "); got != tt.want {
				t.Errorf("foldWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLexiconMatching(t *testing.T) {
	tests := []struct {
		name string
		sec  section
		line string
		want string // the value after the label; "-" for no label
	}{
		{"english label", secLabelSubject, "Subject: Visa refusals", "Visa refusals"},
		{"capitals and aligned", secLabelTo, "TO:     Harold Quist", "Harold Quist"},
		{"german abbreviation with stop", secLabelSubject, "Betr.: Ampel an der Kreuzung", "Ampel an der Kreuzung"},
		{"persian", secLabelCC, "رونوشت:", ""},
		{"label alone", secLabelCC, "Verteiler:", ""},
		{"no colon is no label", secLabelTo, "To the Members of the Council", "-"},
		{"a word that starts like a label", secLabelCC, "ccTLD: x", "-"},
		{"the number sign", secLabelReference, "На № 512 от 02.08.2023", "512 от 02.08.2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := lex.label(tt.sec, tt.line)
			if !ok {
				got = "-"
			}
			if got != tt.want {
				t.Errorf("label(%s, %q) = %q, want %q", tt.sec, tt.line, got, tt.want)
			}
		})
	}
}

func TestMatchVerbale(t *testing.T) {
	tests := []struct{ name, text, author, recipient string }{
		{"english", "The Embassy of the Republic of Estonia presents its compliments to the Ministry of Foreign Affairs of New Zealand and has the honour to inform the Ministry that …",
			"Embassy of the Republic of Estonia", "Ministry of Foreign Affairs of New Zealand"},
		{"french", "L'Ambassade de Belgique présente ses compliments au Ministère des Affaires étrangères et a l'honneur de …",
			"Ambassade de Belgique", "Ministère des Affaires étrangères"},
		{"a clause after the addressee", "The Ministry of Foreign Affairs of Ruritania presents its compliments to the Embassy of the U.S. and, with reference to the Embassy's Note No. 12 of 3 May, has the honour to state …",
			"Ministry of Foreign Affairs of Ruritania", "Embassy of the U.S"},
		{"not a note", "We present our compliments and ask for nothing.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := matchVerbale(tt.text)
			if !ok {
				if tt.author != "" {
					t.Errorf("matchVerbale(%q) = no match, want %q → %q", tt.text, tt.author, tt.recipient)
				}
				return
			}
			if v.author != tt.author || v.recipient != tt.recipient {
				t.Errorf("matchVerbale = %q → %q, want %q → %q", v.author, v.recipient, tt.author, tt.recipient)
			}
		})
	}
}
