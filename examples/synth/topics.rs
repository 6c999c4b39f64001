//! What complaints in each category are about: the issue phrase the summary and
//! complaint use, and story sentences for the body. Templates use the slots
//! that [`crate::text::Filler`] fills (`{A}`, `{he}`, `{date}`, `{bill}` ...).

/// Issue phrases and story sentences for one top-level category.
pub struct Topic {
    /// Noun phrases: "the Council's handling of ...".
    pub issues: &'static [&'static str],
    /// Sentences for "What I found" / "What happened".
    pub story: &'static [&'static str],
}

/// The topic for a top-level category.
pub fn topic(category: &str) -> &'static Topic {
    match category {
        "Adult care services" => &ADULT,
        "Benefits and tax" => &BENEFITS,
        "Children's care services" => &CHILDREN,
        "Education" => &EDUCATION,
        "Environment and regulation" => &ENVIRONMENT,
        "Health" => &HEALTH,
        "Housing" => &HOUSING,
        "Planning" => &PLANNING,
        "Transport and highways" => &TRANSPORT,
        _ => &OTHER,
    }
}

static ADULT: Topic = Topic {
    issues: &[
        "the assessment of {his} mother's care needs",
        "charges for {his} father's residential care at {place} House",
        "the care provided to {his} late mother at home",
        "delays in arranging a Disabled Facilities Grant for adaptations to {his} home",
        "the reduction of {his} direct payments budget",
        "the way safeguarding concerns about {his} aunt were handled",
    ],
    story: &[
        "A social worker completed a care needs assessment on {date}. It said {A}'s mother needed support with washing, dressing and preparing meals.",
        "The care plan said two carers should visit four times a day. The care records show carers arrived late on {n} occasions in {month} {year}.",
        "{Cc} carried out a financial assessment and decided {A}'s father should pay {bill}.",
        "{A} said nobody explained the charges to the family before the placement at {place} House began.",
        "An occupational therapist visited on {date} and recommended a level access shower and a stair lift.",
        "{Cc} approved a grant in {month} {year} but the works did not start until {n} months later.",
        "A mandatory Disabled Facilities Grant is capped at £30,000, and councils may top it up with discretionary funding.",
        "The safeguarding enquiry concluded on {date}. {Cc} did not tell {A} the outcome.",
        "The Care Act 2014 says councils must carry out an assessment of anyone who appears to need care and support.",
        "The statutory guidance says a council should review a care plan at least every twelve months.",
    ],
};

static BENEFITS: Topic = Topic {
    issues: &[
        "the recovery of {his} council tax arrears",
        "the Council's decision on {his} council tax support",
        "an overpayment of housing benefit the Council is recovering from {him}",
        "the use of enforcement agents to collect council tax",
        "a refused application for a discretionary housing payment",
    ],
    story: &[
        "{Cc} sent {A} a bill showing {bill}.",
        "{A} did not pay the instalment due on {date}. {Cc} sent a reminder and then a final notice.",
        "{Cc} obtained a liability order at the magistrates' court on {date}.",
        "The account was passed to enforcement agents in {month} {year}.",
        "{A} told {C} {his} circumstances had changed but the council tax support claim was not reassessed until {month} {year}.",
        "{Cc} decided {A} had been overpaid and wrote to {him} asking for repayment of {bill}.",
        "{A} could have appealed to the Valuation Tribunal but did not do so.",
        "The council tax regulations allow a council to apply for a liability order where a bill remains unpaid after a reminder.",
    ],
};

static CHILDREN: Topic = Topic {
    issues: &[
        "the Council's handling of {his} complaint through the children's statutory complaints procedure",
        "the support {C} provided to {his} children while they were in foster care",
        "the child protection conference about {his} son",
        "a delay in completing the stage two investigation of {his} complaint",
        "the Council's failure to carry out the recommendations of the stage three panel",
    ],
    story: &[
        "The law sets out a three-stage procedure for councils to follow when looking at complaints about children's social care services.",
        "The first stage of the procedure is local resolution. Councils have up to 20 working days to respond.",
        "At stage two councils appoint an investigating officer (IO) and an independent person (IP) who oversees the investigation. The whole stage two process should be completed within 25 working days, but guidance allows an extension for up to 65 working days.",
        "If a complainant is unhappy with the outcome of the stage two investigation, they can ask for a stage three review by an independent panel.",
        "The stage three panel met on {date}. The stage three panel upheld {n} of the complaints and made recommendations.",
        "{Cc} accepted the stage three panel's recommendations in {month} {year} but did not complete them until {n} months later.",
        "The IO completed their report on {date}. The IP agreed with the findings.",
        "{Cc} sent its adjudication letter on {date}. It agreed with the outcome of the stage two investigation.",
        "A social worker visited the family at {place} on {date} and completed an assessment.",
        "Under our information sharing agreement, we will share this decision with Ofsted.",
    ],
};

static EDUCATION: Topic = Topic {
    issues: &[
        "the delay in issuing {his} son's Education, Health and Care plan",
        "the Council's refusal of free school transport for {his} daughter",
        "the provision of alternative education after {his} son was excluded",
        "the appeal panel's decision on {his} daughter's application to {place} Primary School",
        "the special educational provision in {his} child's EHC plan",
    ],
    story: &[
        "{A} asked {C} for an EHC needs assessment on {date}. The law says the whole process should take no more than 20 weeks.",
        "{Cc} issued the final EHC plan on {date}, {n} weeks later than it should have.",
        "The plan said the child should have {n} hours of speech and language therapy each term. {Cc} could not show this was provided.",
        "{Cc} refused the application for school transport because {place} Academy was not the nearest suitable school.",
        "The independent appeal panel met on {date} and dismissed the appeal.",
        "{A}'s son was out of school from {month} {year} and received only {n} hours a week of online tuition.",
        "Section 19 of the Education Act 1996 says councils must arrange suitable education for children who cannot attend school.",
        "{A} could have appealed to the SEND Tribunal against the content of the plan.",
    ],
};

