//! `steerdeck summary`: the dashboard's numbers as tables (or one JSON object): overall and per
//! pillar, per lead unit, what falls due in the next 30 days, the targets. The same
//! [`Overview`] the screen draws, so the two cannot disagree.

use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;

use super::args::SummaryFormat;
use super::{CliError, list, out_err, table};
use crate::domain::summary::DUE_SOON_DAYS;
use crate::domain::{Overview, Plan, Standing, Tally, Task, Timeliness};
use crate::i18n::dashboard::{self as words, Word, word};
use crate::i18n::{Lang, Msg, format as vf, tally};
use crate::session::Session;

/// `steerdeck summary`.
pub(super) fn run(
    session: &Session,
    plan: &str,
    format: SummaryFormat,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut data = session.store.load(plan)?.with_desk();
    let desk = std::mem::take(&mut data.desk);
    let (plan_def, tasks) = data.split();
    let overview = Overview::of(&plan_def, &tasks, &session.registry, session.as_of, &desk);
    let meetings: Vec<(String, NaiveDate)> = desk
        .meetings
        .iter()
        .map(|m| (m.id.clone(), m.date))
        .collect();
    let names = Names {
        lang: session.lang,
        plan: &plan_def,
        meetings: &meetings,
        session,
    };
    match format {
        SummaryFormat::Json => list::write_json(out, &json(&names, &overview, &tasks)),
        SummaryFormat::Table => {
            let text = tables(&names, plan, &overview, &tasks);
            out.write_all(text.as_bytes()).map_err(out_err)
        }
    }
}

/// What names pillars and units.
struct Names<'a> {
    lang: Lang,
    plan: &'a Plan,
    meetings: &'a [(String, NaiveDate)],
    session: &'a Session,
}

impl Names<'_> {
    fn pillar(&self, key: &str) -> String {
        words::pillar(self.lang, self.plan, self.meetings, key)
    }
    fn lead(&self, key: &str) -> String {
        words::lead(&self.session.registry, key)
    }
}

/// The categories in the order of the dashboard's columns.
const COLUMNS: [Timeliness; 8] = Timeliness::ALL;

fn tables(n: &Names<'_>, plan: &str, o: &Overview, tasks: &[Task]) -> String {
    let lang = n.lang;
    let width = list::terminal_width();
    let s = &o.summary;
    let mut text = format!(
        "{} · {} {plan} · {} {}\n",
        word(lang, Word::Title),
        lang.t(Msg::Plan),
        lang.t(Msg::AsOf),
        vf::date(s.as_of)
    );
    if let Some(since) = &o.since {
        text.push_str(&tally::since(lang, since));
        text.push('\n');
    }
    text.push('\n');
    let mut rows = vec![counts(lang, word(lang, Word::Overall), &s.overall)];
    rows.extend(
        s.pillars
            .iter()
            .map(|g| counts(lang, &n.pillar(&g.key), &g.tally)),
    );
    text.push_str(&counts_table(
        lang,
        word(lang, Word::ByPillar),
        &rows,
        width,
    ));
    for line in 0..2 {
        let items: Vec<String> = tally::legend_line(lang, line)
            .into_iter()
            .map(|(m, w)| format!("{m} {w}"))
            .collect();
        text.push_str(&items.join("  "));
        text.push('\n');
    }
    text.push_str(tally::rate_formula(lang));
    text.push_str("\n\n");
    let rows: Vec<Vec<String>> = s
        .leads
        .iter()
        .map(|g| counts(lang, &n.lead(&g.key), &g.tally))
        .collect();
    text.push_str(&counts_table(lang, word(lang, Word::ByLead), &rows, width));
    text.push('\n');
    let until = s.as_of + chrono::Duration::days(DUE_SOON_DAYS);
    text.push_str(&words::due_soon(lang, DUE_SOON_DAYS, until));
    text.push('\n');
    if s.due_soon.is_empty() {
        text.push_str(word(lang, Word::NothingDue));
        text.push('\n');
    } else {
        let rows: Vec<Vec<String>> = s
            .due_soon
            .iter()
            .filter_map(|&i| tasks.get(i))
            .map(|t| due_row(n, t, s.as_of))
            .collect();
        let headers = [
            lang.t(Msg::Id),
            lang.t(Msg::Title),
            lang.t(Msg::Deadline),
            lang.t(Msg::Days),
            lang.t(Msg::LeadShort),
        ];
        text.push_str(&table::render(&headers, &rows, width, 1));
    }
    text.push('\n');
    text.push_str(&words::targets(lang, n.plan.year));
    text.push('\n');
    text.push_str(&targets_table(n, o, width));
    text
}

/// A group's label, the count of each category, the rate.
fn counts(lang: Lang, label: &str, t: &Tally) -> Vec<String> {
    let mut row = vec![label.to_string()];
    row.extend(COLUMNS.iter().map(|&c| vf::count(lang, t.get(c))));
    row.push(tally::rate(lang, t));
    row
}

