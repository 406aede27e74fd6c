package email

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// longestID is an id of the largest size the store's external id holds with its brackets.
var longestID = strings.Repeat("x", domain.MaxShortText-4) + "@y"

func TestMsgIDs(t *testing.T) {
	tests := []struct {
		name, in, want string // ids joined by spaces
	}{
		{"one", " <1234@local.machine.example>", "<1234@local.machine.example>"},
		{"several", "<a@x> <b@y>\r\n <c@z>", "<a@x> <b@y> <c@z>"},
		{"obsolete white space and comments", "<1234   @   local(blah)  .machine .example>", "<1234@local.machine.example>"},
		{"phrase around an id", `Your message of "Mon, 1 Jan" <a@x>`, "<a@x>"},
		{"comment with brackets", "(see <not@this>) <a@x>", "<a@x>"},
		{"bare id", "1234@host.example", "<1234@host.example>"},
		{"bare words are no id", "no id here", ""},
		{"empty brackets", "<> <a@x>", "<a@x>"},
		{"unclosed", "<a@x", ""},
		{"too long", "<" + strings.Repeat("x", 1200) + "@y>", ""},
		{"longest", "<" + longestID + ">", "<" + longestID + ">"},
		{"one byte too long", "<x" + longestID + ">", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(msgIDs(tt.in), " "); got != tt.want {
				t.Errorf("msgIDs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReplyRefs(t *testing.T) {
	tests := []struct {
		name, inReplyTo, references, self, want string
	}{
		{"in-reply-to first", "<b@x>", "<a@x> <b@x>", "<c@x>", "<b@x> <a@x>"},
		{"references only", "", "<a@x> <b@x>", "<c@x>", "<a@x> <b@x>"},
		{"duplicates dropped", "<a@x> <a@x>", "<a@x>", "<c@x>", "<a@x>"},
		{"own id dropped", "<c@x>", "<a@x> <c@x>", "<c@x>", "<a@x>"},
		{"none", "", "", "<c@x>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			for _, r := range replyRefs(tt.inReplyTo, tt.references, tt.self) {
				ids = append(ids, r.ExternalID)
			}
			if got := strings.Join(ids, " "); got != tt.want {
				t.Errorf("replyRefs(%q, %q, %q) = %q, want %q", tt.inReplyTo, tt.references, tt.self, got, tt.want)
			}
		})
	}
}

// Each list, and the two together, are cut at maxIDs ids.
func TestMsgIDsCap(t *testing.T) {
	ids := func(prefix string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "<%s%d@x> ", prefix, i)
		}
		return b.String()
	}
	if got := len(msgIDs(ids("a", maxIDs+1))); got != maxIDs {
		t.Errorf("len(msgIDs(%d ids)) = %d, want %d", maxIDs+1, got, maxIDs)
	}
	if got := len(replyRefs(ids("a", maxIDs), ids("b", 2), "<self@x>")); got != maxIDs {
		t.Errorf("len(replyRefs(%d + 2 ids)) = %d, want %d", maxIDs, got, maxIDs)
	}
}
