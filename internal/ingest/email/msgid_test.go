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

func TestThreadRefs(t *testing.T) {
	tests := []struct {
		name, inReplyTo, references, self string
		parents, related                  string
	}{
		{"reply to a reply: parent, and the root apart", "<b@x>", "<a@x> <b@x>", "<c@x>", "<b@x>", "<a@x>"},
		{"a long thread: only the parent and the root", "<d@x>", "<a@x> <b@x> <c@x> <d@x>", "<e@x>", "<d@x>", "<a@x>"},
		{"references only: the last is the parent", "", "<a@x> <b@x> <c@x>", "<d@x>", "<c@x>", "<a@x>"},
		{"reply to the root: no separate root", "<a@x>", "<a@x>", "<b@x>", "<a@x>", ""},
		{"several parents", "<a@x> <b@x>", "", "<c@x>", "<a@x> <b@x>", ""},
		{"duplicates dropped", "<a@x> <a@x>", "<a@x>", "<c@x>", "<a@x>", ""},
		{"own id dropped", "<c@x>", "<a@x> <c@x>", "<c@x>", "", "<a@x>"},
		{"none", "", "", "<c@x>", "", ""},
	}
	ids := func(refs []domain.LetterRef) string {
		var s []string
		for _, r := range refs {
			s = append(s, r.ExternalID)
		}
		return strings.Join(s, " ")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parents, related := threadRefs(tt.inReplyTo, tt.references, tt.self)
			if got := ids(parents); got != tt.parents {
				t.Errorf("parents = %q, want %q", got, tt.parents)
			}
			if got := ids(related); got != tt.related {
				t.Errorf("related = %q, want %q", got, tt.related)
			}
		})
	}
}

// Each list, and the two together, are cut at maxIDs ids; a long References list keeps
// its last id, the parent.
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
	long := msgIDs(ids("a", maxIDs+5))
	if got, want := long[len(long)-1], fmt.Sprintf("<a%d@x>", maxIDs+4); got != want {
		t.Errorf("last of msgIDs(%d ids) = %q, want %q (the parent)", maxIDs+5, got, want)
	}
	if parents, related := threadRefs(ids("a", maxIDs), ids("b", 2), "<self@x>"); len(parents)+len(related) != maxIDs {
		t.Errorf("threadRefs(%d + 2 ids) = %d + %d ids, want %d", maxIDs, len(parents), len(related), maxIDs)
	}
	parents, related := threadRefs("", ids("a", maxIDs+5), "<self@x>")
	if len(parents) != 1 || parents[0].ExternalID != fmt.Sprintf("<a%d@x>", maxIDs+4) || len(related) != 1 || related[0].ExternalID != "<a0@x>" {
		t.Errorf("threadRefs(no In-Reply-To, %d References) = %v, %v, want the last as parent and the first as root", maxIDs+5, parents, related)
	}
}
