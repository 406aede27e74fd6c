package email

import (
	"io"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// textMessage is a message whose body is content under the given Content-Type and
// Content-Transfer-Encoding (either may be "").
func textMessage(contentType, encoding, content string) string {
	var b strings.Builder
	b.WriteString("From: a@x.test\nSubject: s\n")
	if contentType != "" {
		b.WriteString("Content-Type: " + contentType + "\n")
	}
	if encoding != "" {
		b.WriteString("Content-Transfer-Encoding: " + encoding + "\n")
	}
	b.WriteString("\n" + content)
	return b.String()
}

func TestBodyCharsets(t *testing.T) {
	tests := []struct {
		name, contentType, content, want string
	}{
		{"no content type, ascii", "", "hello", "hello"},
		{"no charset, utf-8 bytes", "text/plain", "café", "café"},
		{"no charset, latin-1 bytes", "text/plain", "caf\xe9", "café"},
		{"us-ascii with 8-bit bytes", "text/plain; charset=us-ascii", "caf\xe9", "café"},
		{"utf-8 with a stray byte", "text/plain; charset=utf-8", "café \xff ok", "café \uFFFD ok"},
		{"iso-8859-1", "text/plain; charset=ISO-8859-1", "caf\xe9", "café"},
		{"latin1 label", `text/plain; charset="latin1"`, "caf\xe9", "café"},
		{"iso-8859-15 euro", "text/plain; charset=iso-8859-15", "\xa45", "€5"},
		{"windows-1252 quotes", "text/plain; charset=windows-1252", "\x93Hi\x94 \x96 caf\xe9", "“Hi” – café"},
		{"koi8-r", "text/plain; charset=koi8-r", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"},
		{"windows-1256", "text/plain; charset=windows-1256", "\xd3\xe1\xc7\xe3", "سلام"},
		{"iso-8859-6", "text/plain; charset=iso-8859-6", "\xd3\xe4\xc7\xe5", "سلام"},
		{"gb2312", "text/plain; charset=gb2312", "\xd6\xd0\xce\xc4", "中文"},
		{"unknown charset, utf-8 bytes", "text/plain; charset=x-martian", "café", "café"},
		{"unknown charset, 8-bit bytes", "text/plain; charset=x-martian", "caf\xe9", "café"},
		{"malformed content type", "text/plain; charset=koi8-r; ;;", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"},
		{"CRLF and NUL", "text/plain", "a\r\nb\x00c\rd", "a\nbc\nd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := parseOne(t, textMessage(tt.contentType, "", tt.content))
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if got := it.Letter.Body; got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBodyTransferEncodings(t *testing.T) {
	tests := []struct {
		name, encoding, content, want string
	}{
		{"quoted-printable", "quoted-printable", "caf=C3=A9 au=\n lait", "café au lait"},
		{"quoted-printable upper case name", "Quoted-Printable", "a=3Db", "a=b"},
		{"quoted-printable literal =", "quoted-printable", "1 = 2 =ZZ", "1 = 2 =ZZ"},
		{"quoted-printable long line", "quoted-printable", strings.Repeat("x", 10000) + "=\nend", strings.Repeat("x", 10000) + "end"},
		{"quoted-printable stray = kept", "quoted-printable", "good line\nbad=  x\nend", "good line\nbad=  x\nend"},
		{"base64", "base64", "Y2Fmw6k=", "café"},
		{"base64 folded with junk", "base64", "Y2F\r\n mw 6k=\n", "café"},
		{"base64 truncated keeps the start", "base64", "aGVsbG8gd29ybGQ", "hello wor"},
		{"7bit", "7bit", "plain", "plain"},
		{"unknown encoding is raw", "x-uuencode", "raw text", "raw text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := parseOne(t, textMessage("text/plain; charset=utf-8", tt.encoding, tt.content))
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if got := it.Letter.Body; got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBodyMIME(t *testing.T) {
	nested := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString("--b" + string(rune('a'+i%26)) + itoa(i) + "\nContent-Type: multipart/mixed; boundary=b" + string(rune('a'+(i+1)%26)) + itoa(i+1) + "\n\n")
		}
		b.WriteString("--b" + string(rune('a'+depth%26)) + itoa(depth) + "\nContent-Type: text/plain\n\ndeep\n")
		return b.String()
	}
	// parts is n attachments and then a plain part holding text.
	parts := func(n int, text string) string {
		var b strings.Builder
		for range n {
			b.WriteString("--XX\nContent-Type: application/octet-stream\n\nx\n")
		}
		b.WriteString("--XX\nContent-Type: text/plain\n\n" + text + "\n--XX--\n")
		return b.String()
	}
	tests := []struct {
		name, contentType, content, want string
	}{
		{"first plain part", "multipart/mixed; boundary=XX",
			"--XX\nContent-Type: text/plain\n\none\n--XX\nContent-Type: text/plain\n\ntwo\n--XX--\n", "one"},
		{"part without content type is plain", "multipart/mixed; boundary=XX",
			"--XX\n\nbare\n--XX--\n", "bare"},
		{"empty plain part gives way to html", "multipart/alternative; boundary=XX",
			"--XX\nContent-Type: text/plain\n\n \n--XX\nContent-Type: text/html\n\n<p>rich</p>\n--XX--\n", "rich"},
		{"attachment skipped", "multipart/mixed; boundary=XX",
			"--XX\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\nfile\n--XX\nContent-Type: text/plain\n\nbody\n--XX--\n", "body"},
		{"inline disposition kept", "multipart/mixed; boundary=XX",
			"--XX\nContent-Type: text/plain\nContent-Disposition: inline\n\nbody\n--XX--\n", "body"},
		{"digest parts are messages", "multipart/digest; boundary=XX",
			"--XX\n\nFrom: a@x\n\ninner\n--XX--\n", ""},
		{"base64 part", "multipart/mixed; boundary=XX",
			"--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nY2Fmw6k=\n--XX--\n", "café"},
		{"no boundary", "multipart/mixed", "--XX\n\ntext\n--XX--\n", ""},
		{"no closing boundary", "multipart/mixed; boundary=XX", "--XX\nContent-Type: text/plain\n\nunfinished", "unfinished"},
		{"boundary never found", "multipart/mixed; boundary=XX", "just text", ""},
		{"non-text message", "application/pdf", "%PDF-1.4", ""},
		{"html top level", "text/html; charset=utf-8", "<p>Hello&nbsp;<b>you</b></p>", "Hello you"},
		{"nested within the limit", "multipart/mixed; boundary=ba0", nested(maxDepth - 1), "deep"},
		{"nested beyond the limit", "multipart/mixed; boundary=ba0", nested(maxDepth + 2), ""},
		{"nested one beyond the limit", "multipart/mixed; boundary=ba0", nested(maxDepth), ""},
		{"text in the last part looked at", "multipart/mixed; boundary=XX", parts(maxParts-1, "found"), "found"},
		{"text after the last part looked at", "multipart/mixed; boundary=XX", parts(maxParts, "lost"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := parseOne(t, textMessage(tt.contentType, "", tt.content))
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if got := it.Letter.Body; got != tt.want {
				t.Errorf("body = %q, want %q", got, tt.want)
			}
		})
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestBodyIsCut(t *testing.T) {
	line := strings.Repeat("word ", 19) + "ends\n" // 100 bytes
	it := parseOne(t, textMessage("text/plain", "", strings.Repeat(line, domain.MaxBody/100+50)))
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	got := it.Letter.Body
	if len(got) > domain.MaxBody || len(got) < domain.MaxBody-4096 {
		t.Errorf("len(body) = %d, want at most %d and near it", len(got), domain.MaxBody)
	}
	if !strings.HasSuffix(got, "ends") {
		t.Errorf("body ends %q, want a whole line", got[len(got)-20:])
	}
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tags", "<p>Hello <b>World</b></p>", "Hello World"},
		{"breaks", "a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{"paragraphs", "<p>one</p><p>two</p>", "one\ntwo"},
		{"source newlines are spaces", "one\ntwo", "one two"},
		{"entities", "&lt;tag&gt; &amp; &eacute; &#1587;", "<tag> & é س"},
		{"invisible", "<head><title>T</title></head><style>x{}</style><script>s()</script><!-- c -->v", "v"},
		{"list", "<ul><li>a</li><li>b</li></ul>", "a\nb"},
		{"blank lines collapse", "a<br><br><br><br>b", "a\n\nb"},
		{"unclosed tag", "a <b", "a <b"},
		// Edges that a mutation run (scripts/mutation.sh) found untested.
		{"empty comment", "a<!---->b", "ab"},
		{"empty tag", "a<>b", "ab"},
		{"empty invisible element", "<style></style>after", "after"},
		{"heading with a digit", "<h1>Title</h1>text", "Title\ntext"},
		{"upper-case tag with an A", "<TABLE><TR><TD>a</TD></TR><TR><TD>b</TD></TR></TABLE>c", "a\nb\nc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripHTML(tt.in); got != tt.want {
				t.Errorf("stripHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short", "abc", 5, "abc"},
		{"runes kept whole", "aé", 2, "a"},
		{"at a line end", "one\ntwo three", 10, "one"},
	}
	for _, tt := range tests {
		if got := truncateBytes(tt.in, tt.n); got != tt.want {
			t.Errorf("%s: truncateBytes(%q, %d) = %q, want %q", tt.name, tt.in, tt.n, got, tt.want)
		}
	}
	if got, want := truncateRunes("سلام", 2), "سل"; got != want {
		t.Errorf("truncateRunes(%q, 2) = %q, want %q", "سلام", got, want)
	}
}

// The base64 filter passes the whole alphabet, its first and last letters and digits
// included, and drops everything else.
func TestBase64Filter(t *testing.T) {
	got, err := io.ReadAll(base64Filter{strings.NewReader("AZ az\r\n09\t+/-!=~")})
	if err != nil || string(got) != "AZaz09+/=" {
		t.Errorf("base64Filter = %q, %v; want %q", got, err, "AZaz09+/=")
	}
}
