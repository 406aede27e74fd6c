// Package gen generates realistic correspondence, deterministically, for tests,
// benchmarks and load tests.
//
// A corpus is a population and letters among it. The population (Config.Correspondents,
// by default 3 per 100 letters and at least 50) is about 90% persons, 5% organisations
// and 5% offices:
//
//   - persons have names composed from English, German, French, Spanish, Italian and
//     Persian/Arabic first and last names (a few in Persian script, with the Latin form
//     as alias), unique under the importer's name key; a quarter have an honorific,
//     most one email address derived from the name, 10% a Wikidata-like authority id,
//     30% a membership of an organisation, and some hold offices for a time;
//   - organisations are states, ministries, governments and cities (PART_OF their
//     state), NGOs, companies, media and groups such as "The Media", some with acronyms;
//   - offices ("Prime Minister", "Minister of Interior", "Ambassador to Iran", "CEO",
//     "Editor-in-Chief" …) belong to an organisation, mostly a state.
//
// No two correspondents share a name key, acronym, alias, email or authority id, so an
// importer that resolves identity correctly finds exactly the population.
//
// Letters are heavy-tailed in who writes them (Zipf–Mandelbrot over the persons, who
// are active for a part of the span only), with recurring pairs and reply threads
// (RepliesTo the ExternalID of an earlier letter, "Re:" titles), 1–2 authors, 1–3
// recipients, 0–6 cc (geometric, mean 1.2) and rarely a bcc. Dates run over
// Config.From..To, in corpus order and denser towards the end; about 81% are exact to
// the day, 8% to the month, 4% to the year, 5% known within a range and 2% undated.
// Bodies are two to eight paragraphs in English mostly, and in German, French or
// Persian, about 1 KB. Every letter has ExternalID "gen:<seed>:<index>", so importing a
// corpus again changes nothing.
//
// Every letter is a pure function of the Config and its index, drawn from its own
// random stream: the same Config always gives the same letters, byte for byte, and
// letters can be made in parallel (WriteNDJSON does).
package gen
