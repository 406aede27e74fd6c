package graph

import "testing"

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name  string
		query string
		texts []string
		want  string
	}{
		{"marks the word", "visas", []string{"refused to issue visas to them"}, "refused to issue <mark>visas</mark> to them"},
		{"diacritics either way", "cafe", []string{"the Café opens"}, "the <mark>Café</mark> opens"},
		{"prefix", "alban*", []string{"the Albanian government"}, "the <mark>Albanian</mark> government"},
		{"persian variants", "علی", []string{"نامه به علي رضائي"}, "نامه به <mark>علي</mark> رضائي"},
		{"second text when the first has no match", "harbour", []string{"A title", "the harbour froze"}, "the <mark>harbour</mark> froze"},
		{"window with ellipses", "w", []string{"a b c d e f g h i j k l m n o p q r s t w u v x y z aa bb cc dd ee ff gg"},
			"… q r s t <mark>w</mark> u v x y z aa bb …"},
		{"escapes html", "x", []string{"<b>x</b> & y"}, "<mark>&lt;b&gt;x&lt;/b&gt;</mark> &amp; y"},
		{"no match", "zebra", []string{"nothing here"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := excerpt(tt.query, tt.texts...); got != tt.want {
				t.Errorf("excerpt(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}
