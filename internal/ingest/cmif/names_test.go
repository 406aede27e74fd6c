package cmif

import (
	"strings"
	"testing"
)

func TestPersonName(t *testing.T) {
	tests := []struct {
		written, name, inverted, family string
	}{
		{"Goethe, Johann Wolfgang von", "Johann Wolfgang von Goethe", "Goethe, Johann Wolfgang von", "Goethe"},
		{"Humboldt, Alexander von", "Alexander von Humboldt", "Humboldt, Alexander von", "Humboldt"},
		{"Ménard, Louis", "Louis Ménard", "Ménard, Louis", "Ménard"},
		{"  Ménard ,\n  Louis ", "Louis Ménard", "Ménard , Louis", "Ménard"},
		{"مصدق، محمد", "محمد مصدق", "مصدق، محمد", "مصدق"},
		{"Samuel Thomas Soemmerring", "Samuel Thomas Soemmerring", "", "Samuel Thomas Soemmerring"},
		{"Smith, John, Jr.", "John Smith Jr.", "Smith, John, Jr.", "Smith"},
		{"Müller, Johann (1752-1809)", "Johann Müller (1752-1809)", "Müller, Johann (1752-1809)", "Müller"},
		{"Friedrich II., König von Preußen", "Friedrich II., König von Preußen", "", "Friedrich II., König von Preußen"},
		{"Carl August, Sachsen-Weimar-Eisenach, Großherzog", "Carl August, Sachsen-Weimar-Eisenach, Großherzog", "",
			"Carl August, Sachsen-Weimar-Eisenach, Großherzog"},
		{"Goethe,", "Goethe", "", "Goethe"},
		{", Louis", "Louis", "", "Louis"},
		{",", ",", "", ","},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.written, func(t *testing.T) {
			name, inverted, family := personName(tt.written)
			if name != tt.name || inverted != tt.inverted || family != tt.family {
				t.Errorf("personName(%q) = %q, %q, %q; want %q, %q, %q", tt.written, name, inverted, family, tt.name, tt.inverted, tt.family)
			}
		})
	}
}

func TestAuthorityIDs(t *testing.T) {
	tests := []struct {
		name, ref, want string
	}{
		{"several", " http://d-nb.info/gnd/118540238\thttps://viaf.org/viaf/24602065 ", "http://d-nb.info/gnd/118540238 https://viaf.org/viaf/24602065"},
		{"private scheme left out", "gnd:118540238 http://www.wikidata.org/entity/Q5879", "http://www.wikidata.org/entity/Q5879"},
		{"relative left out", "#p1 persons.xml#p1", ""},
		{"no host", "http:///x", ""},
		{"overlong", "http://x.example/" + strings.Repeat("a", 1000), ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(authorityIDs(tt.ref), " "); got != tt.want {
				t.Errorf("authorityIDs(%q) = %q, want %q", tt.ref, got, tt.want)
			}
		})
	}
}

func TestIsUnknown(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Unknown", true}, {"[unbekannt]", true}, {"N.N.", true}, {"NN", true}, {"Anonymous", true},
		{"Unknown Soldier", false}, {"Nina", false},
	}
	for _, tt := range tests {
		if got := isUnknown(tt.name); got != tt.want {
			t.Errorf("isUnknown(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMakeTitle(t *testing.T) {
	tests := []struct {
		name                string
		authors, recipients []string
		date, want          string
	}{
		{"one to one", []string{"Goethe"}, []string{"Schiller"}, "13 June 1794", "Goethe to Schiller, 13 June 1794"},
		{"two", []string{"Goethe", "Schiller"}, []string{"Cotta"}, "1795", "Goethe and Schiller to Cotta, 1795"},
		{"three", []string{"A", "B", "C"}, []string{"D"}, "", "A, B and C to D"},
		{"four", []string{"A", "B", "C", "D"}, nil, "", "A, B and 2 others to Unknown"},
		{"nobody", nil, nil, "1800", "Unknown to Unknown, 1800"},
		{"cut to size", []string{strings.Repeat("a", 999)}, []string{"B"}, "", strings.Repeat("a", 999) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := makeTitle(tt.authors, tt.recipients, tt.date); got != tt.want {
				t.Errorf("makeTitle = %q, want %q", got, tt.want)
			}
		})
	}
}
