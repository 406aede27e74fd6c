package text

import (
	"strings"
	"unicode"
)

// latinLanguages are the languages in the Latin script that the lexicons know, in a
// fixed order so that a tie is always broken the same way.
var latinLanguages = []string{"en", "de", "fr", "es", "it", "nl"}

// persianLetters occur in Persian but not in Arabic.
const persianLetters = "پچژگکی"

// detectLanguage guesses the language of a letter's text: "fa" when most letters are
// in the Arabic script and Persian letters occur ("ar" when they do not), otherwise
// "ru" for Cyrillic, otherwise
// the language among those of the lexicons (their function words) whose most frequent words make up a
// fair share of the words. It returns "" when unsure.
func detectLanguage(s string) string {
	if len(s) > 64<<10 {
		s = s[:64<<10] // a sample is enough
	}
	arabic, latin, persian, cyrillic := 0, 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case isArabicScript(r):
			arabic++
			if strings.ContainsRune(persianLetters, r) {
				persian++
			}
		case unicode.IsLetter(r):
			latin++
		}
	}
	if cyrillic > latin && cyrillic > arabic {
		return "ru"
	}
	if arabic > latin {
		if persian > 0 {
			return "fa"
		}
		return "ar"
	}
	words := strings.Fields(fold(s))
	if len(words) == 0 {
		return ""
	}
	best, bestCount := "", 0
	for _, lang := range latinLanguages {
		n := 0
		for _, w := range words {
			if lex.function[lang][w] {
				n++
			}
		}
		if n > bestCount {
			best, bestCount = lang, n
		}
	}
	if bestCount < 2 || bestCount*100 < len(words)*8 {
		return ""
	}
	return best
}
