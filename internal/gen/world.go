package gen

// country is a state that letters are written from and addressed to.
type country struct {
	name    string
	iso     string // ISO 3166-1 alpha-2, for government mail domains
	acronym string
	cities  []string
}

// city is a place of writing; the list has about 200 of them.
type city struct {
	name    string
	country int // index in countries
}

var countries = []country{
	{name: "Albania", iso: "AL", cities: words("Tirana Durrës Shkodër Vlorë")},
	{name: "Iran", iso: "IR", cities: words("Tehran Isfahan Shiraz Tabriz Mashhad Ahvaz Kermanshah Rasht")},
	{name: "Iraq", iso: "IQ", cities: words("Baghdad Basra Erbil Mosul")},
	{name: "Germany", iso: "DE", cities: words("Berlin Hamburg München Köln Frankfurt_am_Main Stuttgart Düsseldorf Leipzig Dresden Bonn Nürnberg")},
	{name: "Austria", iso: "AT", cities: words("Wien Salzburg Graz Innsbruck")},
	{name: "Switzerland", iso: "CH", cities: words("Zürich Genève Bern Basel Lausanne")},
	{name: "France", iso: "FR", cities: words("Paris Marseille Lyon Toulouse Nice Nantes Strasbourg Bordeaux Lille Montpellier")},
	{name: "Belgium", iso: "BE", cities: words("Bruxelles Antwerpen Liège Gent")},
	{name: "Netherlands", iso: "NL", cities: words("Amsterdam Rotterdam Den_Haag Utrecht")},
	{name: "United Kingdom", iso: "GB", acronym: "UK", cities: words("London Manchester Birmingham Edinburgh Glasgow Liverpool Oxford Cambridge Cardiff Belfast")},
	{name: "Ireland", iso: "IE", cities: words("Dublin Cork Galway")},
	{name: "United States of America", iso: "US", acronym: "USA", cities: words("New_York Washington Los_Angeles Chicago Boston San_Francisco Houston Philadelphia Seattle Miami Atlanta Denver")},
	{name: "Canada", iso: "CA", cities: words("Toronto Montréal Vancouver Ottawa Québec")},
	{name: "Spain", iso: "ES", cities: words("Madrid Barcelona Valencia Sevilla Bilbao Málaga Zaragoza A_Coruña")},
	{name: "Portugal", iso: "PT", cities: words("Lisboa Porto Coimbra")},
	{name: "Italy", iso: "IT", cities: words("Roma Milano Napoli Torino Firenze Bologna Venezia Palermo Genova")},
	{name: "Greece", iso: "GR", cities: words("Athens Thessaloniki")},
	{name: "Turkey", iso: "TR", cities: words("Istanbul Ankara İzmir")},
	{name: "Mexico", iso: "MX", cities: words("Ciudad_de_México Guadalajara Monterrey")},
	{name: "Argentina", iso: "AR", cities: words("Buenos_Aires Córdoba Rosario")},
	{name: "Chile", iso: "CL", cities: words("Santiago Valparaíso")},
	{name: "Colombia", iso: "CO", cities: words("Bogotá Medellín")},
	{name: "Peru", iso: "PE", cities: words("Lima Cusco")},
	{name: "Brazil", iso: "BR", cities: words("São_Paulo Rio_de_Janeiro Brasília Belo_Horizonte")},
	{name: "Egypt", iso: "EG", cities: words("Cairo Alexandria")},
	{name: "Morocco", iso: "MA", cities: words("Rabat Casablanca Marrakech Fès")},
	{name: "Tunisia", iso: "TN", cities: words("Tunis Sfax")},
	{name: "Algeria", iso: "DZ", cities: words("Algiers Oran")},
	{name: "Lebanon", iso: "LB", cities: words("Beirut Tripoli")},
	{name: "Jordan", iso: "JO", cities: words("Amman")},
	{name: "Syria", iso: "SY", cities: words("Damascus Aleppo")},
	{name: "Saudi Arabia", iso: "SA", cities: words("Riyadh Jeddah")},
	{name: "United Arab Emirates", iso: "AE", acronym: "UAE", cities: words("Dubai Abu_Dhabi")},
	{name: "Qatar", iso: "QA", cities: words("Doha")},
	{name: "Kuwait", iso: "KW", cities: words("Kuwait_City")},
	{name: "Afghanistan", iso: "AF", cities: words("Kabul Herat")},
	{name: "Pakistan", iso: "PK", cities: words("Karachi Lahore Islamabad")},
	{name: "India", iso: "IN", cities: words("New_Delhi Mumbai Kolkata Bengaluru Chennai")},
	{name: "China", iso: "CN", cities: words("Beijing Shanghai Guangzhou")},
	{name: "Japan", iso: "JP", cities: words("Tokyo Osaka Kyoto")},
	{name: "South Korea", iso: "KR", cities: words("Seoul Busan")},
	{name: "Indonesia", iso: "ID", cities: words("Jakarta")},
	{name: "Australia", iso: "AU", cities: words("Sydney Melbourne Canberra Perth")},
	{name: "New Zealand", iso: "NZ", cities: words("Wellington Auckland")},
	{name: "South Africa", iso: "ZA", cities: words("Johannesburg Cape_Town Pretoria")},
	{name: "Kenya", iso: "KE", cities: words("Nairobi Mombasa")},
	{name: "Nigeria", iso: "NG", cities: words("Lagos Abuja")},
	{name: "Ethiopia", iso: "ET", cities: words("Addis_Ababa")},
	{name: "Sweden", iso: "SE", cities: words("Stockholm Göteborg Malmö")},
	{name: "Norway", iso: "NO", cities: words("Oslo Bergen")},
	{name: "Denmark", iso: "DK", cities: words("København Aarhus")},
	{name: "Finland", iso: "FI", cities: words("Helsinki Tampere")},
	{name: "Iceland", iso: "IS", cities: words("Reykjavík")},
	{name: "Poland", iso: "PL", cities: words("Warszawa Kraków Gdańsk Wrocław")},
	{name: "Czech Republic", iso: "CZ", cities: words("Praha Brno")},
	{name: "Hungary", iso: "HU", cities: words("Budapest Debrecen")},
	{name: "Romania", iso: "RO", cities: words("București Cluj-Napoca")},
	{name: "Serbia", iso: "RS", cities: words("Beograd Novi_Sad")},
	{name: "Croatia", iso: "HR", cities: words("Zagreb Split")},
	{name: "Kosovo", iso: "XK", cities: words("Prishtina")},
	{name: "North Macedonia", iso: "MK", cities: words("Skopje")},
	{name: "Ukraine", iso: "UA", cities: words("Kyiv Lviv Odesa")},
	{name: "Russia", iso: "RU", cities: words("Moscow Saint_Petersburg")},
	{name: "Israel", iso: "IL", cities: words("Jerusalem Tel_Aviv")},
	{name: "Azerbaijan", iso: "AZ", cities: words("Baku")},
	{name: "Armenia", iso: "AM", cities: words("Yerevan")},
	{name: "Georgia", iso: "GE", cities: words("Tbilisi")},
	{name: "Luxembourg", iso: "LU", cities: words("Luxembourg")},
}

// cities flattens countries, whose cities start at firstCity; byISO finds a country
// by its code.
var (
	cities    []city
	firstCity []int
	byISO     = map[string]int{}
)

func init() {
	for ci, c := range countries {
		byISO[c.iso] = ci
		firstCity = append(firstCity, len(cities))
		for _, name := range c.cities {
			cities = append(cities, city{name: name, country: ci})
		}
	}
}