static ENVIRONMENT: Topic = Topic {
    issues: &[
        "noise from a neighbouring business at {place} Road",
        "repeated missed bin collections at {his} home",
        "the Council's response to antisocial behaviour by {his} neighbours",
        "a tree on Council land overhanging {his} garden",
        "the licensing of a takeaway on {place} Street",
    ],
    story: &[
        "{A} first reported noise from the premises on {date}. An officer sent diary sheets for {him} to complete.",
        "Officers installed noise monitoring equipment in {month} {year} but did not witness a statutory nuisance.",
        "{A} reported {n} missed collections between {month} {year} and {month2} {year}.",
        "The crew's records show the bins were not presented on some of the collection days.",
        "{Cc} held a community trigger review on {date} and agreed an action plan.",
        "A tree officer inspected the tree on {date} and decided no work was needed.",
        "The licensing sub-committee granted the application on {date} with conditions.",
        "{Cc} issued {bill} to the business owner.",
    ],
};

static HEALTH: Topic = Topic {
    issues: &[
        "the care and treatment of {his} late father in hospital",
        "the funding of {his} mother's continuing healthcare",
        "the discharge of {his} wife from the mental health unit",
    ],
    story: &[
        "The Ombudsmen investigated this complaint together because it concerned both health and social care.",
        "{A}'s father was admitted to hospital on {date} and discharged to a care home {n} days later.",
        "The discharge assessment did not record {A}'s views about the placement.",
        "A continuing healthcare checklist was completed on {date} but the full assessment was not done until {month} {year}.",
        "{A} {was} asked to pay {bill} while funding was decided.",
    ],
};

static HOUSING: Topic = Topic {
    issues: &[
        "the Council's handling of {his} homelessness application",
        "the banding given to {his} application on the housing register",
        "damp and mould in {his} council flat at {place} Court",
        "the suitability of temporary accommodation offered to {his} family",
        "the service charges for {his} leasehold flat",
    ],
    story: &[
        "{A} approached {C} as homeless on {date}. {Cc} accepted the relief duty in {month} {year}.",
        "{Cc} placed the family in bed and breakfast accommodation at {place} Road for {n} weeks.",
        "The law says bed and breakfast is not suitable for families for more than six weeks.",
        "{Cc} awarded the application band C. {A} asked for a review of the banding on {date}.",
        "A surveyor inspected the flat on {date} and found damp in two bedrooms.",
        "{Cc} raised a repair order but the contractor did not attend until {month} {year}.",
        "{A} said {he} asked for the works to be done several times and {was} sent {bill}.",
        "{A} had a right to ask for a review of the suitability of the accommodation and then to appeal to the county court.",
    ],
};

static PLANNING: Topic = Topic {
    issues: &[
        "the Council's decision to grant planning permission for an extension next door",
        "the Council's failure to take enforcement action against a breach of planning control at {place} Farm",
        "the handling of {his} planning application",
        "building control inspections of {his} new home",
    ],
    story: &[
        "The neighbour applied for planning permission for a two-storey rear extension in {month} {year}.",
        "The planning officer's report considered the impact on neighbouring amenity, including loss of light and overlooking.",
        "{Cc} granted permission under delegated powers on {date}.",
        "{A} reported a breach of planning control on {date}. An enforcement officer visited {n} weeks later.",
        "{Cc} decided it was not expedient to take enforcement action.",
        "{A} paid {bill} when {he} submitted the application.",
        "{Cc} did not decide the application within the statutory eight-week period.",
        "We cannot question the merits of a planning decision taken without fault.",
    ],
};

static TRANSPORT: Topic = Topic {
    issues: &[
        "{bill} issued to {him} in {place}",
        "the Council's failure to repair a pothole on {place} Lane",
        "a broken street light outside {his} home",
        "the Council's decision to refuse {his} application for a blue badge",
        "a traffic regulation order on {place} Road",
    ],
    story: &[
        "A civil enforcement officer issued the penalty charge notice on {date}.",
        "{A} made informal representations which {C} rejected on {date}.",
        "{A} could have appealed to the Traffic Penalty Tribunal.",
        "{A} reported the pothole on {date}. An inspector classed it as a category two defect.",
        "{Cc}'s highway safety inspection policy says category one defects should be repaired within 24 hours.",
        "The street light was reported faulty {n} times between {month} {year} and {month2} {year}.",
        "{Cc} consulted residents on the proposed order in {month} {year}.",
    ],
};

static OTHER: Topic = Topic {
    issues: &[
        "the Council's handling of a complaint about a councillor's conduct",
        "errors in the electoral register for {his} household",
        "the sale of Council land at {place} next to {his} home",
        "the cancellation of {his} leisure centre membership",
        "the award of a contract to {place} Services Ltd",
    ],
    story: &[
        "{A} complained to the monitoring officer on {date} about comments a councillor made at a meeting.",
        "The monitoring officer consulted the independent person and decided to take no further action.",
        "{Cc}'s code of conduct says members must treat others with respect.",
        "{Cc} agreed to sell the land in {month} {year} after a report to the cabinet.",
        "{A} said {he} {was} charged {bill} after the membership was cancelled.",
        "The electoral registration officer removed {A} from the register in {month} {year}.",
    ],
};
