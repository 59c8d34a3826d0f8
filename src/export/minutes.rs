//! The conclusion notice (thông báo kết luận) of a meeting, as a [`Paper`]: the head, "THÔNG
//! BÁO" and its summary line, the opening (day, chair, attendees, "kết luận như sau:"), I. the
//! general assessment — the counts in words and numbers — and II. the conclusions item by item,
//! each task assigned with its work, lead and supporting units and deadline; then "Nơi nhận:"
//! and the signature. Pure: it takes the data and returns the paper.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::paper::{Block, Closing, Head, Paper, clean};
use crate::domain::meeting::{ActionItem, Desk, Meeting, is_meeting_pillar};
use crate::domain::summary::Summary;
use crate::domain::{Plan, Tally, Task, TaskDef, Timeliness, UnitRegistry};
use crate::i18n::papers::{self as words, Letterhead, W, word};
use crate::i18n::{Lang, tally};

/// What a notice is drawn from.
pub struct NoticeInput<'a> {
    /// The plan (its pillars, its title).
    pub plan: &'a Plan,
    /// Every task with its state — the plan's and the meetings' action items.
    pub tasks: &'a [Task],
    /// Units, to write their full names.
    pub registry: &'a UnitRegistry,
    /// Meetings and action items.
    pub desk: &'a Desk,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Who issues it.
    pub letterhead: &'a Letterhead,
    /// The day the notice is dated.
    pub issued: NaiveDate,
    /// The language.
    pub lang: Lang,
}

/// Units as the paper names them: each by its full name in the registry, else as written.
pub fn unit_names(lang: Lang, registry: &UnitRegistry, written: &[String]) -> String {
    let names: Vec<String> = written
        .iter()
        .map(|w| match registry.resolve(w) {
            Some(u) if lang == Lang::En && !u.en.is_empty() => u.en.clone(),
            Some(u) => u.name.clone(),
            None => w.trim().to_string(),
        })
        .collect();
    if names.is_empty() {
        "—".into()
    } else {
        names.join(", ")
    }
}

/// The letterhead's head block for a paper of `kind` ("TB", "BC") dated `day`.
pub fn head(lang: Lang, lh: &Letterhead, kind: &str, day: NaiveDate) -> Block {
    Block::Head(Head {
        parent: lh.parent.as_deref().map(|p| clean(&p.to_uppercase())),
        issuer: clean(&lh.issuer.to_uppercase()),
        number: clean(&words::number_line(lang, kind, &lh.symbol)),
        motto: word(lang, W::Motto).into(),
        motto_line: word(lang, W::MottoLine).into(),
        place_date: clean(&words::place_date(lang, &lh.place, day)),
    })
}

/// The recipients and the signature, signed by `signer` unless the letterhead names someone.
pub fn closing(lang: Lang, lh: &Letterhead, signer: &str) -> Block {
    let mut recipients: Vec<String> = lh
        .recipients
        .iter()
        .map(|r| clean(&format!("- {};", r.trim().trim_end_matches(';'))))
        .collect();
    recipients.push(clean(&format!(
        "- {}",
        words::archive_line(lang, &lh.archive)
    )));
    Block::Closing(Closing {
        recipients_label: word(lang, W::Recipients).into(),
        recipients,
        signer_title: lh
            .signer_title
            .iter()
            .map(|t| clean(&t.to_uppercase()))
            .collect(),
        signer_name: clean(
            lh.signer_name
                .as_deref()
                .unwrap_or_else(|| crate::i18n::papers::bare_name(&lh.chair_title, signer)),
        ),
    })
}

/// One assigned task as a sentence: the work, its lead and supporting units, its deadline.
pub fn assignment(lang: Lang, registry: &UnitRegistry, def: &TaskDef) -> String {
    let lower = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    let title = def.title.trim().trim_end_matches('.');
    let mut text = format!(
        "{title}. {}: {}",
        word(lang, W::Lead),
        unit_names(lang, registry, &def.lead)
    );
    if !def.support.is_empty() {
        let _ = write!(
            text,
            "; {}: {}",
            lower(word(lang, W::Support)),
            unit_names(lang, registry, &def.support)
        );
    }
    let when = if def.timeframe.trim().is_empty() {
        "—"
    } else {
        def.timeframe.trim()
    };
    let _ = write!(text, "; {}: {when}.", lower(word(lang, W::Deadline)));
    text
}

