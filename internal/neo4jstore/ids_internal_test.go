package neo4jstore

import (
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

// TestIDsCarryNoTime: a node's id does not date it (docs/security.md, Provenance). A
// ULID's first 48 bits are its creation time; in ours they are random, so the time
// they spell is almost never near now, and two ids made in a row do not share it.
func TestIDsCarryNoTime(t *testing.T) {
	near := 0
	for range 1000 {
		id, err := ulid.Parse(newID())
		if err != nil {
			t.Fatalf("newID() is no ULID: %v", err)
		}
		if d := time.Since(ulid.Time(id.Time())); d > -24*time.Hour && d < 24*time.Hour {
			near++
		}
	}
	// The 48 random bits spell a time within a day of now with a chance of about
	// 2 in 100,000 each.
	if near > 2 {
		t.Errorf("%d of 1000 ids spell a time within a day of now", near)
	}
}
