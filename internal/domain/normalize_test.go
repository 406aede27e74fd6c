package domain

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "lower case", in: "edi rama", want: "edi rama"},
		{name: "upper case", in: "EDI RAMA", want: "edi rama"},
		{name: "mixed case", in: "Edi Rama", want: "edi rama"},
		{name: "acute accent", in: "José", want: "jose"},
		{name: "several diacritics", in: "Édi Rāma", want: "edi rama"},
		{name: "cedilla and umlaut", in: "François Müller", want: "francois muller"},
		{name: "double space", in: "Ebrahim  Khodabandeh", want: "ebrahim khodabandeh"},
		{name: "leading and trailing space", in: "  Ebrahim Khodabandeh \t\n", want: "ebrahim khodabandeh"},
		{name: "tabs and newlines inside", in: "Ebrahim\t\nKhodabandeh", want: "ebrahim khodabandeh"},
		{name: "punctuation becomes space", in: "Smith-Jones, Jane", want: "smith jones jane"},
		{name: "dots", in: "H.E.", want: "h e"},
		{name: "only punctuation", in: "!?.,;-", want: ""},
		{name: "trailing punctuation", in: "Hello, World!", want: "hello world"},
		{name: "ascii apostrophe dropped", in: "O'Brien", want: "obrien"},
		{name: "typographic apostrophe dropped", in: "O’Brien", want: "obrien"},
		{name: "modifier apostrophe dropped", in: "Oʼbrien", want: "obrien"},
		{name: "possessive", in: "Nejat Society’s", want: "nejat societys"},
		{name: "digits kept", in: "Room 101", want: "room 101"},
		{name: "compatibility ligature", in: "ﬁnance", want: "finance"},
		{name: "full-width letters", in: "ＡＢＣ", want: "abc"},
		{name: "persian digits", in: "۱۴۰۱", want: "1401"},
		{name: "arabic-indic digits", in: "١٤٠١", want: "1401"},
		{name: "persian yeh unchanged", in: "علی", want: "علی"},
		{name: "arabic yeh becomes persian yeh", in: "علي", want: "علی"},
		{name: "persian kaf unchanged", in: "کریم", want: "کریم"},
		{name: "arabic kaf and yeh become persian", in: "كريم", want: "کریم"},
		{name: "alef maksura becomes persian yeh", in: "مصطفى", want: "مصطفی"},
		{name: "teh marbuta becomes heh", in: "فاطمة", want: "فاطمه"},
		{name: "alef with madda becomes alef", in: "آقا", want: "اقا"},
		{name: "zwnj becomes space", in: "می\u200cخواهم", want: "می خواهم"},
		{name: "tatweel removed", in: "كـتاب", want: "کتاب"},
		{name: "persian words with spacing", in: "  محمد   رضایی ", want: "محمد رضایی"},
		// Text extracted from PDFs often carries Arabic presentation forms; NFKD turns
		// them into the Arabic letters, which must then be unified like typed ones.
		{name: "arabic presentation form yeh", in: "\uFEF1", want: "ی"},
		{name: "arabic presentation form kaf", in: "\uFED9", want: "ک"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldArabicAndPersianVariantsMeet(t *testing.T) {
	tests := []struct {
		name    string
		arabic  string
		persian string
	}{
		{name: "yeh", arabic: "علي رضائي", persian: "علی رضائی"},
		{name: "kaf", arabic: "كاظم", persian: "کاظم"},
		{name: "kaf and yeh", arabic: "كريمي", persian: "کریمی"},
		{name: "zwnj against space", arabic: "عبد\u200cالله", persian: "عبد الله"},
		{name: "persian against latin digits", arabic: "نامه ۱۴۰۱", persian: "نامه 1401"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := Fold(tt.arabic), Fold(tt.persian)
			if got != want {
				t.Errorf("Fold(%q) = %q, want %q (= Fold(%q))", tt.arabic, got, want, tt.persian)
			}
		})
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "plain", in: "edi rama", want: "edi rama"},
		{name: "upper case", in: "EDI RAMA", want: "edi rama"},
		{name: "diacritics", in: "Édi Rāma", want: "edi rama"},
		{name: "mr with dot", in: "Mr. Edi Rama", want: "edi rama"},
		{name: "mr without dot", in: "Mr Edi Rama", want: "edi rama"},
		{name: "h.e.", in: "H.E. Edi Rama", want: "edi rama"},
		{name: "h. e. with space", in: "H. E. Edi Rama", want: "edi rama"},
		{name: "his excellency", in: "His Excellency Edi Rama", want: "edi rama"},
		{name: "his excellency upper case", in: "HIS EXCELLENCY EDI RAMA", want: "edi rama"},
		{name: "dr without dot", in: "Dr Edi Rama", want: "edi rama"},
		{name: "prof.", in: "Prof. Edi Rama", want: "edi rama"},
		{name: "extra spacing", in: "  Mr.   Edi    Rama ", want: "edi rama"},
		{name: "dr jane doe", in: "Dr Jane Doe", want: "jane doe"},
		{name: "mrs", in: "Mrs. Jane Doe", want: "jane doe"},
		{name: "agha", in: "Agha Ebrahim Khodabandeh", want: "ebrahim khodabandeh"},
		{name: "persian khanom", in: "خانم مریم رضایی", want: "مریم رضایی"},
		{name: "persian doctor", in: "دکتر محمد رضایی", want: "محمد رضایی"},
		{name: "persian aghaye", in: "آقای محمد رضایی", want: "محمد رضایی"},
		{name: "persian agha", in: "آقا محمد رضایی", want: "محمد رضایی"},
		{name: "persian jenab-e aghaye", in: "جناب آقای محمد رضایی", want: "محمد رضایی"},
		{name: "persian aghaye with arabic yeh", in: "آقاي محمد رضايي", want: "محمد رضایی"},
		{name: "chinese surname he kept", in: "He Jiankui", want: "he jiankui"},
		{name: "chinese surname HE kept", in: "HE Jiankui", want: "he jiankui"},
		{name: "only an honorific is kept", in: "Mr.", want: "mr"},
		{name: "only a two-word honorific is kept", in: "His Excellency", want: "his excellency"},
		{name: "honorific not at start kept", in: "Edi Rama Mr", want: "edi rama mr"},
		{name: "empty", in: "", want: ""},
		{name: "only punctuation", in: "...", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeName(tt.in); got != tt.want {
				t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeNameSameKey(t *testing.T) {
	want := NormalizeName("edi rama")
	tests := []struct {
		name string
		in   string
	}{
		{name: "upper case", in: "EDI RAMA"},
		{name: "diacritics", in: "Édi Rāma"},
		{name: "mr", in: "Mr. Edi Rama"},
		{name: "h.e.", in: "H.E. Edi Rama"},
		{name: "dr", in: "Dr Edi Rama"},
		{name: "his excellency", in: "His Excellency Edi Rama"},
		{name: "persian aghaye", in: "آقای Edi Rama"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeName(tt.in); got != want {
				t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func TestSplitHonorific(t *testing.T) {
	tests := []struct {
		name          string
		in            string
		wantHonorific string
		wantRest      string
	}{
		{name: "none", in: "Edi Rama", wantHonorific: "", wantRest: "Edi Rama"},
		{name: "none trimmed", in: "  Edi Rama ", wantHonorific: "", wantRest: "Edi Rama"},
		{name: "mr.", in: "Mr. Edi Rama", wantHonorific: "Mr.", wantRest: "Edi Rama"},
		{name: "h.e.", in: "H.E. Edi Rama", wantHonorific: "H.E.", wantRest: "Edi Rama"},
		{name: "h. e.", in: "H. E. Edi Rama", wantHonorific: "H. E.", wantRest: "Edi Rama"},
		{name: "dr without dot", in: "Dr Jane Doe", wantHonorific: "Dr", wantRest: "Jane Doe"},
		{name: "his excellency", in: "His Excellency Edi Rama", wantHonorific: "His Excellency", wantRest: "Edi Rama"},
		{name: "her excellency lower case", in: "her excellency Jane Doe", wantHonorific: "her excellency", wantRest: "Jane Doe"},
		{name: "extra spacing collapsed", in: " Mr.   Edi   Rama ", wantHonorific: "Mr.", wantRest: "Edi Rama"},
		{name: "persian aghaye", in: "آقای محمد رضایی", wantHonorific: "آقای", wantRest: "محمد رضایی"},
		{name: "persian jenab-e aghaye", in: "جناب آقای محمد رضایی", wantHonorific: "جناب آقای", wantRest: "محمد رضایی"},
		{name: "persian khanom", in: "خانم مریم رضایی", wantHonorific: "خانم", wantRest: "مریم رضایی"},
		{name: "chinese surname he", in: "He Jiankui", wantHonorific: "", wantRest: "He Jiankui"},
		{name: "only honorific", in: "Mr.", wantHonorific: "", wantRest: "Mr."},
		{name: "only two-word honorific", in: "His Excellency", wantHonorific: "", wantRest: "His Excellency"},
		{name: "empty", in: "", wantHonorific: "", wantRest: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotH, gotRest := SplitHonorific(tt.in)
			if gotH != tt.wantHonorific || gotRest != tt.wantRest {
				t.Errorf("SplitHonorific(%q) = %q, %q, want %q, %q", tt.in, gotH, gotRest, tt.wantHonorific, tt.wantRest)
			}
		})
	}
}

func TestNormalizeTitle(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "minister", in: "Minister of Foreign Affairs", want: "minister of foreign affairs"},
		{name: "leading honorific-like word kept", in: "Mr. Speaker", want: "mr speaker"},
		{name: "his excellency kept", in: "His Excellency the Ambassador", want: "his excellency the ambassador"},
		{name: "spacing and case", in: "  PRIME   Minister ", want: "prime minister"},
		{name: "diacritics", in: "Président de la République", want: "president de la republique"},
		{name: "persian", in: "وزير امور خارجه", want: "وزیر امور خارجه"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeTitle(tt.in); got != tt.want {
				t.Errorf("NormalizeTitle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "only space", in: " \t\n ", want: ""},
		{name: "trim and collapse", in: "  a  b\t\nc ", want: "a b c"},
		{name: "case and punctuation kept", in: "Mr.  Edi  Rama", want: "Mr. Edi Rama"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "lower case", in: "edi@example.com", want: "edi@example.com"},
		{name: "mixed case", in: "Edi.Rama@Example.COM", want: "edi.rama@example.com"},
		{name: "trimmed", in: "  edi@example.com \n", want: "edi@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeEmail(tt.in); got != tt.want {
				t.Errorf("NormalizeEmail(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPersonKeys(t *testing.T) {
	tests := []struct {
		name string
		in   PersonInput
		want []string
	}{
		{name: "name only", in: PersonInput{Name: "Edi Rama"}, want: []string{"edi rama"}},
		{name: "honorific stripped", in: PersonInput{Name: "Mr. Edi Rama"}, want: []string{"edi rama"}},
		{
			name: "aliases added",
			in:   PersonInput{Name: "Edi Rama", Aliases: []string{"E. Rama", "Rama"}},
			want: []string{"edi rama", "e rama", "rama"},
		},
		{
			name: "duplicates removed",
			in:   PersonInput{Name: "Edi Rama", Aliases: []string{"EDI RAMA", "H.E. Edi Rama", "Édi Rāma", "Rama", "rama"}},
			want: []string{"edi rama", "rama"},
		},
		{
			name: "empty and punctuation aliases dropped",
			in:   PersonInput{Name: "Edi Rama", Aliases: []string{"", "...", "  "}},
			want: []string{"edi rama"},
		},
		{name: "no name", in: PersonInput{ID: "p1"}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PersonKeys(&tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("PersonKeys(%+v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOrganisationKeys(t *testing.T) {
	tests := []struct {
		name string
		in   OrganisationInput
		want []string
	}{
		{name: "name only", in: OrganisationInput{Name: "Nejat Society"}, want: []string{"nejat society"}},
		{
			name: "acronym becomes a key",
			in:   OrganisationInput{Name: "Association for Supporting Iranians Living in Albania", Acronym: "ASILA"},
			want: []string{"association for supporting iranians living in albania", "asila"},
		},
		{
			name: "aliases after acronym",
			in:   OrganisationInput{Name: "Nejat Society", Acronym: "NS", Aliases: []string{"Anjoman-e Nejat"}},
			want: []string{"nejat society", "ns", "anjoman e nejat"},
		},
		{
			name: "duplicates removed",
			in:   OrganisationInput{Name: "ASILA", Acronym: "asila", Aliases: []string{"Asila", "A.S.I.L.A.", "a s i l a"}},
			want: []string{"asila", "a s i l a"},
		},
		{
			name: "empty acronym dropped",
			in:   OrganisationInput{Name: "The Media", Acronym: ""},
			want: []string{"the media"},
		},
		{name: "acronym only", in: OrganisationInput{Acronym: "UNHCR"}, want: []string{"unhcr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OrganisationKeys(&tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("OrganisationKeys(%+v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSeveralHonorifics(t *testing.T) {
	tests := []struct {
		in, honorific, rest, key string
	}{
		{"H.E. Mr. Edi Rama", "H.E. Mr.", "Edi Rama", "edi rama"},
		{"جناب آقای دکتر محمد رضایی", "جناب آقای دکتر", "محمد رضایی", "محمد رضایی"},
		{"Mr. Dr.", "Mr.", "Dr.", "dr"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, rest := SplitHonorific(tt.in)
			if h != tt.honorific || rest != tt.rest {
				t.Errorf("SplitHonorific(%q) = %q, %q; want %q, %q", tt.in, h, rest, tt.honorific, tt.rest)
			}
			if got := NormalizeName(tt.in); got != tt.key {
				t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.key)
			}
		})
	}
}
