package cmif

import (
	"strings"
	"testing"
)

func TestBody(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"paragraphs", "<p>One\n  two.</p>\n<p>Three.</p>", "One two.\n\nThree."},
		{"line breaks", "<p>One<lb/>two<lb/> <lb/>three</p>", "One\ntwo\nthree"},
		{"verse", "<lg><l>Roses</l><l>are red</l></lg><p>Prose.</p>", "Roses\nare red\n\nProse."},
		{"inline", "<p>A <hi>bold</hi> word, a <persName>name</persName>.</p>", "A bold word, a name."},
		{"notes and running heads", "<p>Text<note>n</note> goes on.</p><fw>12</fw>", "Text goes on."},
		{"choice keeps the edition's reading", "<p><choice><sic>teh</sic><corr>the</corr></choice> <choice><abbr>Dr.</abbr><expan>Doctor</expan></choice></p>", "the Doctor"},
		{"opener and closer", "<opener><salute>Dear B,</salute></opener><p>Text.</p><closer><signed>A</signed></closer>", "Dear B,\n\nText.\n\nA"},
		{"empty", "<p/>", ""},
		{"text outside blocks", "Loose <p>para</p> text", "Loose\n\npara\n\ntext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(wrap(simple), "<body><p/></body>", "<body>"+tt.body+"</body>", 1)
			items := parseAll(t, src, "in")
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items = %+v", items)
			}
			if got := items[0].Letter.Body; got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
		})
	}
}

// A body with text takes the header's title; one without keeps the made-up title.
func TestPlainLetterTitle(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"with body", "<p>Text.</p>", "T"},
		{"without body", "<p/>", "A to B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(wrap(simple), "<body><p/></body>", "<body>"+tt.body+"</body>", 1)
			items := parseAll(t, src, "in")
			if len(items) != 1 || items[0].Letter.Title != tt.want {
				t.Errorf("items = %+v, want one titled %q", items, tt.want)
			}
		})
	}
}

// Several correspDesc elements share no body: the text is not one letter's.
func TestBodyNeedsOneLetter(t *testing.T) {
	src := strings.Replace(wrap(simple+simple), "<body><p/></body>", "<body><p>Text.</p></body>", 1)
	for i, it := range parseAll(t, src, "in") {
		if it.Err != nil || it.Letter.Body != "" {
			t.Errorf("item %d = %+v, want a letter without body", i, it)
		}
	}
}

func TestBodyTooLong(t *testing.T) {
	para := "<p>" + strings.Repeat("word ", 200000) + "</p>" // 1 MB a paragraph, under the token limit
	src := strings.Replace(wrap(simple), "<body><p/></body>", "<body>"+para+para+"</body>", 1)
	items := parseAll(t, src, "in")
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "TEI/text/body: expected a body of at most 1 MiB") {
		t.Errorf("items = %v, want one failed for its body", summary(items))
	}
}
