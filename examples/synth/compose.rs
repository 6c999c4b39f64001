//! One synthetic decision's content: the summary and the titled sections, built
//! for its outcome and padded with story paragraphs up to a drawn length.

use rand::seq::IndexedRandom;
use rand::Rng;

use crate::money::{self, Money};
use crate::text::{self, lower_first, Filler};
use crate::topics::topic;

/// The three outcomes printed today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Upheld,
    NotUpheld,
    Closed,
}

impl Outcome {
    /// As printed after `Decision :`.
    pub fn printed(self) -> &'static str {
        match self {
            Outcome::Upheld => "Upheld",
            Outcome::NotUpheld => "Not upheld",
            Outcome::Closed => "Closed after initial enquiries",
        }
    }
}

/// A part of a section.
#[derive(Debug, Clone)]
pub enum Block {
    /// A numbered paragraph.
    Para(String),
    /// A numbered paragraph introducing a bullet or nested list.
    List(String, Vec<String>),
    /// An unnumbered sub-heading inside a section.
    Sub(String),
}

/// A titled part of the body.
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: &'static str,
    pub blocks: Vec<Block>,
}

/// The words of one decision, before layout.
#[derive(Debug, Clone)]
pub struct Content {
    pub summary: String,
    pub sections: Vec<Section>,
}

impl Content {
    fn len(&self) -> usize {
        let block_len = |b: &Block| match b {
            Block::Para(p) | Block::Sub(p) => p.len() + 8,
            Block::List(p, items) => p.len() + 8 + items.iter().map(|i| i.len() + 8).sum::<usize>(),
        };
        self.summary.len()
            + self
                .sections
                .iter()
                .map(|s| s.heading.len() + s.blocks.iter().map(block_len).sum::<usize>())
                .sum::<usize>()
    }
}

/// Builds the content for `outcome`, about `issue`, with `money`'s payments,
/// padded to about `target` bytes.
pub fn content(
    f: &mut Filler,
    outcome: Outcome,
    issue: &str,
    money: &Money,
    target: usize,
) -> Content {
    let mut c = match outcome {
        Outcome::Upheld => upheld(f, issue, money),
        Outcome::NotUpheld => not_upheld(f, issue, money),
        Outcome::Closed => closed(f, issue, money),
    };
    pad(f, &mut c, target);
    c
}

fn complaint(f: &mut Filler, issue: &str) -> Section {
    let who = ["{A}", "The complainant, whom I shall call {A},", "{A}"]
        .choose(f.rng)
        .expect("non-empty");
    let mut blocks = vec![Block::Para(
        f.fill(&format!("{who} complained about {issue}.")),
    )];
    if f.rng.random_bool(0.6) {
        blocks.push(Block::Para(f.pick(&[
            "{A} said this caused {him} distress and frustration.",
            "{A} said the matter has affected {his} health and that {he} had to go to time and trouble to get answers.",
            "{A} wanted {C} to apologise and put things right.",
        ])));
    }
    Section {
        heading: "The complaint",
        blocks,
    }
}

fn role(f: &mut Filler, count: usize) -> Section {
    let mut blocks: Vec<Block> = f
        .pick_many(text::ROLE, count)
        .into_iter()
        .map(Block::Para)
        .collect();
    if f.category == "Children's care services" {
        blocks.push(Block::Para(
            "Under our information sharing agreement, we will share this decision with the Office for Standards in Education, Children's Services and Skills (Ofsted).".into(),
        ));
    }
    let heading = if f.category == "Health" {
        "The Ombudsmen's role and powers"
    } else {
        "The Ombudsman's role and powers"
    };
    Section { heading, blocks }
}

fn how(f: &mut Filler, count: usize) -> Section {
    let blocks = f
        .pick_many(text::HOW, count)
        .into_iter()
        .map(Block::Para)
        .collect();
    Section {
        heading: "How I considered this complaint",
        blocks,
    }
}

fn story_para(f: &mut Filler) -> Block {
    let pool = topic(f.category).story;
    let count = f.rng.random_range(1..=3);
    let mut sentences = Vec::with_capacity(count);
    while sentences.len() < count {
        let sentence = match f.rng.random_range(0..10) {
            0..=3 => f.pick(pool),
            4..=5 => f.pick(text::STORY),
            _ => text::event_sentence(f),
        };
        if !sentences.contains(&sentence) {
            sentences.push(sentence);
        }
    }
    Block::Para(sentences.join(" "))
}

