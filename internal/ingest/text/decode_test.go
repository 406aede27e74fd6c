package text

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

func TestDecode(t *testing.T) {
	utf16le := func(s string) []byte {
		out := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	tests := []struct {
		name  string
		in    []byte
		want  string // the decoded text, when there is no error
		found string // a part of the error's Found, when there is one
		line  int
	}{
		{"UTF-8", []byte("Dear Jane,"), "Dear Jane,", "", 0},
		{"byte order mark", []byte("\xEF\xBB\xBFDear Jane,"), "Dear Jane,", "", 0},
		{"a stray byte", []byte("Dear Jane,\n\xFFhello"), "Dear Jane,\n\uFFFDhello", "", 0},
		{"UTF-16", utf16le("Dear Jane,"), "Dear Jane,", "", 0},
		{"NUL", []byte("Dear\nJane\x00"), "", "NUL", 2},
		{"another encoding", bytes.Repeat([]byte("caf\xE9 "), 10), "", "not UTF-8", 1},
		{"empty", nil, "", "empty", 1},
		{"white space", []byte(" \n\t\r\n"), "", "empty", 1},
		{"odd UTF-16", []byte{0xFF, 0xFE, 'a'}, "", "bytes", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode(tt.in, "x.txt")
			switch {
			case tt.found == "" && err != nil:
				t.Fatalf("decode: %v", err)
			case tt.found == "" && got != tt.want:
				t.Errorf("decode = %q, want %q", got, tt.want)
			case tt.found != "" && err == nil:
				t.Fatalf("decode = %q, want an error with %q", got, tt.found)
			case tt.found != "" && (!strings.Contains(err.Found, tt.found) || err.Line != tt.line || err.Origin != "x.txt"):
				t.Errorf("decode error = %+v, want Found with %q at line %d", err, tt.found, tt.line)
			}
		})
	}
}

func TestLooksLikeText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"letter", "Letter from the CEO\n\nDear Sir,", true},
		{"Persian", "بسمه تعالی", true},
		{"memo", "To: Jane Doe\nFrom: John Smith\nSubject: x", true},
		{"cut inside a character", "Letter " + string([]byte("ب")[:1]), true},
		{"UTF-16", "\xFF\xFEa\x00", true},
		{"JSON", ` {"title": "x"}`, false},
		{"XML", "<?xml version=\"1.0\"?>", false},
		{"mbox", "From jane@example.org Mon Mar 12 10:00:00 2019\n", false},
		{"email", "Received: from mail.example.org\nSubject: x", false},
		{"binary", "GIF89a\x00\x01", false},
		{"empty", "", false},
		{"white space", " \n ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeText([]byte(tt.in)); got != tt.want {
				t.Errorf("LooksLikeText(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		big := strings.Repeat("a line of a letter that is far too long\n", MaxSize/40+1)
		items := collect(t, strings.NewReader(big))
		var pe *document.ParseError
		if len(items) != 1 || !errors.As(items[0].Err, &pe) || !strings.Contains(pe.Expected, "at most 4 MiB") {
			t.Fatalf("items = %+v, want one failed item about the size", items)
		}
	})
	t.Run("reader fails", func(t *testing.T) {
		boom := errors.New("boom")
		err := Parse(iotest.ErrReader(boom), "x.txt", func(document.Item) error { return nil })
		if !errors.Is(err, boom) {
			t.Errorf("Parse error = %v, want %v", err, boom)
		}
	})
	t.Run("yield fails", func(t *testing.T) {
		stop := errors.New("stop")
		err := Parse(strings.NewReader("Dear Jane,\n\nHello."), "x.txt", func(document.Item) error { return stop })
		if !errors.Is(err, stop) {
			t.Errorf("Parse error = %v, want %v", err, stop)
		}
	})
	t.Run("only invisible characters", func(t *testing.T) {
		items := collect(t, strings.NewReader("\u202a\n\u202c"))
		if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "empty") {
			t.Fatalf("items = %+v, want one failed item", items)
		}
	})
}

// TestLargeLetter checks that letters near the size limits are read in reasonable
// time: one just within the domain's body limit gives a letter, a longer one a failed
// item.
func TestLargeLetter(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "On behalf of the families I have written many times to the officials of the Republic of Albania (ROA).\n\n"
	letter := func(size int) string {
		return "A long letter\n\nDear Mr. Rama,\n\n" + strings.Repeat(para, size/len(para)) + "Sincerely,\nJane Doe\n"
	}
	t.Run("within the body limit", func(t *testing.T) {
		items := collect(t, strings.NewReader(letter(domain.MaxBody-1000)))
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("items = %+v; want one letter", items)
		}
		in := items[0].Letter
		if got, want := len(in.Authors), 1; got != want {
			t.Errorf("authors = %d, want %d", got, want)
		}
		if err := in.Normalize("large"); err != nil {
			t.Errorf("Normalize: %v", err)
		}
	})
	t.Run("beyond the body limit", func(t *testing.T) {
		items := collect(t, strings.NewReader(letter(MaxSize-1000)))
		var pe *document.ParseError
		if len(items) != 1 || !errors.As(items[0].Err, &pe) || !strings.Contains(pe.Found, "body of") {
			t.Fatalf("items = %+v, want one failed item about the body", items)
		}
	})
}

func TestFoldMatchesDomain(t *testing.T) {
	for _, s := range []string{"", "Mr.", "O'Brien", "  Secretary-General ", "H.E.", "U.S.A.", "--a--b--",
		"Nejat Society's", "ABC_def 123", "\t x \n", "a'b'c", "!!!"} {
		if got, want := fold(s), domain.Fold(s); got != want {
			t.Errorf("fold(%q) = %q, want domain.Fold's %q", s, got, want)
		}
	}
}

func collect(t *testing.T, r io.Reader) []document.Item {
	t.Helper()
	var items []document.Item
	if err := Parse(r, "x.txt", func(it document.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return items
}
