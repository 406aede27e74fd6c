package gen

import "strings"

// culture is a naming tradition: the names a person is composed from, how they are
// addressed, where they live and write from, and the language they mostly write in.
type culture struct {
	key     string
	lang    string  // the language other than English a person of this culture writes in, if any
	native  float64 // how often they do
	weight  float64 // share of the population
	male    []string
	female  []string
	last    []string
	honM    []string // honorifics; every one is in domain's list, so Normalize splits it off
	honF    []string
	domains []string // mail providers for personal addresses
	homes   []string // ISO codes of the countries they live in
}

// words splits a list written one entry a space; "_" stands for a space inside an entry.
func words(s string) []string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = strings.ReplaceAll(w, "_", " ")
	}
	return f
}

// Persian-script names are written "script|Latin": the Latin form becomes the
// person's alias and the root of the email address, as it would in a real archive.
func script(s string) (native, latin string) {
	native, latin, _ = strings.Cut(s, "|")
	return native, latin
}

var cultures = []*culture{
	{
		key: "en", weight: 0.32,
		male:    words("James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Gary Nicholas Eric Jonathan Stephen Hugh Nigel Rupert Alistair Desmond"),
		female:  words("Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Margaret Lisa Betty Dorothy Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Helen Sharon Cynthia Kathleen Amy Shirley Angela Zoë Chloë Renée Philippa Gwendolyn"),
		last:    words("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders O'Brien O'Connor MacDonald Fitzgerald Ashworth Blackwood Pemberton Whitfield Hargreaves"),
		honM:    words("Mr. Mr. Mr. Dr. Prof. Sir Rev. H.E."),
		honF:    words("Mrs. Ms. Ms. Dr. Prof. Dame H.E."),
		domains: words("gmail.com yahoo.com outlook.com hotmail.co.uk btinternet.com aol.com proton.me icloud.com"),
		homes:   words("GB GB US US US CA IE AU NZ ZA"),
	},
	{
		key: "de", lang: "de", native: 0.35, weight: 0.15,
		male:    words("Hans Klaus Jürgen Wolfgang Dieter Günter Horst Uwe Stefan Matthias Andreas Frank Jörg Ralf Bernd Helmut Manfred Rüdiger Lukas Maximilian Felix Tobias Florian Sebastian Björn Ulrich Friedrich Gerhard Jens Henning"),
		female:  words("Anna Ursula Monika Petra Sabine Renate Brigitte Gisela Karin Claudia Birgit Heike Susanne Katrin Andrea Gabriele Ingrid Christa Jutta Lena Sophie Marie Hannah Johanna Lea Maren Dörte Käthe Elke Annegret"),
		last:    words("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Schmitz Krause Lehmann Schulze Köhler Herrmann König Walter Huber Kaiser Fuchs Peters Scholz Möller Weiß Jung Hahn Schubert Vogel Keller Günther Berger Winkler Roth Lorenz Baumann Albrecht Schuster Böhm Winter Krämer Vogt Jäger Sommer Groß Seidel Brandt Haas Dietrich Ziegler Kühn Engel Pfeiffer von_Arnim von_der_Heyde"),
		honM:    words("Herr Herr Dr. Prof."),
		honF:    words("Frau Frau Dr. Prof."),
		domains: words("gmx.de web.de t-online.de gmail.com posteo.de gmx.at bluewin.ch"),
		homes:   words("DE DE DE DE AT CH"),
	},
	{
		key: "fr", lang: "fr", native: 0.35, weight: 0.13,
		male:    words("Jean Pierre Michel André Philippe Alain Jacques Bernard Éric Patrick Nicolas Christophe Laurent François Frédéric Stéphane Sébastien Julien Thierry Olivier Gérard Hervé Jérôme Benoît Loïc René Rémi Gaël Yves Raphaël"),
		female:  words("Marie Françoise Monique Catherine Nathalie Isabelle Sylvie Martine Christine Valérie Sandrine Céline Hélène Élodie Aurélie Anaïs Camille Léa Chloé Margaux Brigitte Agnès Mathilde Océane Noémie Geneviève Inès Maëlle Danièle Joëlle"),
		last:    words("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel Bertrand Roux Vincent Fournier Morel Girard Mercier Dupont Lambert Bonnet Legrand Garnier Faure Rousseau Blanc Guérin Henry Roussel Perrin Morin Mathieu Clément Gauthier Dumont Fontaine Chevalier Robin Masson Gérard Boyer Denis Lemaire Duval Joly Roche Noël Lucas Meunier Marchand Dufour Blanchard Brun Barbier Arnaud Giraud Rivière Lacroix Caron Bourgeois de_Villepin Delacroix Lévêque Bézier"),
		honM:    words("Monsieur Monsieur Dr. Prof."),
		honF:    words("Madame Mme Dr."),
		domains: words("orange.fr free.fr laposte.net gmail.com wanadoo.fr sfr.fr skynet.be"),
		homes:   words("FR FR FR FR BE CH CA MA TN"),
	},
	{
		key: "es", weight: 0.1,
		male:    words("José Antonio Manuel Francisco Juan David Javier Jesús Daniel Carlos Miguel Alejandro Rafael Pedro Ángel Fernando Luis Sergio Pablo Jorge Alberto Andrés Ramón Álvaro Iñigo Rubén Óscar Joaquín Martín Adrián"),
		female:  words("María Carmen Josefa Isabel Dolores Pilar Teresa Ana Laura Cristina Marta Lucía Elena Rosa Raquel Beatriz Mercedes Inés Sofía Julia Nuria Silvia Consuelo Begoña Itziar Verónica Ángela Mónica Noelia Rocío"),
		last:    words("García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez Calvo Vidal León Márquez Herrera Peña Cabrera Fuentes Carrasco Ibáñez Ferrer Durán Benítez Vargas Crespo Román Velasco Soler de_la_Cruz del_Río"),
		honM:    words("Sr. Sr. Dr."),
		honF:    words("Sra. Sra. Dr."),
		domains: words("telefonica.net gmail.com hotmail.es yahoo.es movistar.es"),
		homes:   words("ES ES ES MX AR CL CO PE"),
	},
	{
		key: "it", weight: 0.1,
		male:    words("Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luciano Niccolò Lorenzo Matteo Stefano Marco Alessandro Riccardo Gianluca Fabrizio Ettore"),
		female:  words("Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Antonietta Carla Elena Concetta Rita Margherita Franca Paola Chiara Giulia Alessandra Federica Silvia Valentina Martina Elisa Simona Ilaria Benedetta"),
		last:    words("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Ferraro Fabbri Marini Grasso Valentini Messina De_Angelis Gatti Pellegrini Palumbo Sanna Farina Monti Cattaneo Morelli Amato Silvestri Mazza Testa Carbone Giuliani Benedetti Barone Caputo Montanari Guerra Palmieri Bernardi Fiore Ferretti Bellini Basile Donati Sartori Negri"),
		honM:    words("Dott. Prof. Dr."),
		honF:    words("Prof. Dr."),
		domains: words("libero.it tiscali.it virgilio.it gmail.com alice.it"),
		homes:   words("IT IT IT IT CH"),
	},
	{
		// Persian and Arabic names, transliterated, and their diaspora.
		key: "fa-Latn", lang: "fa", native: 0.2, weight: 0.16,
		male:    words("Mohammad Ali Hossein Reza Mehdi Hassan Ebrahim Amir Javad Hamid Saeed Majid Behrouz Farhad Kaveh Dariush Babak Arash Omid Karim Khalid Ahmed Omar Youssef Tariq Mustafa Abbas Jalal Siavash Kourosh"),
		female:  words("Fatemeh Zahra Maryam Masoumeh Zeynab Leila Shirin Narges Parisa Azadeh Roya Mahnaz Soheila Nasrin Golnar Mina Shahla Simin Laleh Yasmin Aisha Layla Noor Samira Huda Rania Soraya Forough Nazanin Bahareh"),
		last:    words("Ahmadi Hosseini Mohammadi Rezaei Moradi Karimi Jafari Rahimi Heidari Mousavi Hashemi Ghorbani Sadeghi Mahmoudi Najafi Kazemi Akbari Ebrahimi Salehi Rostami Tehrani Shirazi Esfahani Tabrizi Khodabandeh Farahani Bagheri Nouri Zamani Ansari Amini Khosravi Yazdani Golshiri Daneshvar Mirzaei Sharifi Asadi Taheri Soltani Abbasi Kamali Rahmani Parsa Zand Al-Mansouri Al-Hashimi El-Amin Haddad Khoury Nasser Saleh Hamdan Barakat Qureshi Farouk Aziz Mansour Behbahani Ghaffari Bahrami Navabi Vaziri Jahanbani Ardalan Sepehri Fallahi Mokhtari Alavi"),
		honM:    words("Dr. Agha Sheikh H.E. Mr."),
		honF:    words("Dr. Ms. Mrs."),
		domains: words("gmail.com yahoo.com chmail.ir outlook.com hotmail.com"),
		homes:   words("IR IR IR IR IQ AF LB EG JO AE SA DE GB US FR AL SE"),
	},
	{
		// Persian names in Persian script; the Latin form is the alias.
		key: "fa-Arab", lang: "fa", native: 0.6, weight: 0.04,
		male:    words("محمد|Mohammad علی|Ali حسین|Hossein رضا|Reza مهدی|Mehdi ابراهیم|Ebrahim امیر|Amir حمید|Hamid سعید|Saeed فرهاد|Farhad کاوه|Kaveh داریوش|Dariush بابک|Babak آرش|Arash امید|Omid سیاوش|Siavash"),
		female:  words("فاطمه|Fatemeh زهرا|Zahra مریم|Maryam لیلا|Leila شیرین|Shirin نرگس|Narges پریسا|Parisa آزاده|Azadeh رویا|Roya نسرین|Nasrin مینا|Mina سیمین|Simin لاله|Laleh نازنین|Nazanin"),
		last:    words("احمدی|Ahmadi حسینی|Hosseini محمدی|Mohammadi رضایی|Rezaei مرادی|Moradi کریمی|Karimi جعفری|Jafari رحیمی|Rahimi حیدری|Heidari موسوی|Mousavi هاشمی|Hashemi قربانی|Ghorbani صادقی|Sadeghi محمودی|Mahmoudi نجفی|Najafi کاظمی|Kazemi اکبری|Akbari ابراهیمی|Ebrahimi صالحی|Salehi رستمی|Rostami تهرانی|Tehrani شیرازی|Shirazi تبریزی|Tabrizi خدابنده|Khodabandeh فراهانی|Farahani باقری|Bagheri نوری|Nouri زمانی|Zamani امینی|Amini خسروی|Khosravi"),
		honM:    words("جناب_آقای دکتر"),
		honF:    words("خانم دکتر"),
		domains: words("gmail.com yahoo.com chmail.ir"),
		homes:   words("IR"),
	},
}
