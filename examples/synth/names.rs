//! Who and what a synthetic decision is about: organisations, categories,
//! complainant aliases, dates and unique case references.

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Categories and sub-categories as printed on published decisions (DOMAIN.md),
/// with a rough share of the caseload for each top level.
pub const CATEGORIES: &[(&str, u32, &[&str])] = &[
    (
        "Adult care services",
        16,
        &[
            "Assessment and care plan",
            "COVID-19",
            "Charging",
            "Direct payments",
            "Disabled facilities grants",
            "Domiciliary care",
            "Other",
            "Residential care",
            "Safeguarding",
            "Transition from childrens services",
            "Transport",
        ],
    ),
    (
        "Benefits and tax",
        8,
        &[
            "COVID-19",
            "Council tax",
            "Council tax support",
            "Housing benefit and council tax benefit",
            "Local welfare payments",
            "Other",
        ],
    ),
    (
        "Children's care services",
        9,
        &[
            "Adoption",
            "Child protection",
            "Disabled children",
            "Fostering",
            "Friends and family carers",
            "Looked after children",
            "Other",
        ],
    ),
    (
        "Education",
        14,
        &[
            "Alternative provision",
            "COVID-19",
            "Other",
            "School admissions",
            "School exclusions",
            "School transport",
            "Special educational needs",
        ],
    ),
    (
        "Environment and regulation",
        11,
        &[
            "Antisocial behaviour",
            "COVID-19",
            "Cemeteries and crematoria",
            "Drainage",
            "Health and safety",
            "Licensing",
            "Noise",
            "Other",
            "Pollution",
            "Refuse and recycling",
            "Trading standards",
            "Trees",
        ],
    ),
    (
        "Health",
        2,
        &[
            "Assessment and funding",
            "COVID-19",
            "Care and treatment",
            "Community hospital services",
            "Hospital acute services",
            "Mental health services",
            "Other",
        ],
    ),
    (
        "Housing",
        14,
        &[
            "Allocations",
            "Council house sales and leaseholders",
            "Homelessness",
            "Managing council tenancies",
            "Other",
            "Private housing",
        ],
    ),
    (
        "Other Categories",
        5,
        &[
            "Commercial and contracts",
            "Councillor conduct and standards",
            "Elections and electoral register",
            "Land",
            "Leisure and culture",
            "Other",
        ],
    ),
    (
        "Planning",
        12,
        &[
            "Building control",
            "Enforcement",
            "Other",
            "Planning advice",
            "Planning applications",
        ],
    ),
    (
        "Transport and highways",
        9,
        &[
            "COVID-19",
            "Highway adoption",
            "Highway repair and maintenance",
            "Other",
            "Parking and other penalties",
            "Public transport",
            "Rights of way",
            "Street furniture and lighting",
            "Traffic management",
        ],
    ),
];

const PLACE_HEADS: &[&str] = &[
    "Ash", "Brad", "Bur", "Carl", "Ched", "Dart", "Elm", "Fen", "Glen", "Had", "Hal", "Ink", "Kes",
    "Lang", "Mar", "Nor", "Oak", "Pen", "Red", "Rother", "Sal", "Stan", "Thorn", "Wal", "West",
    "Whit", "Wyn", "Ald", "Bex", "Brom", "Cal", "Dun", "East", "Fair", "Grant", "Har", "Hart",
    "Kings", "Lin", "Long", "Mel", "Mid", "New", "Ray", "Sand", "Shep", "South", "Stock", "Tam",
    "Tew", "Up", "Wick", "Win", "Wold", "Bel", "Cran", "Gil", "Hen", "Mort", "Pit",
];
const PLACE_TAILS: &[&str] = &[
    "bury", "ford", "ham", "ley", "field", "ton", "worth", "wich", "borough", "by", "stead",
    "mouth", "bridge", "dale", "wood", "minster", "caster", "hurst", "combe", "well",
];

/// A generated English-looking place name (`Thornfield`, `Kesbury`).
pub fn place(rng: &mut ChaCha8Rng) -> String {
    let head = PLACE_HEADS.choose(rng).expect("non-empty");
    let tail = PLACE_TAILS.choose(rng).expect("non-empty");
    format!("{head}{tail}")
}

/// A body that decisions are made about, and how the text refers to it.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// The name as printed on the title line.
    pub name: String,
    /// The short form the text uses after the first mention (`Council`).
    pub short: &'static str,
}

/// A few hundred distinct councils plus some care providers, drawn once per seed.
pub fn organisations(rng: &mut ChaCha8Rng, councils: usize, providers: usize) -> Vec<Organisation> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(councils + providers);
    while out.len() < councils {
        let p = place(rng);
        let name = match rng.random_range(0..100) {
            0..=24 => format!("{p} District Council"),
            25..=39 => format!("{p} Borough Council"),
            40..=51 => format!("{p} County Council"),
            52..=61 => format!("{p} City Council"),
            62..=71 => format!("{p} Metropolitan Borough Council"),
            72..=81 => format!("London Borough of {p}"),
            82..=85 => format!("London Borough of {p} & {}", place(rng)),
            86..=88 => format!("Royal Borough of {p}"),
            _ => format!("{p} Council"),
        };
        if seen.insert(name.clone()) {
            out.push(Organisation {
                name,
                short: "Council",
            });
        }
    }
    while out.len() < councils + providers {
        let p = place(rng);
        let name = match rng.random_range(0..4) {
            0 => format!("{p} Care Homes Limited"),
            1 => format!("{p} House Care Ltd"),
            2 => format!("{p} Healthcare Limited"),
            _ => format!("{p} Home Care Services Ltd"),
        };
        if seen.insert(name.clone()) {
            out.push(Organisation {
                name,
                short: "Care Provider",
            });
        }
    }
    out
}

