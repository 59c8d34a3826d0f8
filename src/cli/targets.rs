//! `steerdeck targets`: the plan's quantitative targets.

use std::io::Write;

use super::{CliError, list, out_err, table};
use crate::i18n::{Msg, format as vf};
use crate::session::Session;

/// `steerdeck targets`: each target with its value and the previous year's figure.
pub(super) fn run(session: &Session, plan: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let lang = session.lang;
    let (target, baseline, what) = (
        lang.t(Msg::TargetHeader),
        lang.t(Msg::LastYear),
        lang.t(Msg::What),
    );
    let rows: Vec<Vec<String>> = data
        .plan
        .targets
        .iter()
        .map(|k| {
            vec![
                k.id.clone(),
                vf::percent_exact(lang, k.target),
                k.baseline
                    .map_or_else(|| "—".into(), |b| vf::percent_exact(lang, b)),
                k.title.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return writeln!(out, "—").map_err(out_err);
    }
    let headers = [lang.t(Msg::Id), target, baseline, what];
    out.write_all(table::render(&headers, &rows, list::terminal_width(), 3).as_bytes())
        .map_err(out_err)
}
