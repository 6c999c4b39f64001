//! Wording: a small template filler and the pools of phrasings shared by all
//! categories (role and powers, how the complaint was considered, findings,
//! reasons not to investigate, service improvements, final decisions).
//! Phrasings follow published decisions (see shared/devset) without copying
//! any one of them whole.

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::money::bill_phrase;
use crate::names::{place, Alias, MONTHS};

/// Fills `{slot}`s in templates for one decision.
pub struct Filler<'a> {
    /// The decision's random stream.
    pub rng: &'a mut ChaCha8Rng,
    /// The complainant.
    pub alias: &'a Alias,
    /// The year the decision was made; story dates fall before it.
    pub year: u32,
    /// Top-level category, for bills.
    pub category: &'a str,
}

impl Filler<'_> {
    /// `template` with every `{slot}` replaced; unknown slots are kept as typed.
    pub fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            self.slot(slot, &mut out);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, slot: &str, out: &mut String) {
        let a = self.alias;
        match slot {
            "A" => out.push_str(&a.name),
            "he" => out.push_str(a.subject),
            "He" => out.push_str(&capitalise(a.subject)),
            "him" => out.push_str(a.object),
            "his" => out.push_str(a.possessive),
            "His" => out.push_str(&capitalise(a.possessive)),
            "was" => out.push_str(a.was),
            "has" => out.push_str(a.has),
            "C" => out.push_str("the Council"),
            "Cc" => out.push_str("The Council"),
            "n" => out.push_str(&self.rng.random_range(2..=12).to_string()),
            "place" => out.push_str(&place(self.rng)),
            "month" | "month2" => out.push_str(MONTHS[self.rng.random_range(0..12)].1),
            "year" => out.push_str(&self.story_year().to_string()),
            "date" => {
                let day = self.rng.random_range(1..=28);
                let month = MONTHS[self.rng.random_range(0..12)].1;
                let year = self.story_year();
                out.push_str(&format!("{day} {month} {year}"));
            }
            "bill" => out.push_str(&bill_phrase(self.rng, self.category)),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }

    fn story_year(&mut self) -> u32 {
        self.year - self.rng.random_range(0..=2)
    }

    /// One template from `pool`, filled.
    pub fn pick(&mut self, pool: &[&str]) -> String {
        let template = pool.choose(self.rng).expect("non-empty pool");
        self.fill(template)
    }

    /// `count` distinct templates from `pool` (fewer if the pool is smaller), filled.
    pub fn pick_many(&mut self, pool: &[&str], count: usize) -> Vec<String> {
        let chosen: Vec<&&str> = pool.choose_multiple(self.rng, count).collect();
        chosen.into_iter().map(|t| self.fill(t)).collect()
    }
}

/// `word` with its first letter lower-cased.
pub fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `word` with its first letter upper-cased.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "The Ombudsman's role and powers" paragraphs.
pub const ROLE: &[&str] = &[
    "We investigate complaints about 'maladministration' and 'service failure'. In this statement, I have used the word fault to refer to these. We must also consider whether any fault has had an adverse impact on the person making the complaint. I refer to this as 'injustice'. If there has been fault which has caused an injustice, we may suggest a remedy. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
    "If we are satisfied with an organisation's actions or proposed actions, we can complete our investigation and issue a decision statement. (Local Government Act 1974, section 30(1B) and 34H(i), as amended)",
    "We cannot question whether a council's decision is right or wrong simply because the complainant disagrees with it. We must consider whether there was fault in the way the decision was reached. (Local Government Act 1974, section 34(3), as amended)",
    "We cannot investigate late complaints unless we decide there are good reasons. Late complaints are when someone takes more than 12 months to complain to us about something a council has done. (Local Government Act 1974, sections 26B and 34D, as amended)",
    "The law says we cannot normally investigate a complaint when someone can appeal to a tribunal. However, we may decide to investigate if we consider it would be unreasonable to expect the person to appeal. (Local Government Act 1974, section 26(6)(a), as amended)",
    "The law says we cannot normally investigate a complaint when someone could take the matter to court. (Local Government Act 1974, section 26(6)(c), as amended)",
    "We investigate complaints about councils and certain other bodies. Where an individual, organisation or private company is providing services on behalf of a council, we can investigate complaints about the actions of these providers. (Local Government Act 1974, section 25(7), as amended)",
    "When considering complaints, we make findings based on the balance of probabilities. This means that we look at the available relevant evidence and decide what was more likely to have happened.",
    "We provide a free service, but must use public money carefully. We may decide not to start or continue with an investigation if we decide the tests set out in our Assessment Code are not met.",
];

