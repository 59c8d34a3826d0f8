//! `steerdeck set ID`: change a task's status, progress or notes.

use std::io::Write;

use super::args::SetArgs;
use super::{CliError, out_err};
use crate::domain::text::printable;
use crate::i18n::Msg;
use crate::i18n::history::describe;
use crate::session::Session;
use crate::store::{Command as StoreCommand, Outcome, Update};

pub(super) fn run(
    session: &Session,
    plan: &str,
    args: &SetArgs,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if let Some(d) = args.done_on.filter(|d| *d > session.as_of) {
        let (day, as_of) = (
            crate::i18n::format::date(d),
            crate::i18n::format::date(session.as_of),
        );
        return Err(CliError::Usage(match session.lang {
            crate::i18n::Lang::Vi => format!(
                "--done-on {day} sau ngày xem xét {as_of}: nhiệm vụ không thể hoàn thành trong tương lai; chưa lưu gì"
            ),
            crate::i18n::Lang::En => format!(
                "--done-on {day} is after the review date {as_of}: a task cannot be done in the future"
            ),
        }));
    }
    let update = Update {
        plan: plan.to_string(),
        task: args.id.clone(),
        status: args.status,
        progress: args.progress,
        note: args.note.clone(),
        done_on: Some(args.done_on.unwrap_or(session.as_of)),
        withdraw_note: args.withdraw_note.map(|n| usize::from(n) - 1),
        // For scripts: refuse (with who changed it) unless the task is as the script expects.
        expect_status: args.if_status,
        expect_progress: args.if_progress,
        expect_always: true,
        ..Update::default()
    };
    let outcome = session
        .store
        .execute(&session.actor, StoreCommand::Update(update))?;
    if let Outcome::Updated { events } = outcome {
        let lang = session.lang;
        for e in &events {
            writeln!(
                out,
                "{}",
                printable(&describe(lang, session.zone, e), false)
            )
            .map_err(out_err)?;
        }
        writeln!(out, "{}.", lang.t(Msg::Saved)).map_err(out_err)?;
    }
    Ok(())
}
