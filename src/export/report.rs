//! The progress report (báo cáo tình hình thực hiện kế hoạch) and the reminder to one unit, as
//! [`Paper`]s: the counts per pillar and per lead unit in the Vietnamese categories, the overdue
//! and done-late tasks with their lead units, the targets, what changed since a day. Pure.

use chrono::NaiveDate;

use super::minutes::{closing, head, plan_tasks, unit_names};
use super::paper::{Block, Paper};
use crate::domain::history::Event;
use crate::domain::meeting::Desk;
use crate::domain::summary::{GroupTally, Summary};
use crate::domain::target::{latest, standing};
use crate::domain::time::Zone;
use crate::domain::{Plan, Tally, Task, Timeliness, UnitRegistry};
use crate::i18n::papers::{self as words, Letterhead, W, word};
use crate::i18n::{Lang, format as vf, tally};

/// What a report is drawn from.
pub struct ReportInput<'a> {
    /// The plan (pillars, title, targets).
    pub plan: &'a Plan,
    /// Every task with its state, the meetings' action items among them.
    pub tasks: &'a [Task],
    /// Units, for their full names.
    pub registry: &'a UnitRegistry,
    /// Meetings, action items, the targets' readings.
    pub desk: &'a Desk,
    /// Who issues it.
    pub letterhead: &'a Letterhead,
    /// The review date.
    pub as_of: NaiveDate,
    /// The day `changes` start from, if any.
    pub since: Option<NaiveDate>,
    /// The history since then.
    pub changes: &'a [Event],
    /// The zone times are written in.
    pub zone: Zone,
    /// The language.
    pub lang: Lang,
}

fn pillar_name(lang: Lang, plan: &Plan, key: &str) -> String {
    plan.pillar(key)
        .map_or_else(|| key.to_string(), |p| vf::pillar_label(lang, p))
}

fn unit_name(lang: Lang, registry: &UnitRegistry, key: &str) -> String {
    match key.strip_prefix("text:") {
        Some(text) => text.to_string(),
        None => registry.by_key(key).map_or_else(
            || key.to_string(),
            |u| {
                if lang == Lang::En && !u.en.is_empty() {
                    u.en.clone()
                } else {
                    u.name.clone()
                }
            },
        ),
    }
}