/// "How I considered this complaint" paragraphs.
pub const HOW: &[&str] = &[
    "I considered the information {A} provided with {his} complaint and spoke to {him} about it on the phone.",
    "I made enquiries of {C} and considered its response along with the relevant law and guidance.",
    "{A} and {C} had an opportunity to comment on my draft decision. I considered any comments received before making a final decision.",
    "I considered evidence provided by {A} and {C} as well as relevant law, policy and guidance.",
    "I read {A}'s complaint and the documents {he} sent with it, including {C}'s final complaint response.",
    "I also considered our Assessment Code.",
];

/// Sentences any story can use: contact, complaint handling, delay, apology.
pub const STORY: &[&str] = &[
    "In {month} {year} {A} contacted {C} about the matter.",
    "{Cc} replied on {date}. It said it would respond fully within {n} working days.",
    "{A} complained to {C} on {date}. {Cc} acknowledged the complaint but did not respond until {month} {year}.",
    "{Cc}'s stage one response was sent on {date}. It offered an apology for the delay and said officers would be reminded to keep residents updated.",
    "{A} remained unhappy and asked {C} to consider the complaint at stage two.",
    "There is no record of {C} replying to {A}'s email of {date}.",
    "{Cc} says it had a high number of cases at the time and this caused a delay of around {n} weeks.",
    "In its response to my enquiries, {C} accepted it should have written to {A} sooner and gave an apology.",
    "{A} said this caused {him} stress and that {he} had to chase {C} on several occasions.",
    "{Cc}'s complaints policy says it will respond to complaints within {n} working days.",
    "The officer's notes of the meeting on {date} are brief and do not record what was discussed.",
    "{Cc} wrote to {A} on {date} explaining its decision and the reasons for it.",
    "{A} provided copies of emails {he} sent to {C} between {month} {year} and {month2} {year}.",
    "{Cc} closed the case in {month} {year} without telling {A}.",
    "An officer from {C} visited {place} on {date} and spoke to {A}.",
    "{A} telephoned {C} {n} times in {month} {year}. The call records show {he} {was} promised a call back that did not happen.",
    "{Cc}'s final response, sent on {date}, did not address all the points {A} raised.",
    "{A} then complained to us.",
    "The records show the case was passed between {n} different officers during this period.",
    "{Cc} says the delay was caused by staff sickness and a backlog of work.",
];

/// Findings sentences where there was fault.
pub const FAULT: &[&str] = &[
    "{Cc} took too long to respond to {A}'s complaint. This was fault.",
    "The delay of {n} months was fault and caused {A} avoidable distress and uncertainty.",
    "{Cc} did not keep {A} informed of what was happening. This was fault.",
    "{Cc} failed to follow its own policy. That was fault.",
    "There is no evidence {C} considered the information {A} provided before it made its decision. That was fault.",
    "{Cc} has not explained why the recommendations were not completed within the agreed timescale. This was fault.",
    "I cannot say the outcome would have been different without the fault, but the uncertainty is an injustice to {A}.",
    "{Cc} has already apologised, but an apology alone does not remedy the injustice caused.",
    "{A} went to unnecessary time and trouble pursuing the complaint.",
    "{Cc}'s record keeping was poor, so it cannot show what was decided or why.",
];

/// Findings sentences where there was no fault.
pub const NO_FAULT: &[&str] = &[
    "{Cc} considered the relevant information and reached a decision it was entitled to make. There was no fault in how it did so.",
    "I understand {A} disagrees with the decision, but we cannot question a decision made without fault.",
    "{Cc} responded to {A}'s reports within a reasonable time. I do not find fault.",
    "The records show {C} followed its procedures. I have not found evidence of fault.",
    "{Cc} explained its reasons clearly in its letter of {date}.",
    "There was a short delay in responding to one email, but this did not cause {A} a significant injustice.",
];

/// Why a complaint was closed after initial enquiries: a summary clause and an
/// assessment paragraph.
pub const CLOSED_REASONS: &[(&str, &str)] = &[
    (
        "the complaint is late and there are no good reasons to investigate it now",
        "{A} became aware of the matter in {month} {year} but did not complain to us until more than 12 months later. I have seen no good reason why {he} could not have complained sooner.",
    ),
    (
        "{A} could appeal to a tribunal and it is reasonable to expect {him} to do so",
        "The law expects people to use a right of appeal to a tribunal where one exists. {A} could have appealed and I see no reason why it would have been unreasonable for {him} to do so.",
    ),
    (
        "there is not enough evidence of fault to justify our involvement",
        "{Cc} considered the matter, explained its decision and the reasons for it. There is not enough evidence of fault in how it reached that decision to warrant an investigation.",
    ),
    (
        "further investigation would not lead to a different outcome",
        "Even if we investigated, we could not achieve the outcome {A} wants. {Cc} has already apologised for the delay and there is nothing more we could add.",
    ),
    (
        "the injustice is not significant enough to justify our involvement",
        "Any injustice caused to {A} is not significant enough to warrant an investigation. {Cc} has already acknowledged the error and corrected the account.",
    ),
    (
        "it would be reasonable for {A} to take the matter to court",
        "The dispute is about liability for damage, which only a court can decide. It would be reasonable for {A} to make a claim in the county court.",
    ),
];

