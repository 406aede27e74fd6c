package neo4jstore

import "testing"

func TestLuceneQuery(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		// Words.
		{name: "empty", in: "", want: ""},
		{name: "only space", in: " \t\n ", want: ""},
		{name: "one word", in: "asylum", want: "asylum"},
		{name: "words joined with AND", in: "asylum Albania", want: "asylum AND Albania"},
		{name: "extra space between words", in: "  asylum \t  Albania\n", want: "asylum AND Albania"},
		{name: "three words", in: "letter prime minister", want: "letter AND prime AND minister"},
		{name: "non-latin words", in: "نامه آقای", want: "نامه AND آقای"},
		{name: "digits are words", in: "1401 letter", want: "1401 AND letter"},

		// Phrases.
		{name: "quoted phrase kept", in: `"prime minister"`, want: `"prime minister"`},
		{name: "phrase and word", in: `"prime minister" asylum`, want: `"prime minister" AND asylum`},
		{name: "word then phrase", in: `asylum "prime minister"`, want: `asylum AND "prime minister"`},
		{name: "phrase spacing collapsed", in: `"  prime    minister "`, want: `"prime minister"`},
		{name: "phrase glued to word", in: `asylum"prime minister"`, want: `asylum AND "prime minister"`},
		{name: "two phrases", in: `"a b" "c d"`, want: `"a b" AND "c d"`},
		{name: "special characters escaped in phrase", in: `"foo:bar (x)"`, want: `"foo\:bar \(x\)"`},
		{name: "star in phrase escaped", in: `"minist*"`, want: `"minist\*"`},
		{name: "empty phrase dropped", in: `"" asylum`, want: "asylum"},
		{name: "blank phrase dropped", in: `"   "`, want: ""},
		{name: "unbalanced quote takes the rest as a phrase", in: `asylum "prime minister`, want: `asylum AND "prime minister"`},
		{name: "lone quote", in: `"`, want: ""},
		{name: "unbalanced quote at end", in: `asylum "`, want: "asylum"},
		{name: "phrase of punctuation only gives no term", in: `"!!"`, want: ""},

		// Prefixes.
		{name: "trailing star is a prefix", in: "minist*", want: "minist*"},
		{name: "prefix among words", in: "prime minist*", want: "prime AND minist*"},
		{name: "several trailing stars become one", in: "minist**", want: "minist*"},
		{name: "star alone dropped", in: "*", want: ""},
		{name: "star alone among words dropped", in: "asylum * albania", want: "asylum AND albania"},
		{name: "leading star escaped", in: "*ister", want: `\*ister`},
		{name: "inner star escaped", in: "min*ster", want: `min\*ster`},
		{name: "special character before prefix star", in: "c+*", want: `c\+*`},

		// Escaping.
		{name: "plus", in: "a+b", want: `a\+b`},
		{name: "parentheses", in: "(x)", want: `\(x\)`},
		{name: "colon field syntax", in: "foo:bar", want: `foo\:bar`},
		{name: "c++", in: "c++", want: `c\+\+`},
		{name: "leading minus", in: "-asylum", want: `\-asylum`},
		{name: "leading plus", in: "+asylum", want: `\+asylum`},
		{name: "ampersands", in: "a&&b", want: `a\&\&b`},
		{name: "pipes", in: "a||b", want: `a\|\|b`},
		{name: "bang", in: "!asylum", want: `\!asylum`},
		{name: "braces and brackets", in: "{a}[b]", want: `\{a\}\[b\]`},
		{name: "caret and tilde", in: "a^2 b~", want: `a\^2 AND b\~`},
		{name: "question mark", in: "who?", want: `who\?`},
		{name: "slash regex syntax", in: "/ab+c/", want: `\/ab\+c\/`},
		{name: "backslash", in: `a\b`, want: `a\\b`},
		{name: "range syntax", in: "[a TO z]", want: `\[a AND TO AND z\]`},
		{name: "apostrophe and dot not special", in: "O'Brien e.g.", want: "O'Brien AND e.g."},

		// Operators.
		{name: "AND lower-cased", in: "asylum AND Albania", want: "asylum AND and AND Albania"},
		{name: "OR lower-cased", in: "asylum OR Albania", want: "asylum AND or AND Albania"},
		{name: "NOT lower-cased", in: "NOT asylum", want: "not AND asylum"},
		{name: "lower-case operators kept", in: "and or not", want: "and AND or AND not"},
		{name: "mixed-case operator kept", in: "And", want: "And"},
		{name: "operator as prefix", in: "NOT*", want: "not*"},
		{name: "operator in phrase lower-cased", in: `"war AND peace"`, want: `"war and peace"`},
		{name: "operator within a word kept", in: "ANDROID", want: "ANDROID"},

		// Punctuation only.
		{name: "only punctuation", in: "!!! ... ---", want: ""},
		{name: "only operators' characters", in: "&& || ( ) :", want: ""},
		{name: "punctuation between words dropped", in: "asylum - albania", want: "asylum AND albania"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LuceneQuery(tt.in); got != tt.want {
				t.Errorf("LuceneQuery(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeLucene(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "plain", in: "asylum", want: "asylum"},
		{name: "every special character", in: `+-&|!(){}[]^"~*?:\/`, want: `\+\-\&\|\!\(\)\{\}\[\]\^\"\~\*\?\:\\\/`},
		{name: "non-ascii untouched", in: "Khodabandeh’s", want: "Khodabandeh’s"},
		{name: "AND", in: "AND", want: "and"},
		{name: "OR", in: "OR", want: "or"},
		{name: "NOT", in: "NOT", want: "not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeLucene(tt.in); got != tt.want {
				t.Errorf("escapeLucene(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
