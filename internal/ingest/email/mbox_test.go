package email

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

func TestIsSeparator(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"From jdoe@example.com Fri Nov 21 09:55:06 1997\n", true},
		{"From jdoe@example.com Fri Nov 21 09:55:06 1997\r\n", true},
		{"From - Mon Jan 01 00:00:00 2001", true},
		{"From MAILER-DAEMON Thu Feb  4 12:08 2010", true},
		{"From 1583409876543210@xxx Tue Nov 25 09:00:00 +0000 1997", true},
		{"From: jdoe@example.com", false},
		{"From the start I knew", false},
		{"From 9:00 to 17:00 we work", false},
		{"From jdoe Fri Nov 21", false},
		{"From a@b.test Fri Nov 21 9:55 1997", true},
		{"From a@b.test Fri Nov 21 09: 1997", false},
		{"From Mary Smith at 10:30 we met", false}, // the sender is no month
		{">From jdoe@example.com Fri Nov 21 09:55:06 1997", false},
		{"from jdoe@example.com Fri Nov 21 09:55:06 1997", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isSeparator([]byte(tt.line)); got != tt.want {
			t.Errorf("isSeparator(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

const sep = "From a@x.test Mon Jan  1 00:00:00 2001\n"

// summary renders items as "origin: subject | body" or "origin: error".
func summary(items []document.Item) string {
	var parts []string
	for _, it := range items {
		if it.Err != nil {
			parts = append(parts, it.Origin+": "+it.Err.Error())
		} else {
			parts = append(parts, it.Origin+": "+it.Letter.Subject+" | "+it.Letter.Body)
		}
	}
	return strings.Join(parts, "\n")
}

func TestParseMbox(t *testing.T) {
	msg := func(subject, body string) string { return "From: a@x.test\nSubject: " + subject + "\n\n" + body + "\n" }
	longLine := strings.Repeat("y", 200<<10)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank lines only", "\n\n\r\n", ""},
		{"two messages", sep + msg("one", "1") + "\n" + sep + msg("two", "2"),
			"a.mbox#1: one | 1\na.mbox#2: two | 2"},
		{"no separator first", msg("bare", "b") + sep + msg("two", "2"),
			"a.mbox#1: bare | b\na.mbox#2: two | 2"},
		{"blank lines before the first", "\n\n" + sep + msg("one", "1"), "a.mbox#1: one | 1"},
		{"escapes", sep + msg("e", ">From a\n>>From b\n>>>From c\n> From d\n>Fromage"),
			"a.mbox#1: e | From a\n>From b\n>>From c\n> From d\n>Fromage"},
		{"empty message", sep + sep + msg("two", "2"),
			"a.mbox#1: a.mbox#1:2: header: expected an email message\na.mbox#2: two | 2"},
		{"separator at the end", sep + msg("one", "1") + sep,
			"a.mbox#1: one | 1\na.mbox#2: a.mbox#2:7: header: expected an email message"},
		{"bad message line numbers", sep + msg("one", "1") + sep + "garbage\n" + sep + msg("three", "3"),
			"a.mbox#1: one | 1\na.mbox#2: a.mbox#2:7: header: expected a header field such as \"From: …\", found \"garbage\"\na.mbox#3: three | 3"},
		{"long line before a separator", sep + msg("one", longLine) + sep + msg("two", "2"),
			"a.mbox#1: one | " + longLine + "\na.mbox#2: two | 2"},
		{"long line that looks escaped", sep + msg("one", ">From "+longLine), "a.mbox#1: one | From " + longLine},
		{"line numbers count blank lines before the first", "\n\n" + sep + "garbage\n",
			"a.mbox#1: a.mbox#1:4: header: expected a header field such as \"From: …\", found \"garbage\""},
		{"no final newline", sep + "From: a@x.test\nSubject: s\n\nend", "a.mbox#1: s | end"},
		{"crlf", strings.ReplaceAll(sep+msg("one", "1")+sep+msg("two", "2"), "\n", "\r\n"),
			"a.mbox#1: one | 1\na.mbox#2: two | 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(parseMbox(t, tt.in)); got != tt.want {
				t.Errorf("ParseMbox(%.60q…) =\n%s\nwant\n%s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseMboxSkipsAnOversizedHeader(t *testing.T) {
	in := sep + "From: a@x.test\nX-Big: " + strings.Repeat("x", maxHeader) + "\n\nbody\n" + sep + "From: b@x.test\nSubject: next\n\nok\n"
	got := summary(parseMbox(t, in))
	want := "a.mbox#1: a.mbox#1:3: header: expected a header section of at most 4 MiB\na.mbox#2: next | ok"
	if got != want {
		t.Errorf("ParseMbox = %q, want %q", got, want)
	}
}

func TestParseMboxReturnsErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, data := range []string{"", sep, sep + "From: a@x\n\nbody", sep + "From: a@x\n\nbody\n" + sep} {
		var items int
		err := ParseMbox(&failingReader{data, boom}, "a.mbox", func(document.Item) error { items++; return nil })
		if !errors.Is(err, boom) {
			t.Errorf("ParseMbox(%q then an error) = %v (%d items), want %v", data, err, items, boom)
		}
	}
	stop := errors.New("stop")
	calls := 0
	err := ParseMbox(strings.NewReader(sep+"From: a@x\n\n1\n"+sep+"From: b@x\n\n2\n"), "a.mbox", func(document.Item) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("ParseMbox with a failing yield = %v after %d calls, want %v after 1", err, calls, stop)
	}
}

// bigMbox generates an mbox of n messages, each with a base64 attachment of size
// bytes, without holding it: the test must not itself allocate what it measures.
type bigMbox struct {
	n, size, msg int
	cur          io.Reader
}

func (b *bigMbox) Read(p []byte) (int, error) {
	for {
		if b.cur != nil {
			n, err := b.cur.Read(p)
			if err != io.EOF || n > 0 {
				return n, nil
			}
		}
		if b.msg == b.n {
			return 0, io.EOF
		}
		b.msg++
		head := fmt.Sprintf("%sFrom: a@x.test\nSubject: big %d\nContent-Type: multipart/mixed; boundary=XX\n\n"+
			"--XX\nContent-Type: text/plain\n\nsmall text %d\n--XX\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n",
			sep, b.msg, b.msg)
		line := strings.Repeat("QUJD", 19) + "\n"
		b.cur = io.MultiReader(strings.NewReader(head), &repeat{line: line, left: b.size / len(line)}, strings.NewReader("--XX--\n"))
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

type repeat struct {
	line string
	left int
	off  int
}

func (r *repeat) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && r.left > 0 {
		c := copy(p[n:], r.line[r.off:])
		n += c
		r.off += c
		if r.off == len(r.line) {
			r.off = 0
			r.left--
		}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// TestParseMboxStreams reads 96 MiB of attachments and checks that what the parser
// allocates stays far below that: messages and attachments are streamed.
func TestParseMboxStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 96 MiB")
	}
	const messages, size = 3, 32 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var got []string
	src := &countingReader{r: &bigMbox{n: messages, size: size}}
	err := ParseMbox(src, "big.mbox", func(it document.Item) error {
		if it.Err != nil {
			return it.Err
		}
		got = append(got, it.Letter.Subject+": "+it.Letter.Body)
		return nil
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if want := "big 1: small text 1|big 2: small text 2|big 3: small text 3"; strings.Join(got, "|") != want {
		t.Errorf("ParseMbox = %q, want %q", strings.Join(got, "|"), want)
	}
	if src.n < messages*size {
		t.Errorf("ParseMbox read %d bytes, want all %d", src.n, messages*size)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("ParseMbox allocated %d MiB for %d MiB of input, want it streamed", alloc>>20, messages*size>>20)
	}
}