/// Service improvements that close an agreed action.
pub const IMPROVEMENTS: &[&str] = &[
    "Remind relevant staff of the importance of responding to complaints within the timescales in its policy.",
    "Remind relevant officers of the importance of accurately recording meetings and decisions.",
    "Review its procedures to ensure recommendations from complaints are completed within a reasonable timescale.",
    "Provide training to staff on the relevant law and guidance.",
    "Apologise to {A} for the faults identified in this statement.",
    "Complete the outstanding assessment within six weeks and share the outcome with {A}.",
    "Reconsider the application and send {A} a new decision with reasons.",
    "Review how it monitors compliance with remedies arising from complaint investigations.",
];

/// Final decision paragraphs by outcome.
pub const FINAL_UPHELD: &[&str] = &[
    "I have completed my investigation. I have found fault by {C}, which caused injustice to {A}.",
    "I find fault causing injustice. {Cc} has agreed actions to remedy injustice.",
    "I have completed my investigation. I have found fault leading to injustice and {C} has agreed to my recommendations.",
    "I find fault with {C}. It agrees actions to remedy the injustice.",
];
pub const FINAL_NOT_UPHELD: &[&str] = &[
    "I have completed my investigation. There was no fault by {C}.",
    "I have completed my investigation and do not uphold {A}'s complaint. There was no fault in the way {C} dealt with the matter.",
    "There was no fault by {C}. I have completed my investigation.",
];
pub const FINAL_CLOSED: &[&str] = &[
    "We will not investigate {A}'s complaint because {reason}.",
    "I will not investigate this complaint. This is because {reason}.",
];

const ACTORS: &[&str] = &[
    "The social worker",
    "An officer",
    "The team manager",
    "{A}",
    "The Council",
    "The investigating officer",
    "A housing officer",
    "The head of service",
    "The complaints team",
    "A senior manager",
    "{A}'s advocate",
    "The case officer",
    "The service manager",
    "The independent person",
    "An environmental health officer",
];
const ACTIONS: &[&str] = &[
    "wrote to",
    "met",
    "telephoned",
    "emailed",
    "visited",
    "sent a letter to",
    "spoke to",
    "arranged to meet",
    "contacted",
    "chased",
    "updated",
    "received a reply from",
];
const PARTIES: &[&str] = &[
    "{A}",
    "the family",
    "the landlord",
    "the school",
    "the care provider",
    "the GP",
    "the independent person",
    "the contractor",
    "{A}'s solicitor",
    "the team leader",
    "the occupational therapist",
    "the ward councillor",
];
const PURPOSES: &[&str] = &[
    "to discuss the concerns",
    "about the outstanding repairs",
    "to arrange an assessment",
    "to explain the decision",
    "about the delay",
    "to ask for further information",
    "to agree a plan",
    "about the missing documents",
    "to confirm the next steps",
    "about the complaint",
    "to offer an apology",
    "about the arrears",
    "to review the case",
    "about a safeguarding concern",
    "to check on progress",
];
const WHENS: &[&str] = &[
    "on {date}",
    "in {month} {year}",
    "the following week",
    "{n} days later",
    "later that month",
    "in early {month} {year}",
];

/// A sentence built from parts (who did what with whom, why and when), so long
/// decisions do not repeat a small pool and the index sees a realistic vocabulary.
pub fn event_sentence(f: &mut Filler) -> String {
    let actor = ACTORS.choose(f.rng).expect("non-empty");
    let action = ACTIONS.choose(f.rng).expect("non-empty");
    let party = PARTIES.choose(f.rng).expect("non-empty");
    let purpose = PURPOSES.choose(f.rng).expect("non-empty");
    let when = WHENS.choose(f.rng).expect("non-empty");
    let template = if f.rng.random_bool(0.5) {
        format!("{actor} {action} {party} {purpose} {when}.")
    } else {
        let actor = if actor.starts_with('{') {
            actor.to_string()
        } else {
            lower_first(actor)
        };
        format!(
            "{} {actor} {action} {party} {purpose}.",
            capitalise(&f.fill(when))
        )
    };
    f.fill(&template)
}