/// Picks a council with a skewed distribution: big councils get more complaints.
pub fn pick_council<'a>(rng: &mut ChaCha8Rng, orgs: &'a [Organisation]) -> &'a Organisation {
    let councils = orgs.iter().filter(|o| o.short == "Council").count();
    let u: f64 = rng.random();
    &orgs[((u * u) * councils as f64) as usize % councils]
}

/// Picks a care provider (adult care complaints about providers).
pub fn pick_provider<'a>(rng: &mut ChaCha8Rng, orgs: &'a [Organisation]) -> &'a Organisation {
    let providers: Vec<&Organisation> = orgs.iter().filter(|o| o.short != "Council").collect();
    providers.choose(rng).expect("providers were generated")
}

/// A top category and sub-category, weighted by caseload.
pub fn category(rng: &mut ChaCha8Rng) -> (&'static str, &'static str) {
    let total: u32 = CATEGORIES.iter().map(|c| c.1).sum();
    let mut roll = rng.random_range(0..total);
    for (top, weight, subs) in CATEGORIES {
        if roll < *weight {
            return (top, subs.choose(rng).expect("non-empty"));
        }
        roll -= weight;
    }
    unreachable!("roll is below the total weight")
}

/// The complainant's alias and the words that agree with it.
#[derive(Debug, Clone)]
pub struct Alias {
    /// `Miss X`, `Mr and Mrs L`.
    pub name: String,
    /// he / she / they.
    pub subject: &'static str,
    /// him / her / them.
    pub object: &'static str,
    /// his / her / their.
    pub possessive: &'static str,
    /// was / were.
    pub was: &'static str,
    /// has / have.
    pub has: &'static str,
}

/// A complainant alias, mostly `X` letters as the Ombudsman uses them.
pub fn alias(rng: &mut ChaCha8Rng) -> Alias {
    const LETTERS: &[&str] = &[
        "X", "X", "X", "X", "X", "Y", "Y", "Z", "B", "B", "C", "D", "L", "M", "P", "J", "K", "F",
        "G", "H", "R", "S", "T", "W",
    ];
    let letter = LETTERS.choose(rng).expect("non-empty");
    let (title, he, him, his, was, has) = match rng.random_range(0..100) {
        0..=32 => ("Mr", "he", "him", "his", "was", "has"),
        33..=52 => ("Mrs", "she", "her", "her", "was", "has"),
        53..=63 => ("Miss", "she", "her", "her", "was", "has"),
        64..=86 => ("Ms", "she", "her", "her", "was", "has"),
        87..=96 => ("Mr and Mrs", "they", "them", "their", "were", "have"),
        97 => ("Mx", "they", "them", "their", "were", "have"),
        _ => ("Dr", "they", "them", "their", "were", "have"),
    };
    Alias {
        name: format!("{title} {letter}"),
        subject: he,
        object: him,
        possessive: his,
        was,
        has,
    }
}

/// Month names, for headers (short) and prose (long).
pub const MONTHS: &[(&str, &str)] = &[
    ("Jan", "January"),
    ("Feb", "February"),
    ("Mar", "March"),
    ("Apr", "April"),
    ("May", "May"),
    ("Jun", "June"),
    ("Jul", "July"),
    ("Aug", "August"),
    ("Sep", "September"),
    ("Oct", "October"),
    ("Nov", "November"),
    ("Dec", "December"),
];

/// A calendar date (no validation beyond days 1..=28 being used).
#[derive(Debug, Clone, Copy)]
pub struct Date {
    /// Four-digit year.
    pub year: u32,
    /// 1..=12.
    pub month: u32,
    /// 1..=31.
    pub day: u32,
}

impl Date {
    /// A date between 2016 and 2025 inclusive; all days of every month occur.
    pub fn decision(rng: &mut ChaCha8Rng) -> Date {
        let year = rng.random_range(2016..=2025);
        let month = rng.random_range(1..=12);
        Date {
            year,
            month,
            day: rng.random_range(1..=days_in_month(year, month)),
        }
    }

    /// `2023-10-05`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `05 Oct 2023`, the header form.
    pub fn header(&self) -> String {
        format!(
            "{:02} {} {}",
            self.day,
            MONTHS[self.month as usize - 1].0,
            self.year
        )
    }

    /// `5 October 2023`, the prose form.
    pub fn prose(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1].1,
            self.year
        )
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A unique reference `YY NNN NNN` for document `index`: the six digits are an
/// affine bijection of the index, so references never repeat below a million docs.
pub fn reference(index: u64, complaint_year: u32) -> String {
    let serial = (index * 387_493 + 12_345) % 1_000_000;
    format!(
        "{:02} {:03} {:03}",
        complaint_year % 100,
        serial / 1000,
        serial % 1000
    )
}
