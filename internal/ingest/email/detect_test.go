package email

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLooksLike(t *testing.T) {
	tests := []struct {
		name      string
		head      string
		email, mb bool
	}{
		{"message", "From: John <j@x.test>\nSubject: hi\n\nbody", true, false},
		{"message with crlf", "Subject: hi\r\nMessage-ID: <a@b>\r\n\r\n", true, false},
		{"folded received first", "Received: from x\n\tby y; 1 Jan 2000\nFrom: a@b\n", true, false},
		{"bom", "\xef\xbb\xbfFrom: a@b.test\n\n", true, false},
		{"header cut by the head size", "From: a@b.test\nX-Long: aaaa", true, false},
		{"memo without addresses", "From: John Smith\nTo: Mary Major\nSubject: Budget\n\nDear Mary,", false, false},
		{"key value text", "Name: value\nOther: x\n\ntext", false, false},
		{"prose", "Dear Mr. Rama,\n\nOn behalf of the families", false, false},
		{"prose after one field", "From: a@b.test\nDear John\n", false, false},
		{"prose after fields", "From: a@b.test\nSubject: x\nDear John\n", true, false},
		{"continuation first", " From: a@b.test\n", false, false},
		{"json", `{"title": "x"}`, false, false},
		{"empty", "", false, false},
		{"mbox", "From a@b.test Fri Nov 21 09:55:06 1997\nFrom: a@b.test\n\n", false, true},
		{"mbox separator only", "From a@b.test Fri Nov 21 09:55:06 1997", false, true},
		{"mbox with bom and crlf", "\xef\xbb\xbfFrom - Mon Jan 01 00:00:00 2001\r\nSubject: x\r\n", false, true},
		{"text starting with From", "From the desk of the CEO\nDear all,", false, false},
		{"separator then prose", "From a@b.test Fri Nov 21 09:55:06 1997\nhello there\n", false, false},
		{"one line, not cut", "Message-ID: <a@b.test>", true, false},
		{"the proof only in the last line, perhaps cut", "Subject: hi\nNote: x\nMessage-ID: <a@b", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeEmail([]byte(tt.head)); got != tt.email {
				t.Errorf("LooksLikeEmail(%q) = %v, want %v", tt.head, got, tt.email)
			}
			if got := LooksLikeMbox([]byte(tt.head)); got != tt.mb {
				t.Errorf("LooksLikeMbox(%q) = %v, want %v", tt.head, got, tt.mb)
			}
		})
	}
}

// TestLooksLikeCorpus: every good corpus message is recognised by the first 8 KiB,
// as the importer's detection reads them.
func TestLooksLikeCorpus(t *testing.T) {
	for _, path := range inputs(t) {
		name := filepath.Base(path)
		if strings.HasPrefix(name, "bad-") {
			continue
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		head := raw[:min(len(raw), 8<<10)]
		isMbox := strings.HasSuffix(name, ".mbox")
		if got := LooksLikeMbox(head); got != isMbox {
			t.Errorf("LooksLikeMbox(%s) = %v, want %v", name, got, isMbox)
		}
		if got := LooksLikeEmail(head); got == isMbox {
			t.Errorf("LooksLikeEmail(%s) = %v, want %v", name, got, !isMbox)
		}
	}
}
