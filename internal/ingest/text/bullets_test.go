package text

import (
	"testing"
)

func TestStripBullet(t *testing.T) {
	tests := []struct {
		name, in, want string
		bullet         bool
	}{
		{"dash", "- The Media", "The Media", true},
		{"bullet sign", "•The Media", "The Media", true},
		{"star", "* The Media", "The Media", true},
		{"number dot", "1. The Media", "The Media", true},
		{"number bracket", "2) The Media", "The Media", true},
		{"bracketed number", "(3) The Media", "The Media", true},
		{"letter", "a) The Media", "The Media", true},
		{"Persian number", "۱- رسانه‌ها", "رسانه‌ها", true},
		{"hyphenated number is no bullet", "12-member committee", "12-member committee", false},
		{"date is no bullet", "2019-03-12", "2019-03-12", false},
		{"dash without space", "-The Media", "-The Media", false},
		{"plain", "The Media", "The Media", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bullet := stripBullet(tt.in)
			if got != tt.want || bullet != tt.bullet {
				t.Errorf("stripBullet(%q) = %q, %v; want %q, %v", tt.in, got, bullet, tt.want, tt.bullet)
			}
		})
	}
}
