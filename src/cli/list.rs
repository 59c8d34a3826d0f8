//! `steerdeck list`: tasks filtered, searched, as a table, JSON or CSV.

use std::io::Write;

use super::args::{ListArgs, ListFormat};
use super::{CliError, out_err, table};
use crate::export::TaskRow;
use crate::i18n::{Lang, Msg, format as vf};
use crate::query::fold::fold;
use crate::query::{Due, Filter, UnitMiss, parse_quarter, pick_unit};
use crate::session::Session;
use crate::store::Selection;

/// `steerdeck list`: the filter from the flags, then the rows.
pub(super) fn run(
    session: &Session,
    plan: &str,
    args: &ListArgs,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut filter = Filter {
        pillars: args.pillar.clone(),
        statuses: args.status.clone(),
        lead: args
            .lead
            .as_deref()
            .map(|l| lead_unit(session, plan, l))
            .transpose()?,
        funding: args.funding.clone(),
        ..Filter::default()
    };
    if args.overdue {
        filter.due.push(Due::Overdue);
    }
    if let Some(d) = args.due_by {
        filter.due.push(Due::By(d));
    }
    if let Some(q) = &args.quarter {
        let (y, q) = parse_quarter(q).ok_or_else(|| {
            CliError::Usage(match session.lang {
                Lang::Vi => {
                    format!("'{q}' không phải một quý; hãy viết 2025-Q2 hoặc \"Quý II/2025\"")
                }
                Lang::En => {
                    format!("'{q}' is not a quarter; write it as 2025-Q2 or \"Quý II/2025\"")
                }
            })
        })?;
        filter.due.push(Due::Quarter(y, q));
    }
    list(
        session,
        plan,
        &filter,
        args.search.as_deref().unwrap_or(""),
        args.format,
        args.semicolon,
        out,
    )
}

fn list(
    session: &Session,
    plan: &str,
    filter: &Filter,
    search: &str,
    format: ListFormat,
    sep: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // The store selects (the server, from the plan it keeps): only the tasks listed travel. A
    // pillar may be named by its key, numeral or name; the store reads it the same way.
    let selected = session.store.select(
        plan,
        &Selection {
            filter: filter.clone(),
            search: search.to_string(),
            as_of: session.as_of,
        },
    )?;
    for p in &filter.pillars {
        if crate::query::find_pillar(&selected.pillars, p).is_none() {
            let keys: Vec<String> = selected
                .pillars
                .iter()
                .map(|p| {
                    if p.numeral.is_empty() {
                        p.key.clone()
                    } else {
                        format!("{} ({})", p.key, p.numeral)
                    }
                })
                .collect();
            return Err(CliError::Usage(match session.lang {
                Lang::Vi => format!(
                    "không có nhóm nhiệm vụ '{p}' (kế hoạch này có: {})",
                    keys.join(", ")
                ),
                Lang::En => format!("unknown pillar '{p}' (this plan has: {})", keys.join(", ")),
            }));
        }
    }
    let pillars = selected.pillars.clone();
    let tasks = selected.into_tasks();
    let tasks: Vec<&crate::domain::Task> = tasks.iter().collect();
    match format {
        ListFormat::Json => {
            let rows: Vec<TaskRow> = tasks
                .iter()
                .map(|t| TaskRow::new(t, session.as_of))
                .collect();
            write_json(out, &rows)
        }
        ListFormat::Csv => {
            let bytes = crate::export::csv::list_csv(
                &pillars,
                &tasks,
                session.as_of,
                session.lang,
                super::export::separator(sep),
            )
            .map_err(|e| CliError::Io {
                path: "<stdout>".into(),
                message: e.to_string(),
            })?;
            out.write_all(&bytes).map_err(out_err)
        }
        ListFormat::Table => {
            let lang = session.lang;
            if tasks.is_empty() {
                return writeln!(out, "{}.", lang.t(Msg::NothingFound)).map_err(out_err);
            }
            let headers = [
                lang.t(Msg::Id),
                lang.t(Msg::Deadline),
                lang.t(Msg::Status),
                "%",
                lang.t(Msg::Lead),
                lang.t(Msg::Title),
            ];
            let rows: Vec<Vec<String>> = tasks
                .iter()
                .map(|t| {
                    let lead: Vec<&str> = t
                        .def
                        .lead
                        .iter()
                        .map(|l| session.registry.short(l))
                        .collect();
                    let mut status = lang.status(t.state.status).to_string();
                    if t.is_overdue(session.as_of) {
                        status = format!("{status} !");
                    }
                    vec![
                        t.def.id.clone(),
                        t.deadline()
                            .map_or_else(|| table::truncate(&t.def.timeframe, 18), vf::date),
                        status,
                        t.state.progress.to_string(),
                        lead.join(", "),
                        t.def.title.clone(),
                    ]
                })
                .collect();
            let width = terminal_width();
            out.write_all(table::render(&headers, &rows, width, 5).as_bytes())
                .map_err(out_err)
        }
    }
}

