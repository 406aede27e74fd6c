package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// cities are places a letter is often written at, with their country, so that a
// signature line "Tehran" or a date line "Tirana, 12 March 2019" gets its country. It
// is a convenience, not a gazetteer: an unknown city keeps its name without a country.
var cities = func() map[string]string {
	m := map[string]string{}
	for country, names := range map[string][]string{
		"Iran":           {"Tehran", "Teheran", "Mashhad", "Isfahan", "Tabriz", "Shiraz", "تهران", "مشهد", "اصفهان", "تبریز", "شیراز"},
		"Albania":        {"Tirana", "Tiranë", "Durrës", "Durres", "تیرانا"},
		"Croatia":        {"Zagreb"},
		"United Kingdom": {"London"},
		"France":         {"Paris"},
		"Germany":        {"Berlin", "Cologne", "Köln"},
		"Switzerland":    {"Geneva", "Genève", "Bern", "Zurich", "ژنو"},
		"Belgium":        {"Brussels"},
		"United States":  {"Washington", "Washington, D.C.", "Washington DC", "New York"},
		"Iraq":           {"Baghdad", "بغداد"},
		"Netherlands":    {"The Hague", "Amsterdam"},
		"Austria":        {"Vienna"},
		"Italy":          {"Rome"},
		"Sweden":         {"Stockholm"},
		"Canada":         {"Ottawa", "Toronto"},
	} {
		for _, n := range names {
			m[domain.Fold(n)] = country
		}
	}
	return m
}()

// place is where a letter says it was written, with the words as written.
type place struct {
	in   domain.PlaceInput
	text string
}

// parsePlace recognises a line that names a place: "Tehran Iran", "Tehran, Iran",
// "London, United Kingdom", "تهران - ایران", a known city alone, or a country alone.
// With loose (a place written with the date), any short capitalised name is a place.
func parsePlace(s string, loose bool) (place, bool) {
	if len(s) > maxPartyBytes {
		return place{}, false
	}
	s = trimPunct(s)
	if s == "" || runes(s) > 80 || hasDigit(s) {
		return place{}, false
	}
	toks := tokenize(s)
	if len(toks) > 6 {
		return place{}, false
	}
	if c, ok := cities[fold(s)]; ok {
		return known(s, s, c), true
	}
	if c, ok := country(s); ok {
		return place{in: domain.PlaceInput{Name: c, Country: c}, text: s}, true
	}
	// "City, Country" or "City Country": the longest country at the end.
	for i := 1; i < len(toks); i++ {
		if c, ok := country(spanText(s, toks, i, len(toks))); ok {
			city := strings.TrimRight(spanText(s, toks, 0, i), " ,،-–—")
			if !placeName(city) {
				return place{}, false
			}
			return place{in: domain.PlaceInput{Name: city, Country: c}, text: s}, true
		}
	}
	if loose && placeName(s) {
		if c, ok := cities[fold(s)]; ok {
			return known(s, s, c), true
		}
		return place{in: domain.PlaceInput{Name: s}, text: s}, true
	}
	return place{}, false
}

// known is a place whose country is known, with the country's canonical name.
func known(name, text, c string) place {
	if cc, ok := domain.CanonicalCountry(c); ok {
		c = cc
	}
	return place{in: domain.PlaceInput{Name: name, Country: c}, text: text}
}

// placeName reports whether s could be the name of a town: a few capitalised words
// (or words of a script without case) and nothing that marks a sentence or a title.
func placeName(s string) bool {
	toks := tokenize(s)
	if len(toks) == 0 || len(toks) > 4 || !startsName(s) || hasDigit(s) {
		return false
	}
	for k, t := range toks {
		if t.f == "" {
			continue
		}
		inner := k > 0 && k < len(toks)-1 && startsUpper(toks[len(toks)-1].w)
		for _, w := range strings.Fields(t.f) {
			if inner && placeJoiners[w] {
				continue // "Neukirchen an der Wehra", "Rothenburg ob der Tauber"
			}
			if nameStopWords[w] && w != "the" || orgKeywords[w] || weekdays[w] {
				return false
			}
		}
		if _, ok := titles[t.f]; ok {
			return false
		}
	}
	return true
}

// placeJoiners join the words of a town's name: "Frankfurt am Main", "Neukirchen an
// der Wehra", "Stratford upon Avon", "Châlons en Champagne".
var placeJoiners = foldSet("am", "an", "der", "ob", "im", "in", "bei", "upon", "on", "en", "sur", "de", "del", "la", "le", "aan", "den")

// weekdays precede dates ("Monday, 12 March 2019") and are no place.
var weekdays = foldSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch",
	"donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
	"vendredi", "samedi", "dimanche", "شنبه", "یکشنبه", "دوشنبه", "سه شنبه", "سه‌شنبه", "چهارشنبه",
	"پنجشنبه", "پنج شنبه", "جمعه")
