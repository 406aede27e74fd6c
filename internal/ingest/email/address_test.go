package email

import (
	"fmt"
	"strings"
	"testing"
)

// show renders mailboxes as "Name <email> [alias]" for comparison.
func show(list []mailbox) string {
	var parts []string
	for _, m := range list {
		s := m.Name + " <" + m.Email + ">"
		if m.Alias != "" {
			s += " [" + m.Alias + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestParseAddresses(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Mary Smith <mary@x.test>", "Mary Smith <mary@x.test>"},
		{"bare address is its own name", "jdoe@example.org", "jdoe@example.org <jdoe@example.org>"},
		{"angle address alone", "<boss@nil.test>", "boss@nil.test <boss@nil.test>"},
		{"address lower-cased", "Mary <Mary.Smith@X.Test>", "Mary <mary.smith@x.test>"},
		{"quoted with escapes", `"Giant; \"Big\" Box" <sysservices@example.net>`, `Giant; "Big" Box <sysservices@example.net>`},
		{"quoted colon is no group", `"Mary Smith: Personal" <smith@home.example>`, "Mary Smith: Personal <smith@home.example>"},
		{"group", "A Group:Ed Jones <c@a.test>,joe@where.test;", "Ed Jones <c@a.test>; joe@where.test <joe@where.test>"},
		{"group then more", "G: a@x.test; b@y.test", "a@x.test <a@x.test>; b@y.test <b@y.test>"},
		{"empty group", "Undisclosed recipients:;", ""},
		{"undisclosed without colon is a bare word", "undisclosed-recipients", ""},
		{"empty entries", " , ,a@x.test,, ", "a@x.test <a@x.test>"},
		{"comment names a bare address", "jdoe@example.com (John Doe)", "John Doe <jdoe@example.com>"},
		{"comment alone names no one", "(nobody)", ""},
		{"comments inside an address", "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", "Pete <pete@silly.test>"},
		{"obsolete route", "Mary Smith <@node.test,@relay.test:mary@example.net>", "Mary Smith <mary@example.net>"},
		{"white space around dots", "jdoe@test  . example", "jdoe@test.example <jdoe@test.example>"},
		{"folded display name", "Mary\r\n Smith <mary@x.test>", "Mary Smith <mary@x.test>"},
		{"last first quoted", `"Doe, John" <jdoe@example.com>`, "John Doe <jdoe@example.com> [Doe, John]"},
		{"last first unquoted", "Doe, John <jdoe@example.com>, x@y.test", "John Doe <jdoe@example.com> [Doe, John]; x@y.test <x@y.test>"},
		{"last first with suffix is not", `"Acme, Inc." <s@acme.test>`, "Acme, Inc. <s@acme.test>"},
		{"a generational suffix follows the name", `"Doe, John, Jr." <j@x.test>`, "John Doe Jr. <j@x.test> [Doe, John, Jr.]"},
		{"three names are not last first", `"Doe, John, Mary" <j@x.test>`, "Doe, John, Mary <j@x.test>"},
		{"single-quoted name", "'Jane Smith' <jane@x.test>", "Jane Smith <jane@x.test>"},
		{"encoded word B", "=?utf-8?B?SsO2cmc=?= <j@x.test>", "Jörg <j@x.test>"},
		{"encoded word in quotes", `"=?iso-8859-1?Q?Ren=E9e?=" <r@x.test>`, "Renée <r@x.test>"},
		{"encoded word unknown charset", "=?x-bogus?Q?Mary?= <m@x.test>", "Mary <m@x.test>"},
		{"broken encoded word kept", "=?utf-8?B?!!!?= <m@x.test>", "=?utf-8?B?!!!?= <m@x.test>"},
		{"name without letters uses the address", `"???" <q@x.test>`, "q@x.test <q@x.test>"},
		{"honorific alone uses the address", `"Mr. ?" <q@x.test>`, "q@x.test <q@x.test>"},
		{"invalid address keeps the name", "John <john>", "John <>"},
		{"quoted local part unusable", `"john q"@example.com`, ""},
		{"no address at all", "Mary Smith", ""},
		{"duplicate address", "A <a@x.test>, Other Name <A@X.test>", "A <a@x.test>"},
		{"domain literal", "root@[192.0.2.1]", "root@[192.0.2.1] <root@[192.0.2.1]>"},
		{"unclosed quote swallows the rest", `"Mary <m@x.test>, b@y.test`, "Mary <m@x.test>"},
		{"unclosed angle", "Mary <m@x.test", "Mary <m@x.test>"},
		{"utf-8 display name", "مریم <m@example.ir>", "مریم <m@example.ir>"},
		{"mailto prefix", "mailto:a@x.test", "a@x.test <a@x.test>"},
		// Edges that a mutation run (scripts/mutation.sh) found untested.
		{"nested comment with a comma", "a@b.test (Doe (x), Jane), d@e.test", "Jane Doe (x) <a@b.test> [Doe (x), Jane]; d@e.test <d@e.test>"},
		{"route alone in brackets", "<@a.example,@b.example:jane@example.com>", "jane@example.com <jane@example.com>"},
		{"empty brackets keep the name", "Jane Doe <>", "Jane Doe <>"},
		{"stray closing parenthesis", "jane@example.com)", ""},
		{"comment names an address net/mail refuses", "j doe@example.com (John Doe)", "John Doe <jdoe@example.com>"},
		{"entry of the largest size", "A <" + strings.Repeat("a", maxEntry-len("A <@x.test>")) + "@x.test>", "A <>"},
		{"entry over the largest size", "A <" + strings.Repeat("a", maxEntry+1-len("A <@x.test>")) + "@x.test>", ""},
		{"entries after the last read", strings.Repeat("nobody, ", maxEntries) + "a@x.test", ""},
		{"the last entry read", strings.Repeat("nobody, ", maxEntries-1) + "a@x.test", "a@x.test <a@x.test>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(parseAddresses(tt.in)); got != tt.want {
				t.Errorf("parseAddresses(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseAddressesCapsTheList(t *testing.T) {
	var b strings.Builder
	for i := range 1500 {
		fmt.Fprintf(&b, "p%d@x.test,", i)
	}
	if got := len(parseAddresses(b.String())); got != 1000 {
		t.Errorf("len(parseAddresses(1500 addresses)) = %d, want 1000", got)
	}
}

func TestUsableEmail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jdoe@Example.COM", "jdoe@example.com"},
		{" a@b.test ", "a@b.test"},
		{"no-at-sign", ""},
		{`"john q"@example.com`, ""},
		{"a@", ""},
		{strings.Repeat("a", 250) + "@x.test", ""},
	}
	for _, tt := range tests {
		if got := usableEmail(tt.in); got != tt.want {
			t.Errorf("usableEmail(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