/// The counts under the categories' marks, numbers aligned on the right.
fn counts_table(lang: Lang, title: &str, rows: &[Vec<String>], width: Option<usize>) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut headers: Vec<String> = vec![title.to_string()];
    headers.extend(COLUMNS.iter().map(|&c| tally::mark(c).to_string()));
    headers.push(word(lang, Word::Rate).to_string());
    let widths: Vec<usize> = (0..headers.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .chain([&headers[i]])
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let align = |i: usize, c: &str| {
        if i == 0 {
            c.to_string()
        } else {
            format!("{}{c}", " ".repeat(widths[i].saturating_sub(c.width())))
        }
    };
    let heads: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| align(i, h))
        .collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().enumerate().map(|(i, c)| align(i, c)).collect())
        .collect();
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    table::render(&heads, &rows, width, 0)
}

fn due_row(n: &Names<'_>, t: &Task, as_of: NaiveDate) -> Vec<String> {
    let lead = t
        .def
        .lead
        .first()
        .map(|l| {
            n.session
                .registry
                .resolve(l)
                .map_or_else(|| l.clone(), |u| u.short.clone())
        })
        .unwrap_or_default();
    vec![
        t.def.id.clone(),
        t.def.title.clone(),
        t.deadline().map_or_else(String::new, vf::date),
        t.deadline()
            .map_or_else(String::new, |d| vf::days_left(n.lang, d, as_of)),
        lead,
    ]
}

fn targets_table(n: &Names<'_>, o: &Overview, width: Option<usize>) -> String {
    let lang = n.lang;
    if o.targets.is_empty() {
        return format!("{}\n", word(lang, Word::NoTargets));
    }
    let rows: Vec<Vec<String>> = o
        .targets
        .iter()
        .map(|t| {
            vec![
                t.kpi.id.clone(),
                t.kpi.title.clone(),
                vf::percent_exact(lang, t.kpi.target),
                crate::i18n::meeting::percent_or_dash(lang, t.kpi.baseline),
                crate::i18n::meeting::reading(lang, t.latest.as_ref()),
                crate::i18n::meeting::standing(lang, t.standing).to_string(),
            ]
        })
        .collect();
    let last_year = words::last_year(lang, n.plan.year);
    let headers = [
        lang.t(Msg::Id),
        word(lang, Word::Target),
        word(lang, Word::Goal),
        last_year.as_str(),
        word(lang, Word::Latest),
        word(lang, Word::Standing),
    ];
    table::render(&headers, &rows, width, 1)
}

/// `summary --format json`: codes and numbers, not words (dates as yyyy-mm-dd), for programs.
#[derive(Serialize)]
struct Json<'a> {
    as_of: NaiveDate,
    rate_formula: &'static str,
    overall: Counts,
    pillars: Vec<Group>,
    leads: Vec<Group>,
    due_soon: Vec<Due<'a>>,
    targets: Vec<TargetRow<'a>>,
    since_last_meeting: Option<&'a crate::domain::overview::SinceMeeting>,
}

#[derive(Serialize)]
struct Counts {
    #[serde(flatten)]
    tally: Tally,
    done: usize,
    counted: usize,
    total: usize,
    /// Percent, `null` when nothing is counted.
    rate: Option<f64>,
}

impl Counts {
    fn of(t: &Tally) -> Counts {
        Counts {
            tally: *t,
            done: t.done(),
            counted: t.counted(),
            total: t.total(),
            rate: t.rate(),
        }
    }
}

#[derive(Serialize)]
struct Group {
    key: String,
    name: String,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct Due<'a> {
    id: &'a str,
    title: &'a str,
    deadline: Option<NaiveDate>,
    lead: &'a [String],
}

#[derive(Serialize)]
struct TargetRow<'a> {
    id: &'a str,
    title: &'a str,
    target: f64,
    baseline: Option<f64>,
    latest: Option<f64>,
    latest_as_of: Option<NaiveDate>,
    standing: Standing,
}

fn json<'a>(n: &Names<'_>, o: &'a Overview, tasks: &'a [Task]) -> Json<'a> {
    let s = &o.summary;
    let group = |name: String, g: &crate::domain::GroupTally| Group {
        key: g.key.clone(),
        name,
        counts: Counts::of(&g.tally),
    };
    Json {
        as_of: s.as_of,
        rate_formula: tally::rate_formula(n.lang),
        overall: Counts::of(&s.overall),
        pillars: s
            .pillars
            .iter()
            .map(|g| group(n.pillar(&g.key), g))
            .collect(),
        leads: s.leads.iter().map(|g| group(n.lead(&g.key), g)).collect(),
        due_soon: s
            .due_soon
            .iter()
            .filter_map(|&i| tasks.get(i))
            .map(|t| Due {
                id: &t.def.id,
                title: &t.def.title,
                deadline: t.deadline(),
                lead: &t.def.lead,
            })
            .collect(),
        targets: o
            .targets
            .iter()
            .map(|t| TargetRow {
                id: &t.kpi.id,
                title: &t.kpi.title,
                target: t.kpi.target,
                baseline: t.kpi.baseline,
                latest: t.latest.as_ref().map(|r| r.value),
                latest_as_of: t.latest.as_ref().map(|r| r.as_of),
                standing: t.standing,
            })
            .collect(),
        since_last_meeting: o.since.as_ref(),
    }
}
