package domain

import (
	"slices"
	"testing"
)

func TestCanonicalCountry(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		// Albania, every way.
		{name: "short name", in: "Albania", want: "Albania", wantOK: true},
		{name: "lower case", in: "albania", want: "Albania", wantOK: true},
		{name: "official name", in: "Republic of Albania", want: "Albania", wantOK: true},
		{name: "official name with the", in: "the Republic of Albania", want: "Albania", wantOK: true},
		{name: "official name with The", in: "The Republic of Albania", want: "Albania", wantOK: true},
		{name: "native name", in: "Shqipëria", want: "Albania", wantOK: true},
		{name: "native name without diacritics", in: "Shqiperia", want: "Albania", wantOK: true},
		{name: "demonym", in: "Albanian", want: "Albania", wantOK: true},
		{name: "plural demonym", in: "Albanians", want: "Albania", wantOK: true},
		{name: "extra spaces", in: "  Republic  of   Albania ", want: "Albania", wantOK: true},

		// Iran.
		{name: "iran", in: "Iran", want: "Iran", wantOK: true},
		{name: "iran official", in: "Islamic Republic of Iran", want: "Iran", wantOK: true},
		{name: "iran un form", in: "Iran (Islamic Republic of)", want: "Iran", wantOK: true},
		{name: "iran iso form", in: "Iran, Islamic Republic of", want: "Iran", wantOK: true},
		{name: "iran initials", in: "I.R. Iran", want: "Iran", wantOK: true},
		{name: "iran persian", in: "ایران", want: "Iran", wantOK: true},
		{name: "iranian", in: "Iranian", want: "Iran", wantOK: true},
		{name: "iranians", in: "Iranians", want: "Iran", wantOK: true},
		{name: "persia", in: "Persia", want: "Iran", wantOK: true},

		// United Kingdom.
		{name: "uk long form", in: "United Kingdom of Great Britain and Northern Ireland", want: "United Kingdom", wantOK: true},
		{name: "uk", in: "UK", want: "United Kingdom", wantOK: true},
		{name: "u.k.", in: "U.K.", want: "United Kingdom", wantOK: true},
		{name: "the uk", in: "the UK", want: "United Kingdom", wantOK: true},
		{name: "great britain", in: "Great Britain", want: "United Kingdom", wantOK: true},
		{name: "britain", in: "Britain", want: "United Kingdom", wantOK: true},
		{name: "british", in: "British", want: "United Kingdom", wantOK: true},

		// United States.
		{name: "usa long form", in: "United States of America", want: "United States", wantOK: true},
		{name: "usa", in: "USA", want: "United States", wantOK: true},
		{name: "u.s.a.", in: "U.S.A.", want: "United States", wantOK: true},
		{name: "u.s.", in: "U.S.", want: "United States", wantOK: true},
		{name: "us", in: "US", want: "United States", wantOK: true},
		{name: "the united states", in: "the United States", want: "United States", wantOK: true},
		{name: "america", in: "America", want: "United States", wantOK: true},
		{name: "americans", in: "Americans", want: "United States", wantOK: true},

		// Other long forms, renamings and alternatives.
		{name: "russian federation", in: "Russian Federation", want: "Russia", wantOK: true},
		{name: "republic of korea", in: "Republic of Korea", want: "South Korea", wantOK: true},
		{name: "korea iso form", in: "Korea, Republic of", want: "South Korea", wantOK: true},
		{name: "south korea", in: "South Korea", want: "South Korea", wantOK: true},
		{name: "dprk", in: "D.P.R.K.", want: "North Korea", wantOK: true},
		{name: "dprk long form", in: "Democratic People's Republic of Korea", want: "North Korea", wantOK: true},
		{name: "turkiye", in: "Türkiye", want: "Turkey", wantOK: true},
		{name: "turkiye without diacritics", in: "Turkiye", want: "Turkey", wantOK: true},
		{name: "turkey", in: "Turkey", want: "Turkey", wantOK: true},
		{name: "turkish", in: "Turkish", want: "Turkey", wantOK: true},
		{name: "czechia", in: "Czechia", want: "Czech Republic", wantOK: true},
		{name: "burma", in: "Burma", want: "Myanmar", wantOK: true},
		{name: "cote divoire", in: "Côte d’Ivoire", want: "Ivory Coast", wantOK: true},
		{name: "timor-leste", in: "Timor-Leste", want: "East Timor", wantOK: true},
		{name: "viet nam", in: "Viet Nam", want: "Vietnam", wantOK: true},
		{name: "swaziland", in: "Swaziland", want: "Eswatini", wantOK: true},
		{name: "holland", in: "Holland", want: "Netherlands", wantOK: true},
		{name: "the netherlands", in: "The Netherlands", want: "Netherlands", wantOK: true},
		{name: "dutch", in: "Dutch", want: "Netherlands", wantOK: true},
		{name: "the gambia", in: "The Gambia", want: "Gambia", wantOK: true},
		{name: "ampersand", in: "Bosnia & Herzegovina", want: "Bosnia and Herzegovina", wantOK: true},
		{name: "hyphen", in: "Bosnia-Herzegovina", want: "Bosnia and Herzegovina", wantOK: true},
		{name: "st.", in: "St. Lucia", want: "Saint Lucia", wantOK: true},
		{name: "st and ampersand", in: "St Kitts & Nevis", want: "Saint Kitts and Nevis", wantOK: true},
		{name: "sao tome without diacritics", in: "Sao Tome and Principe", want: "São Tomé and Príncipe", wantOK: true},
		{name: "dr congo", in: "D.R. Congo", want: "Democratic Republic of the Congo", wantOK: true},
		{name: "drc", in: "DRC", want: "Democratic Republic of the Congo", wantOK: true},
		{name: "zaire", in: "Zaïre", want: "Democratic Republic of the Congo", wantOK: true},
		{name: "congo-brazzaville", in: "Congo (Brazzaville)", want: "Republic of the Congo", wantOK: true},
		{name: "macedonia", in: "Macedonia", want: "North Macedonia", wantOK: true},
		{name: "german", in: "Deutschland", want: "Germany", wantOK: true},
		{name: "cyrillic", in: "РОССИЯ", want: "Russia", wantOK: true},
		{name: "greek", in: "Ελλάδα", want: "Greece", wantOK: true},

		// Others than UN members.
		{name: "kosovo", in: "Republic of Kosovo", want: "Kosovo", wantOK: true},
		{name: "kosovar", in: "Kosovar", want: "Kosovo", wantOK: true},
		{name: "palestine", in: "State of Palestine", want: "Palestine", wantOK: true},
		{name: "taiwan", in: "Republic of China", want: "Taiwan", wantOK: true},
		{name: "chinese taipei", in: "Chinese Taipei", want: "Taiwan", wantOK: true},
		{name: "prc", in: "People’s Republic of China", want: "China", wantOK: true},
		{name: "holy see", in: "Holy See", want: "Vatican City", wantOK: true},
		{name: "vatican", in: "the Vatican", want: "Vatican City", wantOK: true},

		// Look-alikes kept apart.
		{name: "niger", in: "Niger", want: "Niger", wantOK: true},
		{name: "nigeria", in: "Nigeria", want: "Nigeria", wantOK: true},
		{name: "nigerien", in: "Nigerien", want: "Niger", wantOK: true},
		{name: "nigerian", in: "Nigerian", want: "Nigeria", wantOK: true},
		{name: "dominica", in: "Dominica", want: "Dominica", wantOK: true},
		{name: "dominican", in: "Dominican", want: "Dominican Republic", wantOK: true},
		{name: "guinea", in: "Guinea", want: "Guinea", wantOK: true},
		{name: "guinean", in: "Guinean", want: "Guinea", wantOK: true},
		{name: "guinea-bissau", in: "Guinea Bissau", want: "Guinea-Bissau", wantOK: true},
		{name: "bissau-guinean", in: "Bissau-Guinean", want: "Guinea-Bissau", wantOK: true},
		{name: "equatorial guinea", in: "Equatorial Guinea", want: "Equatorial Guinea", wantOK: true},
		{name: "papua new guinea", in: "Papua New Guinea", want: "Papua New Guinea", wantOK: true},
		{name: "georgia", in: "Georgia", want: "Georgia", wantOK: true},
		{name: "sudan", in: "the Sudan", want: "Sudan", wantOK: true},
		{name: "south sudanese", in: "South Sudanese", want: "South Sudan", wantOK: true},
		{name: "laos", in: "Laos", want: "Laos", wantOK: true},
		{name: "lao", in: "Lao PDR", want: "Laos", wantOK: true},

		// Not a country.
		{name: "empty", in: ""},
		{name: "spaces", in: "  "},
		{name: "the", in: "The"},
		{name: "media", in: "Media"},
		{name: "the media", in: "The Media"},
		{name: "society", in: "Society"},
		{name: "minister", in: "Minister"},
		{name: "nejat society", in: "Nejat Society"},
		{name: "ambiguous congo", in: "Congo"},
		{name: "ambiguous korea", in: "Korea"},
		{name: "ambiguous congolese", in: "Congolese"},
		{name: "ambiguous korean", in: "Korean"},
		{name: "language", in: "Persian"},
		{name: "part of a country", in: "Northern Ireland"},
		{name: "country in a phrase", in: "Albanian government"},
		{name: "republic alone", in: "Republic"},
		{name: "state alone", in: "State"},
		{name: "initials alone", in: "U.N."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CanonicalCountry(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("CanonicalCountry(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{name: "albanian", in: "Albanian", want: "Albania", wantOK: true},
		{name: "albanians", in: "albanians", want: "Albania", wantOK: true},
		{name: "iranian", in: "Iranian", want: "Iran", wantOK: true},
		{name: "french", in: "French", want: "France", wantOK: true},
		{name: "frenchmen", in: "Frenchmen", want: "France", wantOK: true},
		{name: "british", in: "British", want: "United Kingdom", wantOK: true},
		{name: "american", in: "American", want: "United States", wantOK: true},
		{name: "swiss", in: "Swiss", want: "Switzerland", wantOK: true},
		{name: "chinese", in: "Chinese", want: "China", wantOK: true},
		{name: "taiwanese", in: "Taiwanese", want: "Taiwan", wantOK: true},
		{name: "filipinos", in: "Filipinos", want: "Philippines", wantOK: true},
		{name: "new zealanders", in: "New Zealanders", want: "New Zealand", wantOK: true},
		{name: "nigerien", in: "Nigerien", want: "Niger", wantOK: true},
		{name: "nigerian", in: "Nigerian", want: "Nigeria", wantOK: true},
		{name: "nigerians", in: "Nigerians", want: "Nigeria", wantOK: true},
		{name: "dominican", in: "Dominican", want: "Dominican Republic", wantOK: true},
		{name: "guinean", in: "Guinean", want: "Guinea", wantOK: true},
		{name: "equatorial guinean", in: "Equatorial Guinean", want: "Equatorial Guinea", wantOK: true},
		{name: "papua new guinean", in: "Papua New Guinean", want: "Papua New Guinea", wantOK: true},
		{name: "lao", in: "Lao", want: "Laos", wantOK: true},
		{name: "kiribati", in: "I-Kiribati", want: "Kiribati", wantOK: true},
		{name: "ivorian", in: "Ivorian", want: "Ivory Coast", wantOK: true},
		{name: "emirati", in: "Emirati", want: "United Arab Emirates", wantOK: true},
		{name: "north korean", in: "North Korean", want: "North Korea", wantOK: true},
		{name: "south koreans", in: "South Koreans", want: "South Korea", wantOK: true},
		{name: "diacritics", in: "Burkinabè", want: "Burkina Faso", wantOK: true},

		{name: "country name", in: "Albania"},
		{name: "country name ending in s", in: "Laos"},
		{name: "plural-looking country name", in: "Bahamas"},
		{name: "long form", in: "Republic of Albania"},
		{name: "persian is a language", in: "Persian"},
		{name: "kurdish is a people", in: "Kurdish"},
		{name: "english is a language", in: "English"},
		{name: "ambiguous korean", in: "Korean"},
		{name: "ambiguous congolese", in: "Congolese"},
		{name: "not a word for a country", in: "Minister"},
		{name: "empty", in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Demonym(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Demonym(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// unMembers are the 193 member states of the United Nations as the UN names them,
// except "Congo", which is ambiguous in letters and is written out here.
var unMembers = []string{
	"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina",
	"Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados",
	"Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia (Plurinational State of)",
	"Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei Darussalam", "Bulgaria", "Burkina Faso",
	"Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada", "Central African Republic", "Chad",
	"Chile", "China", "Colombia", "Comoros", "Republic of the Congo", "Costa Rica", "Côte d'Ivoire",
	"Croatia", "Cuba", "Cyprus", "Czechia", "Democratic People's Republic of Korea",
	"Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica", "Dominican Republic",
	"Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini",
	"Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana",
	"Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras",
	"Hungary", "Iceland", "India", "Indonesia", "Iran (Islamic Republic of)", "Iraq", "Ireland",
	"Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait",
	"Kyrgyzstan", "Lao People's Democratic Republic", "Latvia", "Lebanon", "Lesotho", "Liberia",
	"Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia",
	"Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
	"Micronesia (Federated States of)", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique",
	"Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands (Kingdom of the)", "New Zealand",
	"Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman", "Pakistan", "Palau",
	"Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
	"Republic of Korea", "Republic of Moldova", "Romania", "Russian Federation", "Rwanda",
	"Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa",
	"San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles",
	"Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia",
	"South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden",
	"Switzerland", "Syrian Arab Republic", "Tajikistan", "Thailand", "Timor-Leste", "Togo", "Tonga",
	"Trinidad and Tobago", "Tunisia", "Türkiye", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
	"United Arab Emirates", "United Kingdom of Great Britain and Northern Ireland",
	"United Republic of Tanzania", "United States of America", "Uruguay", "Uzbekistan", "Vanuatu",
	"Venezuela (Bolivarian Republic of)", "Viet Nam", "Yemen", "Zambia", "Zimbabwe",
}

// TestCanonicalCountryUNMembers checks that every UN member is known by its UN name,
// that no two of them meet, and that each canonical name is its own canonical name.
func TestCanonicalCountryUNMembers(t *testing.T) {
	if len(unMembers) != 193 {
		t.Fatalf("len(unMembers) = %d, want 193", len(unMembers))
	}
	seen := map[string]string{}
	for _, name := range unMembers {
		got, ok := CanonicalCountry(name)
		if !ok {
			t.Errorf("CanonicalCountry(%q) = not ok, want a country", name)
			continue
		}
		if prev, dup := seen[got]; dup {
			t.Errorf("CanonicalCountry(%q) = %q, as for %q", name, got, prev)
		}
		seen[got] = name
		if again, ok := CanonicalCountry(got); !ok || again != got {
			t.Errorf("CanonicalCountry(%q) = %q, %v, want itself", got, again, ok)
		}
	}
}

func TestCountryTableHasNoConflicts(t *testing.T) {
	names, demonyms, conflicts := buildCountries(slices.Concat(countryTable, persianCountryTable, arabicCountryTable))
	if len(conflicts) > 0 {
		t.Errorf("buildCountries() conflicts on %q, want none", conflicts)
	}
	for k, c := range names {
		if k == "" || c == "" {
			t.Errorf("name key %q → %q, want both set", k, c)
		}
	}
	for k, c := range demonyms {
		if _, ok := names[k]; ok {
			t.Errorf("%q is both a name and a demonym", k)
		}
		if got, ok := CanonicalCountry(c); !ok || got != c {
			t.Errorf("demonym %q → %q, which is not a canonical name", k, c)
		}
	}
}

func TestBuildCountriesReportsConflicts(t *testing.T) {
	tests := []struct {
		name  string
		table []string
		want  int
	}{
		{name: "none", table: []string{"A; Aa; Ab", "B; Ba; Bb"}, want: 0},
		{name: "alias twice", table: []string{"A; X; Ab", "B; X; Bb"}, want: 1},
		{name: "demonym twice", table: []string{"A; ; X", "B; ; X"}, want: 1},
		{name: "alias is another's demonym", table: []string{"A; X; ", "B; ; X"}, want: 1},
		{name: "same country twice", table: []string{"A; X, X; X"}, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, got := buildCountries(tt.table); len(got) != tt.want {
				t.Errorf("buildCountries(%q) conflicts = %q, want %d", tt.table, got, tt.want)
			}
		})
	}
}

func TestCountryKey(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "fold", in: "Shqipëria", want: "shqiperia"},
		{name: "leading the", in: "The Gambia", want: "gambia"},
		{name: "the alone", in: "the", want: "the"},
		{name: "inner the kept", in: "Republic of the Congo", want: "republic of the congo"},
		{name: "ampersand", in: "Trinidad & Tobago", want: "trinidad and tobago"},
		{name: "saint", in: "St. Lucia", want: "saint lucia"},
		{name: "initials", in: "U.S.A.", want: "usa"},
		{name: "initials with spaces", in: "U. S. A.", want: "usa"},
		{name: "initials then word", in: "D.R. Congo", want: "dr congo"},
		{name: "single letter kept", in: "Bosna i Hercegovina", want: "bosna i hercegovina"},
		{name: "parentheses", in: "Iran (Islamic Republic of)", want: "iran islamic republic of"},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countryKey(tt.in); got != tt.want {
				t.Errorf("countryKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzCanonicalCountry(f *testing.F) {
	for _, s := range []string{"Albania", "the U.S.A.", "Iran (Islamic Republic of)", "Albanians", "St & the", "\xff", "a b c d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := CanonicalCountry(s)
		if ok != (c != "") {
			t.Fatalf("CanonicalCountry(%q) = %q, %v", s, c, ok)
		}
		if ok {
			if again, ok2 := CanonicalCountry(c); !ok2 || again != c {
				t.Fatalf("CanonicalCountry(%q) = %q, but CanonicalCountry(%q) = %q, %v", s, c, c, again, ok2)
			}
		}
		d, ok := Demonym(s)
		if ok && d != c {
			t.Fatalf("Demonym(%q) = %q, but CanonicalCountry(%q) = %q", s, d, s, c)
		}
	})
}

func TestCountryOrganisationsShareAKey(t *testing.T) {
	tests := []string{"Republic of Albania", "the Republic of Albania", "ALBANIA", "Albanian", "آلبانی"}
	for _, name := range tests {
		t.Run(name, func(t *testing.T) {
			keys := OrganisationKeys(&OrganisationInput{Name: name})
			if !slices.Contains(keys, "albania") {
				t.Errorf("OrganisationKeys(%q) = %q, want them to contain %q", name, keys, "albania")
			}
		})
	}
}
