package domain

import "testing"

func TestInvertName(t *testing.T) {
	tests := []struct {
		in, name, family string
		inverted         bool
	}{
		{"Rama, Edi", "Edi Rama", "Rama", true},
		{"Goethe, Johann Wolfgang von", "Johann Wolfgang von Goethe", "Goethe", true},
		{"Smith, John, Jr.", "John Smith Jr.", "Smith", true},
		{"Müller, Johann (1752-1809)", "Johann Müller (1752-1809)", "Müller", true},
		{"رضایی، محمد", "محمد رضایی", "رضایی", true},
		{"Edi Rama", "Edi Rama", "", false},
		{"Acme, Inc.", "Acme, Inc.", "", false},
		{"Doe, Jr.", "Doe, Jr.", "", false},
		{"Friedrich II., König von Preußen", "Friedrich II., König von Preußen", "", false},
		{"a, b, c", "a, b, c", "", false},
		{"Goethe,", "Goethe,", "", false},
		// A bracket opening the given name is the name, not an addition after it.
		{"Smith, (Jane)", "(Jane) Smith", "Smith", true},
		{"doe, john <j@x.org>", "doe, john <j@x.org>", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			name, family, inverted := InvertName(tt.in)
			if name != tt.name || family != tt.family || inverted != tt.inverted {
				t.Errorf("InvertName(%q) = %q, %q, %v; want %q, %q, %v", tt.in, name, family, inverted, tt.name, tt.family, tt.inverted)
			}
		})
	}
	if a, b := NormalizeName("Rama, Edi"), NormalizeName("Mr. Edi Rama"); a != b {
		t.Errorf("NormalizeName(\"Rama, Edi\") = %q, NormalizeName(\"Mr. Edi Rama\") = %q; want one key", a, b)
	}
}
