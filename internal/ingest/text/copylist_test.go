package text

import (
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

func TestCopyMarker(t *testing.T) {
	tests := []struct {
		name, in string
		role     domain.Role // "" when no marker
		inline   string
	}{
		{"copy to", "Copy to:", domain.RoleCC, ""},
		{"copies to with items", "Copies to: A, B", domain.RoleCC, "A, B"},
		{"cc lower", "cc: Jane Doe", domain.RoleCC, "Jane Doe"},
		{"CC alone", "CC:", domain.RoleCC, ""},
		{"c.c. alone", "c.c.", domain.RoleCC, ""},
		{"c.c. with item", "c.c. Minister of Interior", domain.RoleCC, "Minister of Interior"},
		{"Cc. with items", "Cc. Albanian Foreign Minister, UN", domain.RoleCC, "Albanian Foreign Minister, UN"},
		{"distribution", "Distribution:", domain.RoleCC, ""},
		{"distribution alone", "Distribution", domain.RoleCC, ""},
		{"copy with colon", "Copy: The Media", domain.RoleCC, "The Media"},
		{"Persian with colon", "رونوشت:", domain.RoleCC, ""},
		{"Persian alone", "رونوشت", domain.RoleCC, ""},
		{"Persian copy to", "رونوشت به: وزیر کشور", domain.RoleCC, "وزیر کشور"},
		{"bcc", "bcc: Jane Doe", domain.RoleBCC, "Jane Doe"},
		{"copy alone is no marker", "Copy", "", ""},
		{"copyright", "copyright 2020 Nejat Society", "", ""},
		{"ccTLD", "ccTLD registry", "", ""},
		{"sentence", "Copies to be sent to all members.", "", ""},
		{"lower-case continuation", "cc the minister on this", "", ""},
		{"CCTV", "CCTV cameras were installed", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			role, inline, ok := copyMarker(tt.in)
			if got, want := ok, tt.role != ""; got != want {
				t.Fatalf("copyMarker(%q) ok = %v, want %v", tt.in, got, want)
			}
			if role != tt.role || inline != tt.inline {
				t.Errorf("copyMarker(%q) = %q, %q; want %q, %q", tt.in, role, inline, tt.role, tt.inline)
			}
		})
	}
}

func TestSplitItems(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"commas and semicolon", "the Mayor of Zagreb, Albanian Foreign Minister, Human Rights Watch; The Media",
			[]string{"the Mayor of Zagreb", "Albanian Foreign Minister", "Human Rights Watch", "The Media"}},
		{"person, title, organisation", "Jane Doe, Director, Amnesty International",
			[]string{"Jane Doe, Director, Amnesty International"}},
		{"two people", "Jane Doe, John Smith", []string{"Jane Doe", "John Smith"}},
		{"person and a title outside the vocabulary", "John Smith, Research Coordinator",
			[]string{"John Smith, Research Coordinator"}},
		{"person with office, then a group", "Edi Rama, Prime Minister of Albania, The Media",
			[]string{"Edi Rama, Prime Minister of Albania", "The Media"}},
		{"title, organisation", "Director, Amnesty International", []string{"Director, Amnesty International"}},
		{"bullet", "- Minister of Interior of Albania", []string{"Minister of Interior of Albania"}},
		{"number", "12) Human Rights Watch", []string{"Human Rights Watch"}},
		{"and before the last", "Amnesty International, and The Media", []string{"Amnesty International", "The Media"}},
		{"Persian comma", "وزیر کشور آلبانی، وزیر امور خارجه آلبانی", []string{"وزیر کشور آلبانی", "وزیر امور خارجه آلبانی"}},
		{"empty parts", " , ;", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitItems(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("splitItems(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripBullet(t *testing.T) {
	tests := []struct {
		name, in, want string
		bullet         bool
	}{
		{"dash", "- The Media", "The Media", true},
		{"bullet sign", "•The Media", "The Media", true},
		{"star", "* The Media", "The Media", true},
		{"number dot", "1. The Media", "The Media", true},
		{"number bracket", "2) The Media", "The Media", true},
		{"bracketed number", "(3) The Media", "The Media", true},
		{"letter", "a) The Media", "The Media", true},
		{"Persian number", "۱- رسانه‌ها", "رسانه‌ها", true},
		{"hyphenated number is no bullet", "12-member committee", "12-member committee", false},
		{"date is no bullet", "2019-03-12", "2019-03-12", false},
		{"dash without space", "-The Media", "-The Media", false},
		{"plain", "The Media", "The Media", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bullet := stripBullet(tt.in)
			if got != tt.want || bullet != tt.bullet {
				t.Errorf("stripBullet(%q) = %q, %v; want %q, %v", tt.in, got, bullet, tt.want, tt.bullet)
			}
		})
	}
}

func TestCopyListExtent(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		items []string
		next  int // index of the first line after the list
	}{
		{"one a line to a blank line", "Copy to:\nA Society\nB Society\n\nP.S. more", []string{"A Society", "B Society"}, 3},
		{"blank after the marker", "Copy to:\n\nA Society\nB Society", []string{"A Society", "B Society"}, 4},
		{"bulleted across blank lines", "cc:\n- A Society\n\n- B Society\n\nJane Doe", []string{"A Society", "B Society"}, 4},
		{"inline stops at an unindented line", "cc: A Society, B Society\nJane Doe", []string{"A Society", "B Society"}, 1},
		{"inline continues after a comma", "cc: A Society,\nB Society", []string{"A Society", "B Society"}, 2},
		{"ends at a closing", "cc:\nA Society\nSincerely,\nJane Doe", []string{"A Society"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := splitLines(tt.text)
			_, inline, ok := copyMarker(lines[0].text)
			if !ok {
				t.Fatalf("no marker in %q", lines[0].text)
			}
			items, next := copyList(lines, 0, len(lines), inline)
			if !slices.Equal(items, tt.items) || next != tt.next {
				t.Errorf("copyList = %q, %d; want %q, %d", items, next, tt.items, tt.next)
			}
		})
	}
}