/// The plan's own tasks (not the meetings' action items).
pub fn plan_tasks(tasks: &[Task]) -> Vec<Task> {
    tasks
        .iter()
        .filter(|t| !is_meeting_pillar(&t.def.pillar))
        .cloned()
        .collect()
}

/// The notice.
pub fn notice(input: &NoticeInput) -> Paper {
    let lang = input.lang;
    let m = input.meeting;
    let lh = input.letterhead;
    let mut paper = Paper::default();
    paper.push(head(lang, lh, "TB", input.issued));
    paper.push(Block::Kind(word(lang, W::Notice).into()));
    paper.push(Block::Summary(clean(&words::notice_summary(
        lang,
        &lh.chair_title,
        &m.chair,
        &m.title,
    ))));
    paper.para(&words::notice_opening(
        lang,
        m.date,
        &lh.chair_title,
        &m.chair,
        &m.title,
        &m.attendees,
    ));
    assessment(&mut paper, input);
    conclusions(&mut paper, input);
    paper.push(closing(lang, lh, &m.chair));
    paper
}

fn assessment(paper: &mut Paper, input: &NoticeInput) {
    let lang = input.lang;
    let m = input.meeting;
    paper.heading(&format!(
        "{}. {}",
        words::roman(1),
        word(lang, W::Assessment)
    ));
    // The counts as they stood when the meeting closed; before that, as of its day.
    let own = plan_tasks(input.tasks);
    let (as_of, overall) = match &m.closing {
        // The plan's pillars only: the meetings' action items are not the plan's tasks.
        Some(c) => (
            c.as_of,
            c.pillars
                .iter()
                .filter(|g| !is_meeting_pillar(&g.key))
                .fold(Tally::default(), |mut all, g| {
                    all.merge(&g.tally);
                    all
                }),
        ),
        None => (
            m.date,
            Summary::of(input.plan, &own, input.registry, m.date).overall,
        ),
    };
    paper.para(&words::as_of_sentence(
        lang,
        as_of,
        &tally::sentence(lang, &overall),
    ));
    let overdue: Vec<String> = own
        .iter()
        .filter(|t| t.timeliness(as_of) == Timeliness::OpenOverdue)
        .map(|t| {
            format!(
                "{} ({})",
                t.def.id,
                unit_names(lang, input.registry, &t.def.lead)
            )
        })
        .collect();
    if !overdue.is_empty() {
        paper.para(&format!(
            "{}: {}.",
            words::overdue_intro(lang),
            overdue.join("; ")
        ));
    }
}

fn conclusions(paper: &mut Paper, input: &NoticeInput) {
    let lang = input.lang;
    let m = input.meeting;
    paper.heading(&format!(
        "{}. {}",
        words::roman(2),
        word(lang, W::Conclusions)
    ));
    let actions: Vec<&ActionItem> = input
        .desk
        .actions
        .iter()
        .filter(|a| a.meeting == m.id)
        .collect();
    let mut n = 0;
    for item in &m.agenda {
        let assigned: Vec<&&ActionItem> = actions
            .iter()
            .filter(|a| {
                a.about
                    .as_deref()
                    .is_some_and(|t| t.eq_ignore_ascii_case(&item.task))
            })
            .collect();
        let said = item
            .conclusion
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if said.is_none() && assigned.is_empty() {
            continue;
        }
        n += 1;
        let task = input
            .tasks
            .iter()
            .find(|t| t.def.id.eq_ignore_ascii_case(&item.task));
        let about = match task {
            Some(t) => format!(
                "{n}. {} {}: {} ({}: {})",
                word(lang, W::AboutTask),
                t.def.id,
                t.def.title.trim().trim_end_matches('.'),
                word(lang, W::Lead),
                unit_names(lang, input.registry, &t.def.lead)
            ),
            None => format!("{n}. {} {}", word(lang, W::AboutTask), item.task),
        };
        paper.subheading(&about);
        if let Some(c) = said {
            paper.para(c);
        }
        for a in assigned {
            paper.para(&format!("- {}", assignment(lang, input.registry, &a.def)));
        }
    }
    let loose: Vec<&&ActionItem> = actions
        .iter()
        .filter(|a| a.about.as_deref().is_none_or(|t| m.item(t).is_none()))
        .collect();
    if !loose.is_empty() {
        n += 1;
        paper.subheading(&format!("{n}. {}", word(lang, W::OtherTasks)));
        for a in loose {
            paper.para(&format!("- {}", assignment(lang, input.registry, &a.def)));
        }
    }
    if n == 0 {
        paper.para(word(lang, W::NoConclusions));
    }
}
