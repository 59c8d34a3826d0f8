//! `steerdeck plans`: the plans in the store, and choosing the active one.

use std::io::Write;

use super::{CliError, out_err};
use crate::domain::text::printable;
use crate::i18n::{Msg, format as vf};
use crate::session::Session;
use crate::store::Command as StoreCommand;

pub(super) fn run(
    session: &Session,
    activate: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if let Some(name) = activate {
        session.store.execute(
            &session.actor,
            StoreCommand::SetActive {
                plan: name.to_string(),
            },
        )?;
    }
    let lang = session.lang;
    for p in session.store.plans()? {
        let mark = if p.active {
            format!("  ({})", lang.t(Msg::Active))
        } else {
            String::new()
        };
        let line = format!(
            "{}  {} {}  {}{mark}",
            p.name,
            vf::count(lang, p.tasks),
            lang.t(Msg::Tasks),
            p.title
        );
        writeln!(out, "{}", printable(&line, false)).map_err(out_err)?;
    }
    Ok(())
}