/// The columns of a table of counts.
fn count_headers(lang: Lang, first: &str) -> Vec<String> {
    // Every category, so that a row adds up to its total as a reader checks it.
    let mut headers = vec![first.to_string(), word(lang, W::Total).to_string()];
    // The short words of the dashboard's legend: eleven columns fit an A4 page only so.
    headers.extend(
        Timeliness::ALL
            .iter()
            .map(|c| capitalized(tally::category(lang, *c))),
    );
    headers.push(word(lang, W::Rate).to_string());
    headers
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn count_row(lang: Lang, name: String, t: &Tally) -> Vec<String> {
    let n = |x: usize| vf::count(lang, x);
    let mut row = vec![name, n(t.total())];
    row.extend(Timeliness::ALL.iter().map(|c| n(t.get(*c))));
    row.push(tally::rate(lang, t));
    row
}

fn counts_table(paper: &mut Paper, lang: Lang, first: &str, rows: Vec<Vec<String>>) {
    let headers = count_headers(lang, first);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    paper.table(&headers, rows);
}

fn task_rows(lang: Lang, registry: &UnitRegistry, tasks: &[&Task], done: bool) -> Vec<Vec<String>> {
    tasks
        .iter()
        .map(|t| {
            let mut row = vec![
                t.def.id.clone(),
                t.def.title.clone(),
                unit_names(lang, registry, &t.def.lead),
                t.deadline()
                    .map_or_else(|| t.def.timeframe.clone(), vf::date),
            ];
            if done {
                row.push(t.state.completed_on.map(vf::date).unwrap_or_default());
            }
            row
        })
        .collect()
}

fn task_table(paper: &mut Paper, input: &ReportInput, tasks: &[&Task], done: bool) {
    let lang = input.lang;
    if tasks.is_empty() {
        paper.para(word(lang, W::NothingListed));
        return;
    }
    let mut headers = vec![
        "TT",
        word(lang, W::Task),
        word(lang, W::Lead),
        word(lang, W::DueDate),
    ];
    if done {
        headers.push(lang.t(crate::i18n::Msg::CompletedOn));
    }
    paper.table(&headers, task_rows(lang, input.registry, tasks, done));
}

fn targets(paper: &mut Paper, input: &ReportInput) {
    let lang = input.lang;
    let rows = input
        .plan
        .targets
        .iter()
        .map(|k| {
            let readings = input
                .desk
                .readings
                .get(&k.id)
                .map_or(&[][..], Vec::as_slice);
            let last = latest(readings);
            vec![
                k.id.clone(),
                k.title.clone(),
                vf::percent_exact(lang, k.target),
                crate::i18n::meeting::percent_or_dash(lang, k.baseline),
                crate::i18n::meeting::reading(lang, last),
                crate::i18n::meeting::standing(lang, standing(k, readings, input.plan.year))
                    .to_string(),
            ]
        })
        .collect();
    paper.table(
        &[
            "TT",
            word(lang, W::Target),
            word(lang, W::Value),
            word(lang, W::LastYear),
            word(lang, W::Latest),
            word(lang, W::Standing),
        ],
        rows,
    );
}

fn change_rows(input: &ReportInput) -> Vec<Vec<String>> {
    input
        .changes
        .iter()
        .map(|e| {
            let [field, from, to] = crate::i18n::history::parts(input.lang, e);
            vec![
                input.zone.date_and_time(e.at),
                e.task.clone().unwrap_or_default(),
                field,
                from,
                to,
                e.who.clone(),
            ]
        })
        .collect()
}

/// The column headers of the change log.
pub fn change_headers(lang: Lang) -> [&'static str; 6] {
    [
        word(lang, W::ChangedAt),
        word(lang, W::Task),
        word(lang, W::Field),
        word(lang, W::From),
        word(lang, W::To),
        word(lang, W::Who),
    ]
}

/// The progress report.
pub fn report(input: &ReportInput) -> Paper {
    let lang = input.lang;
    let mut paper = Paper::default();
    paper.push(head(lang, input.letterhead, "BC", input.as_of));
    paper.push(Block::Kind(word(lang, W::Report).into()));
    paper.push(Block::Summary(super::paper::clean(&words::report_summary(
        lang,
        &input.plan.title,
        input.as_of,
    ))));
    let summary = Summary::of(input.plan, input.tasks, input.registry, input.as_of);
    let own = plan_tasks(input.tasks);
    let own_counts = crate::domain::summary::tally(&own, input.as_of);
    let mut section = 0;
    let mut next = |paper: &mut Paper, title: &str| {
        section += 1;
        paper.heading(&format!("{}. {title}", words::roman(section)));
    };
    next(&mut paper, word(lang, W::Overall));
    paper.para(&words::as_of_sentence(
        lang,
        input.as_of,
        &tally::sentence(lang, &own_counts),
    ));
    paper.para(word(lang, W::Formula));
    paper.subheading(word(lang, W::ByPillar));
    // The plan's own pillars, their sum (what the sentence above says), then the meetings'
    // action items and the sum of everything, when there are any.
    let (meetings, plan_pillars): (Vec<&GroupTally>, Vec<&GroupTally>) = summary
        .pillars
        .iter()
        .partition(|g| crate::domain::meeting::is_meeting_pillar(&g.key));
    let row = |g: &GroupTally| count_row(lang, pillar_name(lang, input.plan, &g.key), &g.tally);
    let mut rows: Vec<Vec<String>> = plan_pillars.iter().map(|g| row(g)).collect();
    if meetings.is_empty() {
        rows.push(count_row(lang, word(lang, W::Total).into(), &own_counts));
    } else {
        rows.push(count_row(
            lang,
            word(lang, W::PlanTotal).into(),
            &own_counts,
        ));
        rows.extend(meetings.iter().map(|g| row(g)));
        rows.push(count_row(
            lang,
            word(lang, W::AllTotal).into(),
            &summary.overall,
        ));
    }
    counts_table(&mut paper, lang, word(lang, W::Pillar), rows);
    paper.subheading(word(lang, W::ByUnit));
    let rows = summary
        .leads
        .iter()
        .map(|g| count_row(lang, unit_name(lang, input.registry, &g.key), &g.tally))
        .collect();
    counts_table(&mut paper, lang, word(lang, W::Unit), rows);
    let pick = |c: Timeliness| -> Vec<&Task> {
        input
            .tasks
            .iter()
            .filter(|t| t.timeliness(input.as_of) == c)
            .collect()
    };
    next(&mut paper, word(lang, W::OverdueTasks));
    task_table(&mut paper, input, &pick(Timeliness::OpenOverdue), false);
    next(&mut paper, word(lang, W::DoneLateTasks));
    task_table(&mut paper, input, &pick(Timeliness::DoneLate), true);
    next(&mut paper, word(lang, W::Targets));
    targets(&mut paper, input);
    if let Some(since) = input.since {
        next(&mut paper, &words::changes_since(lang, since));
        if input.changes.is_empty() {
            paper.para(word(lang, W::NothingListed));
        } else {
            paper.table(&change_headers(lang), change_rows(input));
        }
    }
    paper.push(closing(lang, input.letterhead, ""));
    paper
}

/// The reminder to one unit: its overdue tasks, those due in the next 30 days, and the action
/// items assigned to it and not done. `mine` are the tasks it leads.
pub fn reminder(input: &ReportInput, unit: &str, mine: &[&Task]) -> Paper {
    let lang = input.lang;
    let as_of = input.as_of;
    let mut paper = Paper::default();
    paper.push(head(lang, input.letterhead, "TB", as_of));
    paper.push(Block::Kind(word(lang, W::Reminder).to_uppercase()));
    paper.push(Block::Summary(super::paper::clean(
        &words::reminder_summary(lang, unit, as_of),
    )));
    let horizon = as_of + chrono::Duration::days(crate::domain::summary::DUE_SOON_DAYS);
    let is_action = |t: &Task| crate::domain::meeting::is_meeting_pillar(&t.def.pillar);
    let overdue: Vec<&Task> = mine
        .iter()
        .copied()
        .filter(|t| t.timeliness(as_of) == Timeliness::OpenOverdue)
        .collect();
    let soon: Vec<&Task> = mine
        .iter()
        .copied()
        .filter(|t| {
            let c = t.timeliness(as_of);
            !c.is_done()
                && !matches!(c, Timeliness::Cancelled | Timeliness::OpenOverdue)
                && t.deadline().is_some_and(|d| d >= as_of && d <= horizon)
        })
        .collect();
    let actions: Vec<&Task> = mine
        .iter()
        .copied()
        .filter(|t| is_action(t) && !t.timeliness(as_of).is_done())
        .filter(|t| t.timeliness(as_of) != Timeliness::Cancelled)
        .collect();
    let sections = [
        (word(lang, W::OverdueTasks).to_string(), overdue),
        (word(lang, W::DueSoonTasks).to_uppercase(), soon),
        (word(lang, W::OpenActions).to_uppercase(), actions),
    ];
    for (i, (title, tasks)) in sections.iter().enumerate() {
        paper.heading(&format!("{}. {title}", words::roman(i + 1)));
        task_table(&mut paper, input, tasks, false);
    }
    paper.para(word(lang, W::ReminderAsk));
    // Sent to the unit, kept on file.
    let to_unit = Letterhead {
        recipients: vec![unit.to_string()],
        ..input.letterhead.clone()
    };
    paper.push(closing(lang, &to_unit, ""));
    paper
}
