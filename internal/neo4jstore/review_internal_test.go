package neo4jstore

import "testing"

func TestNameSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		distance int
		within   bool
		initial  bool
	}{
		{"same", "edi rama", "edi rama", 0, true, false},
		{"one letter", "khodabandeh", "khodabande", 1, true, false},
		{"two letters", "mohammad", "muhamad", 2, true, false},
		{"three letters", "mohammad", "mahmud", 2, false, false},
		{"length gap", "al", "alexander", 2, false, false},
		{"initial", "e rama", "edi rama", 2, true, true},
		{"initial reversed", "edi rama", "e rama", 2, true, true},
		{"other surname", "e rama", "edi ramadan", 2, false, false},
		{"persian", "محمد رضایی", "محمد رضائی", 1, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := editDistanceAtMost(tt.a, tt.b, tt.distance); got != tt.within {
				t.Errorf("editDistanceAtMost(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.distance, got, tt.within)
			}
			if got := initialOf(tt.a, tt.b); got != tt.initial {
				t.Errorf("initialOf(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.initial)
			}
		})
	}
}