/// The lead unit `--lead` names, by the matcher the screen's unit picker uses: words in any
/// order, any spelling, diacritics optional. A unit that matches nothing is an error naming the
/// closest units (unless the words are in a lead cell the registry does not know), and so are
/// words that match several units equally well.
pub(super) fn lead_unit(session: &Session, plan: &str, text: &str) -> Result<String, CliError> {
    let lang = session.lang;
    let names = |units: &[&crate::domain::Unit]| {
        units
            .iter()
            .map(|u| {
                if u.short == u.name {
                    u.name.clone()
                } else {
                    format!("{} ({})", u.short, u.name)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match pick_unit(&session.registry, text) {
        Ok(unit) => Ok(unit.short.clone()),
        Err(UnitMiss::Ambiguous(units)) => Err(CliError::Usage(
            lang.t(Msg::AmbiguousUnit)
                .replace("{x}", text)
                .replace("{units}", &names(&units)),
        )),
        Err(UnitMiss::NoMatch(near)) => {
            // A lead written in the plan but unknown to the registry is still found as written.
            let want = fold(text.trim());
            let written = session.store.load(plan)?.plan.tasks.iter().any(|t| {
                t.lead
                    .iter()
                    .any(|l| !want.is_empty() && fold(l).contains(&want))
            });
            if written {
                return Ok(text.to_string());
            }
            let mut msg = lang.t(Msg::NoSuchUnit).replace("{x}", text);
            if !near.is_empty() {
                msg.push_str("; ");
                msg.push_str(&lang.t(Msg::ClosestUnits).replace("{units}", &names(&near)));
            }
            Err(CliError::Usage(msg))
        }
    }
}

pub(super) fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

pub(super) fn write_json<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), CliError> {
    // DEL, C1, bidi and zero-width characters escaped too (see `export::sanitize`).
    let text = crate::export::sanitize::to_json_pretty(value).map_err(|e| out_err(e.into()))?;
    writeln!(out, "{text}").map_err(out_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitRegistry;
    use crate::store::MemoryStore;
    use clap::Parser;

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        args: ListArgs,
    }

    fn session(lang: Lang) -> Session {
        let as_of = chrono::NaiveDate::from_ymd_opt(2025, 7, 15);
        Session::with_store(Box::new(MemoryStore::new()), Some("thuky"), as_of, lang)
            .expect("session")
    }

    fn listed(session: &Session, lead: &str) -> Result<Vec<String>, CliError> {
        let line = Line::parse_from(["list", "--format", "json", "--lead", lead]);
        let mut out = Vec::new();
        run(session, "2025", &line.args, &mut out)?;
        let rows: serde_json::Value = serde_json::from_slice(&out).expect("json");
        Ok(rows
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect())
    }

    #[test]
    fn lead_finds_every_unit_by_every_spelling_of_the_registry() {
        let s = session(Lang::Vi);
        let registry = UnitRegistry::embedded().expect("registry");
        let plan = crate::plan::embedded().expect("plan");
        let mut checked = 0;
        for unit in registry.units() {
            // Expected without the matcher: the tasks whose lead cell resolves to this unit's
            // lineage.
            let expected: Vec<String> = plan
                .tasks
                .iter()
                .filter(|t| {
                    t.lead.iter().any(|l| {
                        registry
                            .resolve(l)
                            .is_some_and(|u| registry.same_lineage(u, unit))
                    })
                })
                .map(|t| t.id.clone())
                .collect();
            let spellings = unit
                .aliases
                .iter()
                .chain([&unit.name, &unit.short])
                .flat_map(|a| [a.clone(), fold(a)]);
            for spelling in spellings {
                let got = listed(&s, &spelling).expect("a spelling of the registry");
                assert_eq!(got, expected, "--lead {spelling:?}");
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked} spellings");
    }

    #[test]
    fn lead_takes_words_in_any_order() {
        let s = session(Lang::Vi);
        let htqtct = listed(&s, "Cục HTQTCT").expect("abbreviation");
        assert!(!htqtct.is_empty());
        for words in [
            "ho tich",
            "tich ho",
            "cuc ho tich",
            "htqtct",
            "hộ tịch quốc tịch",
        ] {
            assert_eq!(listed(&s, words).expect(words), htqtct, "{words}");
        }
        let thads = listed(&s, "thads").expect("thads");
        assert!(thads.contains(&"III.13".to_string()), "{thads:?}");
    }

    #[test]
    fn lead_that_names_no_unit_or_several_is_an_error_that_says_which() {
        let s = session(Lang::Vi);
        let Err(CliError::Usage(msg)) = listed(&s, "cuc ho tihc") else {
            unreachable!("no unit is named so");
        };
        assert!(
            msg.starts_with("không có đơn vị nào tên 'cuc ho tihc'"),
            "{msg}"
        );
        assert!(msg.contains("gần giống nhất: Cục HTQTCT"), "{msg}");
        let Err(CliError::Usage(msg)) = listed(&s, "tu phap") else {
            unreachable!("two units are named 'tư pháp'");
        };
        assert!(
            msg.contains("Cục BTTP") && msg.contains("Trung tâm LLTPQG"),
            "{msg}"
        );
        let en = session(Lang::En);
        let Err(CliError::Usage(msg)) = listed(&en, "vu khong co") else {
            unreachable!("no unit is named so");
        };
        assert!(
            msg.starts_with("there is no unit named 'vu khong co'"),
            "{msg}"
        );
    }
}
