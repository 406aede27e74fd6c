package email

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

func TestStripComments(t *testing.T) {
	tests := []struct {
		name, in, out string
		comments      []string
	}{
		{"none", "a b", "a b", nil},
		{"one", "x (a) y", "x   y", []string{"a"}},
		{"nested", "x (a (b) c) y", "x   y", []string{"a (b) c"}},
		{"unclosed kept", "x (a", "x ", []string{"a"}},
		{"escape at the end of a comment", "x (a\\", "x ", []string{"a"}},
		{"escaped parenthesis", "x (a \\) b) y", "x   y", []string{"a ) b"}},
		{"quoted parenthesis is no comment", `"a (b)" c`, `"a (b)" c`, nil},
		{"escaped quote inside quotes", `"a \" (b)" c`, `"a \" (b)" c`, nil},
		{"escape at the end of quotes", `(c) x "a\`, `  x "a\`, []string{"c"}},
		{"comment after quotes", `"ab" (c)`, `"ab"  `, []string{"c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, comments := stripComments(tt.in)
			if out != tt.out || strings.Join(comments, "|") != strings.Join(tt.comments, "|") || len(comments) != len(tt.comments) {
				t.Errorf("stripComments(%q) = %q, %q; want %q, %q", tt.in, out, comments, tt.out, tt.comments)
			}
		})
	}
}

func TestTruncateBytesEdges(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"exactly n", "abc", 3, "abc"},
		{"no rune start", "\x80\x80\x80", 2, ""},
		{"line end first", "\nabcdef", 4, ""},
		{"line end 4 KiB back is too far", "\n" + strings.Repeat("x", 5000), 4 << 10, "\n" + strings.Repeat("x", 4<<10-1)},
		{"line end just within 4 KiB", "\n" + strings.Repeat("x", 5000), 4<<10 - 1, ""},
	}
	for _, tt := range tests {
		if got := truncateBytes(tt.in, tt.n); got != tt.want {
			t.Errorf("%s: truncateBytes(%.20q, %d) = %.20q (%d bytes), want %.20q (%d bytes)", tt.name, tt.in, tt.n, got, len(got), tt.want, len(tt.want))
		}
	}
}

func TestNameEdges(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"''", ""},
		{`"'Jane'"`, "Jane"},
		{"'", "'"},
	} {
		if got := unquoteName(tt.in); got != tt.want {
			t.Errorf("unquoteName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	longest := strings.Repeat("ж", domain.MaxShortText)
	if !usableName(longest) || usableName(longest+"ж") {
		t.Errorf("usableName of %d and %d runes = %v, %v; want true, false", domain.MaxShortText, domain.MaxShortText+1, usableName(longest), usableName(longest+"ж"))
	}
	at := strings.Repeat("a", 247) + "@x.test" // 254 bytes, the most an address may have
	if got := usableEmail(at); got != at {
		t.Errorf("usableEmail(254 bytes) = %q, want it", got)
	}
	if got := usableEmail("a" + at); got != "" {
		t.Errorf("usableEmail(255 bytes) = %q, want \"\"", got)
	}
}
