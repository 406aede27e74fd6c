package text

import (
	"strings"
	"unicode"
)

// functionWords are the most frequent short words of the languages told apart by
// counting them. Latin-script text in none of them gets no language.
var functionWords = map[string]map[string]bool{
	"en": foldSet("the", "and", "of", "to", "in", "is", "that", "for", "we", "i", "you", "this",
		"with", "are", "be", "have", "not", "on", "it", "as", "by", "which", "our", "your", "has"),
	"de": foldSet("der", "die", "und", "das", "nicht", "ist", "sie", "ich", "wir", "mit", "den",
		"zu", "ein", "eine", "von", "auf", "für", "dass", "es", "auch", "sich", "des", "dem"),
	"fr": foldSet("le", "la", "les", "et", "des", "est", "nous", "vous", "je", "une", "pour",
		"dans", "que", "qui", "du", "pas", "sur", "au", "avec", "ce", "cette", "sont", "aux"),
}

// persianLetters occur in Persian but not in Arabic.
const persianLetters = "پچژگکی"

// detectLanguage guesses the language of a letter's text: "fa" when most letters are
// in the Arabic script and Persian letters occur ("ar" when they do not), otherwise
// the language among English, German and French whose most frequent words make up a
// fair share of the words. It returns "" when unsure.
func detectLanguage(s string) string {
	if len(s) > 64<<10 {
		s = s[:64<<10] // a sample is enough
	}
	arabic, latin, persian := 0, 0, 0
	for _, r := range s {
		switch {
		case isArabicScript(r):
			arabic++
			if strings.ContainsRune(persianLetters, r) {
				persian++
			}
		case unicode.IsLetter(r):
			latin++
		}
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
	for _, lang := range []string{"en", "de", "fr"} {
		n := 0
		for _, w := range words {
			if functionWords[lang][w] {
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
