package ingest

import "testing"

func TestLooksLikeJSON(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"an object", `{"schemaVersion": 1}`, true},
		{"an array of objects", "\n[\n  {\"title\": \"x\"}]", true},
		{"an empty array", "[]", true},
		{"a letter that starts with a bracketed note", "[Forwarded message]\nFrom: Ann Bell", false},
		{"a letter that starts with a brace", "{draft} Dear Sir,", false},
		{"a letter", "Dear Sir,", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := looksLikeJSON([]byte(tt.head)); got != tt.want {
				t.Errorf("looksLikeJSON(%q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}
