package email

import (
	"bufio"
	"errors"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

func TestReadHeader(t *testing.T) {
	tests := []struct {
		name, in string
		fields   string // name=value|… of the fields read
		rest     string
	}{
		{"simple", "From: a\nTo: b\n\nbody", "from= a|to= b", ""},
		{"crlf", "From: a\r\nTo: b\r\n\r\nbody", "from= a|to= b", ""},
		{"folded", "Subject: one\n two\n\tthree\n\n", "subject= one two\tthree", ""},
		{"white space before the colon", "From  : a\n\n", "from= a", ""},
		{"name lower-cased", "MESSAGE-ID: <x>\n\n", "message-id= <x>", ""},
		{"empty value", "Subject:\n\n", "subject=", ""},
		{"leading blank lines", "\n\nFrom: a\n\n", "from= a", ""},
		{"mbox From line", "From a@x Fri Nov 21 09:55:06 1997\nFrom: a\n\n", "from= a", ""},
		{"non-field line starts the body", "From: a\nHello there\nmore", "from= a", "Hello there\n"},
		{"end of input", "From: a", "from= a", ""},
		{"blank line of white space folds", "To: a\n  \n <b>\n\n", "to= a   <b>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, rest, err := readHeader(bufio.NewReader(strings.NewReader(tt.in)), 1)
			if err != nil {
				t.Fatalf("readHeader(%q): %v", tt.in, err)
			}
			var got []string
			for _, f := range h {
				got = append(got, f.name+"="+f.value)
			}
			if g := strings.Join(got, "|"); g != tt.fields {
				t.Errorf("readHeader(%q) fields = %q, want %q", tt.in, g, tt.fields)
			}
			if string(rest) != tt.rest {
				t.Errorf("readHeader(%q) rest = %q, want %q", tt.in, rest, tt.rest)
			}
		})
	}
}

func TestReadHeaderErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		expected string
	}{
		{"prose", "Dear John,\nhow are you?", 1, "a header field"},
		{"continuation first", " folded: x\n", 1, "a header field"},
		{"space in the name", "Hello world: x\n", 1, "a header field"},
		{"after blank lines", "\n\nnot a header\n", 3, "a header field"},
		{"too long", "X-Big: " + strings.Repeat("x", maxHeader) + "\n", 1, "a header section of at most 4 MiB"},
		{"too long in total", strings.Repeat("X-A: "+strings.Repeat("x", 1<<20)+"\n", 5), 4, "a header section of at most 4 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readHeader(bufio.NewReader(strings.NewReader(tt.in)), 1)
			var he *headerError
			if !errors.As(err, &he) {
				t.Fatalf("readHeader = %v, want a *headerError", err)
			}
			if he.line != tt.line || !strings.HasPrefix(he.expected, tt.expected) {
				t.Errorf("readHeader error = line %d %q, want line %d %q", he.line, he.expected, tt.line, tt.expected)
			}
		})
	}
}

func TestParseFailedItems(t *testing.T) {
	tests := []struct {
		name, in string
		want     document.ParseError
	}{
		{"empty", "", document.ParseError{Origin: "test.eml", Line: 1, Element: "header", Expected: "an email message"}},
		{"blank lines only", "\n\n\n", document.ParseError{Origin: "test.eml", Line: 1, Element: "header", Expected: "an email message"}},
		{"prose", "Dear John,\n", document.ParseError{Origin: "test.eml", Line: 1, Element: "header",
			Expected: `a header field such as "From: …"`, Found: "Dear John,"}},
		{"no message field", "Note: x\n\nbody", document.ParseError{Origin: "test.eml", Line: 1, Element: "header",
			Expected: "an email header such as From:, Date: or Subject:", Found: "note:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := parseOne(t, tt.in)
			var pe *document.ParseError
			if !errors.As(it.Err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want a *document.ParseError", tt.in, it.Err)
			}
			if *pe != tt.want {
				t.Errorf("Parse(%q) error = %+v, want %+v", tt.in, *pe, tt.want)
			}
			if it.Origin != "test.eml" {
				t.Errorf("origin = %q, want test.eml", it.Origin)
			}
		})
	}
}

// failingReader returns its data, then err.
type failingReader struct {
	data string
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.data == "" {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestParseReturnsReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, data := range []string{"", "From: a@x\n", "From: a@x\nContent-Type: multipart/mixed; boundary=X\n\n--X\n\ntext"} {
		err := Parse(&failingReader{data, boom}, "f.eml", func(document.Item) error {
			t.Errorf("Parse(%q then an error) yielded an item", data)
			return nil
		})
		if !errors.Is(err, boom) {
			t.Errorf("Parse(%q then an error) = %v, want %v", data, err, boom)
		}
	}
}

func TestParseReturnsYieldError(t *testing.T) {
	stop := errors.New("stop")
	if err := Parse(strings.NewReader("From: a@x\n\n"), "f.eml", func(document.Item) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Parse = %v, want the yield's error", err)
	}
}

// readLine takes a line of exactly limit bytes, whether or not it fits the reader's
// buffer (16 bytes here), and refuses one byte more.
func TestReadLineLimit(t *testing.T) {
	tests := []struct {
		name, in string
		limit    int
		tooLong  bool
	}{
		{"in the buffer, at the limit", "123456789\n", 10, false},
		{"in the buffer, over the limit", "123456789\n", 9, true},
		{"beyond the buffer, at the limit", strings.Repeat("x", 39) + "\n", 40, false},
		{"beyond the buffer, over the limit", strings.Repeat("x", 39) + "\n", 39, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, err := readLine(bufio.NewReaderSize(strings.NewReader(tt.in), 16), tt.limit)
			if tt.tooLong {
				if !errors.Is(err, errLineTooLong) {
					t.Errorf("readLine = %q, %v; want errLineTooLong", line, err)
				}
				return
			}
			if err != nil || string(line) != tt.in {
				t.Errorf("readLine = %q, %v; want %q", line, err, tt.in)
			}
		})
	}
}

// Field names are printable ASCII, '!' and '~' included.
func TestSplitFieldNameBounds(t *testing.T) {
	if name, value, ok := splitField([]byte("X-!~: v")); !ok || name != "x-!~" || value != " v" {
		t.Errorf("splitField(%q) = %q, %q, %v; want %q, %q, true", "X-!~: v", name, value, ok, "x-!~", " v")
	}
	for _, in := range []string{"X\x7f: v", "X\x1f: v", ": v"} {
		if _, _, ok := splitField([]byte(in)); ok {
			t.Errorf("splitField(%q) ok, want not", in)
		}
	}
}