fn what_found(f: &mut Filler, money: &Money) -> Section {
    let mut blocks = Vec::new();
    if f.rng.random_bool(0.4) {
        blocks.push(Block::Sub(
            [
                "Relevant law and guidance",
                "Background information",
                "Law and guidance",
            ]
            .choose(f.rng)
            .expect("non-empty")
            .to_string(),
        ));
        blocks.push(story_para(f));
        blocks.push(Block::Sub(
            ["What happened", "Events", "Key facts"]
                .choose(f.rng)
                .expect("non-empty")
                .to_string(),
        ));
    }
    for _ in 0..f.rng.random_range(2..=4) {
        blocks.push(story_para(f));
    }
    if let Some(offer) = money.offered {
        blocks.push(Block::Para(money::offer_sentence(f.rng, offer, f.alias)));
    }
    if f.rng.random_bool(0.3) {
        blocks.push(Block::Para(f.fill("{A} {was} sent {bill}.")));
    }
    let heading = [
        "What I found",
        "What I found",
        "What happened",
        "What I found",
    ]
    .choose(f.rng)
    .expect("non-empty");
    Section { heading, blocks }
}

fn upheld(f: &mut Filler, issue: &str, money: &Money) -> Content {
    let fault = f.pick(&[
        "There was fault in the way {C} dealt with the matter, which caused {A} avoidable distress.",
        "We found fault by {C} for delays in carrying out its complaint investigation.",
        "{Cc} was at fault for failing to follow its own procedures.",
        "The Council delayed and did not keep {A} informed. This was fault.",
    ]);
    let remedy = if money.agreed.is_empty() {
        "The Council has agreed to apologise and improve its procedures.".to_string()
    } else {
        money::summary_clause(f.rng, money, f.alias)
    };
    let summary = format!(
        "{} {fault} {remedy}",
        f.fill(&format!("{{A}} complained about {issue}."))
    );

    let mut findings_blocks: Vec<Block> = Vec::new();
    for _ in 0..f.rng.random_range(2..=3) {
        let s = f.pick_many(text::FAULT, 2).join(" ");
        findings_blocks.push(Block::Para(s));
    }
    if f.rng.random_bool(0.2) {
        findings_blocks.push(Block::Para(money::guidance_sentence(f.rng)));
    }
    let findings_heading = [
        "My findings",
        "Analysis",
        "Findings",
        "Conclusions",
        "My findings",
    ]
    .choose(f.rng)
    .expect("non-empty");

    let (roles, hows) = (f.rng.random_range(2..=4), f.rng.random_range(2..=3));
    let mut sections = vec![
        complaint(f, issue),
        role(f, roles),
        how(f, hows),
        what_found(f, money),
    ];
    sections.push(Section {
        heading: findings_heading,
        blocks: findings_blocks,
    });
    sections.push(agreed_action(f, money));
    sections.push(Section {
        heading: final_heading(f),
        blocks: vec![Block::Para(f.pick(text::FINAL_UPHELD))],
    });
    if f.rng.random_bool(0.15) {
        sections.push(Section {
            heading: "Parts of the complaint that I did not investigate",
            blocks: vec![Block::Para(f.fill("{A} also complained about events before {year}. I have not investigated this part of the complaint because it is late."))],
        });
    }
    Content { summary, sections }
}

fn final_heading(f: &mut Filler) -> &'static str {
    ["Final decision", "Final decision", "Decision"]
        .choose(f.rng)
        .expect("non-empty")
}

fn agreed_action(f: &mut Filler, money: &Money) -> Section {
    let deadline = ["one month", "four weeks", "three months", "one month"]
        .choose(f.rng)
        .expect("non-empty");
    let mut items: Vec<String> = Vec::new();
    if f.rng.random_bool(0.7) {
        items.push(f.fill("Apologise to {A} for the faults identified in this statement."));
    }
    items.extend(
        money
            .agreed
            .iter()
            .map(|a| money::agreed_line(f.rng, a, f.alias)),
    );
    let improvements = f.rng.random_range(if items.is_empty() { 1 } else { 0 }..=2);
    items.extend(f.pick_many(text::IMPROVEMENTS, improvements));

    // Items of one list share their case and closing punctuation, as printed lists do.
    let lower = f.rng.random_bool(0.4);
    let count = items.len();
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let bare = item.trim_end_matches(['.', ';']);
            match (lower, i + 1 == count) {
                (true, false) => format!("{};", lower_first(bare)),
                (true, true) => format!("{}.", lower_first(bare)),
                (false, _) => format!("{}.", text::capitalise(bare)),
            }
        })
        .collect();
    let mut blocks = Vec::new();
    if f.rng.random_bool(0.2) {
        // One numbered paragraph per action, as some decisions write it.
        for item in items {
            blocks.push(Block::Para(format!(
                "Within {deadline} of the date of my final decision, the Council will {}",
                lower_first(&item)
            )));
        }
    } else {
        let intro = [
            format!("To remedy the injustice caused, the Council has agreed to take the following action within {deadline} of my final decision:"),
            format!("Within {deadline} of the date of the final decision, the Council has agreed to:"),
            format!("The Council will, within {deadline} of my final decision:"),
        ]
        .choose(f.rng)
        .expect("non-empty")
        .clone();
        blocks.push(Block::List(intro, items));
    }
    if let (Some(offer), true) = (money.offered, money.in_addition) {
        blocks.push(Block::Para(money::in_addition_sentence(f.rng, offer)));
    }
    blocks.push(Block::Para(
        "The Council should provide us with evidence it has complied with the above actions."
            .into(),
    ));
    let heading = [
        "Agreed action",
        "Agreed action",
        "Action",
        "Agreed actions",
        "Recommendations",
    ]
    .choose(f.rng)
    .expect("non-empty");
    Section { heading, blocks }
}

