package text

import (
	"strings"
	"testing"
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
		{"Jane Doe", "Jane Doe"},
	}
	for _, tt := range tests {
		if got := dropAddressee(tt.in); got != tt.want {
			t.Errorf("dropAddressee(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
