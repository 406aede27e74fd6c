package email

import (
	"strings"
	"testing"
	"time"
)

// TestHostileInputs feeds inputs built to make a careless parser quadratic or
// unbounded: each is near the size limits and must be read in about linear time.
// Their times are logged; a superlinear regression shows as a timeout here.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 100 MiB")
	}
	const n = maxHeader - 1024
	eml := map[string]string{
		"continuation lines":     "From: a@x\nTo: a@x\n" + strings.Repeat(" b\n", n/3) + "\n",
		"empty address entries":  "From: a@x\nTo: " + strings.Repeat("a,", n/2) + "\n\n",
		"many addresses":         "From: a@x\nTo: " + strings.Repeat("a@x.test,", n/9) + "\n\n",
		"repeated last first":    "From: a@x\nTo: " + strings.Repeat("Doe, John <a@x>, ", n/17) + "\n\n",
		"open angles":            "From: a@x\nTo: " + strings.Repeat("<", n) + "\n\n",
		"quoted strings":         "From: a@x\nTo: " + strings.Repeat(`"a" `, n/4) + "\n\n",
		"open comments":          "From: a@x\nTo: " + strings.Repeat("(", n) + "\n\n",
		"group colons":           "From: a@x\nTo: " + strings.Repeat("a:", n/2) + "\n\n",
		"encoded words":          "From: a@x\nSubject: " + strings.Repeat("=?utf-8?q?a?= ", n/14) + "\n\n",
		"broken encoded words":   "From: a@x\nSubject: " + strings.Repeat("=?", n/2) + "\n\n",
		"encoded words in names": "From: a@x\nTo: " + strings.Repeat("=?utf-8?q?a?= ", n/14) + "<a@x>\n\n",
		"references":             "From: a@x\nReferences: " + strings.Repeat("<a@x> ", n/6) + "\n\n",
		"open references":        "From: a@x\nReferences: " + strings.Repeat("<", n) + "\n\n",
		"date numbers":           "From: a@x\nDate: " + strings.Repeat("1 ", n/2) + "\n\n",
		"date months":            "From: a@x\nDate: " + strings.Repeat("Jan ", n/4) + "\n\n",
		"open tags":              "From: a@x\nContent-Type: text/html\n\n" + strings.Repeat("<", maxHTML),
		"open comments in html":  "From: a@x\nContent-Type: text/html\n\n" + strings.Repeat("<!--<script>", maxHTML/12),
		"scripts":                "From: a@x\nContent-Type: text/html\n\n" + strings.Repeat("<script></script>", maxHTML/17),
		"boundaries":             "From: a@x\nContent-Type: multipart/mixed; boundary=X\n\n" + strings.Repeat("--X\n", 1<<20),
		"nested parts":           "From: a@x\nContent-Type: multipart/mixed; boundary=X\n\n" + strings.Repeat("--X\nContent-Type: multipart/mixed; boundary=X\n\n", 1<<16),
		"quoted-printable =":     "From: a@x\nContent-Transfer-Encoding: quoted-printable\n\n" + strings.Repeat("=", 8<<20),
	}
	for name, in := range eml {
		start := time.Now()
		if it := parseOne(t, in); it.Err != nil {
			t.Errorf("%s: %v", name, it.Err)
		}
		t.Logf("%-24s %v", name, time.Since(start))
	}
	mbox := map[string]string{
		"separators only": strings.Repeat(sep, 1<<16),
		"empty lines":     sep + "From: a@x\n\n" + strings.Repeat("\n", 16<<20),
		"From lines":      sep + "From: a@x\n\n" + strings.Repeat("From \n", 2<<20),
		"escaped lines":   sep + "From: a@x\n\n" + strings.Repeat(">From x\n", 1<<20),
	}
	for name, in := range mbox {
		start := time.Now()
		parseMbox(t, in)
		t.Logf("%-24s %v", name, time.Since(start))
	}
}