fn not_upheld(f: &mut Filler, issue: &str, money: &Money) -> Content {
    let summary = format!(
        "{} {}",
        f.fill(&format!("{{A}} complained about {issue}.")),
        f.pick(&[
            "We found no fault in how the Council dealt with the matter.",
            "The Ombudsman has not found evidence of fault by the Council and has completed the investigation.",
            "There was no fault by the Council.",
        ])
    );
    let mut findings: Vec<Block> = Vec::new();
    for _ in 0..f.rng.random_range(1..=3) {
        findings.push(Block::Para(f.pick_many(text::NO_FAULT, 2).join(" ")));
    }
    if let Some(offer) = money.offered {
        findings.push(Block::Para(money::offer_enough_sentence(f.rng, offer)));
    }
    let findings_heading = ["My findings", "Analysis", "Findings", "Conclusions"]
        .choose(f.rng)
        .expect("non-empty");
    let (roles, hows) = (f.rng.random_range(2..=3), f.rng.random_range(1..=3));
    let sections = vec![
        complaint(f, issue),
        role(f, roles),
        how(f, hows),
        what_found(f, money),
        Section {
            heading: findings_heading,
            blocks: findings,
        },
        Section {
            heading: final_heading(f),
            blocks: vec![Block::Para(f.pick(text::FINAL_NOT_UPHELD))],
        },
    ];
    Content { summary, sections }
}

fn closed(f: &mut Filler, issue: &str, money: &Money) -> Content {
    let (reason, assessment) = *text::CLOSED_REASONS.choose(f.rng).expect("non-empty");
    let summary_template = [
        format!("We will not investigate {{A}}'s complaint about {issue}. This is because {reason}."),
        format!("{{A}} complained about {issue}. We will not investigate this complaint because {reason}."),
        format!("The Ombudsman will not investigate {{A}}'s complaint about {issue}. This is because {reason}."),
    ]
    .choose(f.rng)
    .expect("non-empty")
    .clone();
    let summary = f.fill(&summary_template);
    let mut blocks = vec![Block::Para(f.fill(assessment))];
    if f.rng.random_bool(0.5) {
        blocks.push(story_para(f));
    }
    if let Some(offer) = money.offered {
        blocks.push(Block::Para(money::offer_sentence(f.rng, offer, f.alias)));
        blocks.push(Block::Para(money::offer_enough_sentence(f.rng, offer)));
    }
    let final_template = text::FINAL_CLOSED
        .choose(f.rng)
        .expect("non-empty")
        .replace("{reason}", reason);
    let final_text = f.fill(&final_template);
    let roles = f.rng.random_range(1..=3);
    let mut sections = vec![complaint(f, issue), role(f, roles)];
    if f.rng.random_bool(0.6) {
        sections.push(how(f, 1));
    }
    sections.push(Section {
        heading: ["My assessment", "My assessment", "Assessment"]
            .choose(f.rng)
            .expect("non-empty"),
        blocks,
    });
    sections.push(Section {
        heading: final_heading(f),
        blocks: vec![Block::Para(final_text)],
    });
    Content { summary, sections }
}

/// Adds story paragraphs to the fact-finding sections until `target` bytes.
fn pad(f: &mut Filler, c: &mut Content, target: usize) {
    let mut len = c.len();
    let found: Vec<usize> = c
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            matches!(
                s.heading,
                "What I found" | "What happened" | "My assessment" | "Assessment"
            )
        })
        .map(|(i, _)| i)
        .collect();
    let Some(&at) = found.first() else { return };
    while len < target {
        let block = if f.rng.random_bool(0.12) {
            let items = (0..f.rng.random_range(2..=4))
                .map(|_| f.pick(text::STORY))
                .collect();
            Block::List(f.fill("{Cc}'s records show:"), items)
        } else {
            story_para(f)
        };
        len += match &block {
            Block::Para(p) => p.len() + 8,
            Block::List(p, items) => p.len() + 8 + items.iter().map(|i| i.len() + 8).sum::<usize>(),
            Block::Sub(s) => s.len(),
        };
        c.sections[at].blocks.push(block);
    }
}
