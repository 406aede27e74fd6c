// Package cmif reads TEI XML correspondence into canonical documents: CMIF files (the
// Correspondence Metadata Interchange Format of correspSearch: one correspDesc per
// letter in teiHeader/profileDesc, metadata only) and plain TEI letters (one
// correspDesc and the letter's text in text/body).
//
// # Mapping
//
// Each correspDesc is one letter, SourceFormat CMIF, Origin "file#n".
//
//   - correspAction type "sent": persName and orgName are the authors, in order; the
//     first placeName is where it was written (WrittenAt and PlaceText); the first
//     date is the letter's date. "received": the recipients, except that
//     "received" with subtype "cc" or "bcc" (how CMIF says copied) holds copies, which
//     are in no title. Types "cc" and "bcc" (not CMIF's, but seen) are copies too. "transmitted", "redirected", "forwarded":
//     ignored. The place and date of receipt are not modelled and are ignored.
//   - persName is a Person; a name written inverted ("Goethe, Johann Wolfgang von",
//     also with the Arabic comma) is put in reading order and the inverted form kept
//     as an alias. orgName is an Organisation, its name as written. @ref holds one or
//     more space-separated URIs: the absolute http(s) ones are the authority ids (of
//     a place too); others are left out. A name that only says the correspondent is
//     unknown ("Unknown", as CMIF asks, "unbekannt", "N.N." …) and has no @ref is no
//     party, and so is an empty one.
//   - date: @when "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a time after the day ignored)
//     gives the date at YEAR, MONTH or DAY precision; @notBefore/@from and
//     @notAfter/@to give DateNotBefore/DateNotAfter (a partial date standing for its
//     first or last day). Without @when the precision is UNKNOWN, except that bounds
//     on one day make that day, DAY. DateText is the element's text, else the
//     attributes as written ("1794-06-13"; "notBefore 1794-06-01, notAfter
//     1794-06-30"). @cert, @calendar and the like are ignored.
//   - ExternalID is correspDesc/@ref (the letter's URL); without it "cmif:" + @key,
//     scoped as "cmif:BIBL#KEY" by the xml:id of the bibl @source points at, since a
//     printed edition's letter numbers repeat from edition to edition. Source is
//     @ref, else that bibl's citation, else the file.
//   - Title: CMIF letters have none, so one is made: "Goethe to Schiller, 13 June
//     1794" (see makeTitle). A plain TEI letter, one whose only correspDesc comes
//     with a non-empty text/body, takes its fileDesc/titleStmt/title instead.
//   - Body: empty for CMIF. For a plain TEI letter, the text of the first text/body:
//     blocks (p, opener, closer, salute, …) are paragraphs separated by blank lines,
//     lb and verse lines break lines; notes, running heads (fw) and, in a choice,
//     sic, orig and abbr are left out. Its Language is text/@xml:lang, else
//     TEI/@xml:lang, else the first langUsage/language/@ident.
//   - CMIF 2 note/ref: "mentionsPerson", "mentionsOrganization" and "mentionsPlace"
//     are mentions (the ref's text the name, @target the authority id);
//     "hasLanguage" is the language. Other refs are ignored, and so is
//     correspContext.
//
// # Errors and limits
//
// A correspDesc that cannot be read fails alone, as an item with a
// *document.ParseError naming the element ("TEI/teiHeader/profileDesc/correspDesc[3]/
// correspAction[1]/date/@when"): no sent and no received action, an unknown
// correspAction type, a date attribute that is no such date or bounds out of order,
// a name given only by @ref, an overlong name or identifier. Malformed XML ends the
// source with a *document.ParseError (line and element path); letters read before
// it have been yielded.
//
// The parser streams with encoding/xml in strict mode, holding one correspDesc at a
// time. It expands no entities and refuses a DTD that declares any; an external DTD
// is never fetched. Memory is bounded whatever the input: an XML token (2 MiB), the
// open start tags (8 MiB), nesting (256), one correspDesc (4 MiB), a body
// (domain.MaxBody), the bibls remembered (1000). Encodings other than UTF-8 are
// read by their declared label, UTF-16 when the file starts with a byte order mark.
package cmif
