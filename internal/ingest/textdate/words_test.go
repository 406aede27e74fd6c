package textdate

import (
	"testing"
	"time"
)

// TestMonthNamesAreUnambiguous checks that no spelling names two months, and that no
// month name is also a day name or one of the little words around a date.
func TestMonthNamesAreUnambiguous(t *testing.T) {
	seen := map[string]monthName{}
	add := func(key string, m monthName) {
		t.Helper()
		if prev, ok := seen[key]; ok && prev != m {
			t.Errorf("month key %q names %v and %v", key, prev, m)
		}
		seen[key] = m
	}
	for i, names := range gregorianMonthNames {
		for key := range keySet(names) {
			add(key, monthName{CalendarGregorian, i + 1})
		}
	}
	for i, names := range solarHijriMonthNames {
		for key := range keySet(names) {
			add(key, monthName{CalendarSolarHijri, i + 1})
		}
	}
	others := []map[string]bool{ordinals, articles, dayWords, dayLinks, yearLinks, monthWords, yearWords,
		labels, labelLeads, isoTimes, hijriWords, heWords, solarWords, lunarWords, gregorianWords}
	for key := range months {
		if _, ok := weekdays[key]; ok {
			t.Errorf("%q is both a month and a day name", key)
		}
		for _, set := range others {
			if set[key] {
				t.Errorf("%q is both a month and a word around dates", key)
			}
		}
	}
}

func TestWeekdayNamesAreUnambiguous(t *testing.T) {
	seen := map[string]time.Weekday{}
	for i, names := range weekdayNames {
		for key := range keySet(names) {
			if prev, ok := seen[key]; ok && prev != time.Weekday(i) {
				t.Errorf("day name %q names %v and %v", key, prev, time.Weekday(i))
			}
			seen[key] = time.Weekday(i)
		}
	}
}

func TestWordKey(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "case", in: "MARCH", want: "march"},
		{name: "diacritics", in: "Février", want: "fevrier"},
		{name: "umlaut", in: "März", want: "marz"},
		{name: "joiner", in: "سه\u200cشنبه", want: "سهشنبه"},
		{name: "arabic yeh", in: "هجري", want: "هجری"},
		{name: "tatweel", in: "هـ", want: "ه"},
		{name: "superscript ordinal", in: "ᵗʰ", want: "th"},
		{name: "masculine ordinal", in: "º", want: "o"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wordKey(tt.in); got != tt.want {
				t.Errorf("wordKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
